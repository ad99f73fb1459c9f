// GET /api/contradictions/claim-search?q=…&exclude=ID — claims matching typed text, for a hand-made contradiction
import { withRole } from "@/lib/auth/with-role";
import { claimSearchSchema } from "@/lib/contradictions/schema";
import { searchClaims } from "@/lib/contradictions/queries";

export const dynamic = "force-dynamic";

export const GET = withRole("viewer", async (request) => {
  const url = new URL(request.url);
  const input = claimSearchSchema.parse({ q: url.searchParams.get("q") ?? "", exclude: url.searchParams.get("exclude") ?? undefined });
  const claims = await searchClaims(input.q, input.exclude);
  return Response.json({
    claims: claims.map((claim) => ({
      id: claim.id,
      quote: claim.quote,
      speaker: claim.speaker?.name ?? null,
      source: claim.source.title,
    })),
  });
});
