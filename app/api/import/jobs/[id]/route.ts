// GET /api/import/jobs/[id] — an import job's status, progress and result, for its requester or an admin
import { withRole } from "@/lib/auth/with-role";
import { importJobStatus } from "@/lib/import/http";
import { importJobParamsSchema } from "@/lib/import/schema";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ id: string }> }>("editor", async (_request, { params, user }) => {
  const parsed = importJobParamsSchema.safeParse(await params);
  if (!parsed.success) throw parsed.error;
  const job = await importJobStatus(parsed.data.id, user);
  return Response.json(job, { headers: { "Cache-Control": "no-store" } });
});
