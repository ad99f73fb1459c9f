// GET /api/sources/[slug]/reader — the text and its highlights, fetched apart from the page (304 by ETag)
import fresh from "fresh";
import { withRole } from "@/lib/auth/with-role";
import { NotFoundError } from "@/lib/errors";
import { getSourceWithClaims } from "@/lib/sources/queries";
import { readerResponseBody, sourceReaderLayout } from "@/lib/sources/reader";
import { sourceSlugSchema } from "@/lib/sources/schema";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ slug: string }> }>("viewer", async (request, { params }) => {
  const { slug } = sourceSlugSchema.parse(await params);
  const source = await getSourceWithClaims(slug);
  if (!source) throw new NotFoundError("No source has that address.");
  const { body, etag } = readerResponseBody(sourceReaderLayout(source));
  const headers = { ETag: etag, "Cache-Control": "private, no-cache", Vary: "Cookie" };
  if (fresh({ "if-none-match": request.headers.get("if-none-match") ?? undefined }, { etag })) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
});
