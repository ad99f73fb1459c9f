// POST /api/import/preview — read an uploaded or pasted document and report what saving it
// would do (text, claims with speakers, the stored source it matches). Writes nothing.
import { withRole } from "@/lib/auth/with-role";
import { previewUpload } from "@/lib/import/http";

export const dynamic = "force-dynamic";

export const POST = withRole("editor", async (request) => Response.json(await previewUpload(request)));
