// GET /api/mentions?q= — the users an editor can @mention whose name or email contains what they typed
import { withRole } from "@/lib/auth/with-role";
import { searchMentionOptions } from "@/lib/comments/queries";
import { mentionSearchSchema } from "@/lib/comments/schema";

export const dynamic = "force-dynamic";

export const GET = withRole("editor", async (request) => {
  const { q } = mentionSearchSchema.parse({ q: new URL(request.url).searchParams.get("q") ?? undefined });
  return Response.json({ options: await searchMentionOptions(q) }, { headers: { "Cache-Control": "no-store" } });
});
