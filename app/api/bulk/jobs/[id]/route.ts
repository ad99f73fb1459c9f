// GET /api/bulk/jobs/[id] — a bulk change's status and progress, for its requester or an admin
import { withRole } from "@/lib/auth/with-role";
import { bulkJobStatus } from "@/lib/bulk/jobs";
import { idParamsSchema } from "@/lib/validation/zod";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string }> }>("editor", async (_request, { params, user }) => {
  const parsed = idParamsSchema.safeParse(await params);
  if (!parsed.success) throw parsed.error;
  const job = await bulkJobStatus(parsed.data.id, user);
  return Response.json(job, { headers: { "Cache-Control": "no-store" } });
});
