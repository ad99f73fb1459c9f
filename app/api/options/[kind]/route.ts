// GET /api/options/[kind]?q= — sources, speakers or topics matching what a user types into a picker
import { withRole } from "@/lib/auth/with-role";
import { searchPicker } from "@/lib/pickers/queries";
import { searchPickerSchema } from "@/lib/pickers/schema";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ kind: string }> }>("viewer", async (request, { params }) => {
  const parsed = searchPickerSchema.safeParse({ kind: (await params).kind, q: new URL(request.url).searchParams.get("q") ?? undefined });
  if (!parsed.success) throw parsed.error;
  const options = await searchPicker(parsed.data.kind, parsed.data.q);
  return Response.json({ options }, { headers: { "Cache-Control": "no-store" } });
});
