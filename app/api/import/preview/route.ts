// POST /api/import/preview — report what saving an uploaded or pasted document would do; writes nothing
import { withRole } from "@/lib/auth/with-role";
import { previewUpload } from "@/lib/import/http";

export const dynamic = "force-dynamic";

export const POST = withRole("editor", async (request) => Response.json(await previewUpload(request)));
