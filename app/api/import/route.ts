// POST /api/import — save an uploaded or pasted document with the editor's metadata, in one transaction
import { withRole } from "@/lib/auth/with-role";
import { saveUpload } from "@/lib/import/http";

export const dynamic = "force-dynamic";

export const POST = withRole("editor", async (request, { user }) => {
  const saved = await saveUpload(request, user.id);
  return Response.json(saved, { status: saved.created ? 201 : 200 });
});
