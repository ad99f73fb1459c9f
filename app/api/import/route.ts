// POST /api/import — validate an uploaded or pasted document and its metadata, store it as an import job, answer 202 with the job's status URL
import { withRole } from "@/lib/auth/with-role";
import { queueUpload } from "@/lib/import/http";

export const dynamic = "force-dynamic";

export const POST = withRole("editor", async (request, { user }) => {
  const queued = await queueUpload(request, user.id);
  return Response.json(queued, { status: 202, headers: { Location: queued.statusUrl } });
});
