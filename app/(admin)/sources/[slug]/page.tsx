import { notFound } from "next/navigation";
import { z } from "zod";
import { getSourceWithClaims } from "@/lib/sources/queries";
import { textRuns } from "@/lib/sources/highlight";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return { title: "Source" };
  const source = await getSourceWithClaims(parsed.data.slug);
  return { title: source?.title ?? "Source" };
}

export default async function SourceReaderPage({ params }: { params: Promise<{ slug: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const source = await getSourceWithClaims(parsed.data.slug);
  if (!source) notFound();
  const claimsById = new Map(source.claims.map((claim) => [claim.id, claim]));
  const runs = textRuns(source.text, source.claims);

  return (
    <article className="reader">
      <header>
        <h1>{source.title}</h1>
        <p className="muted">
          {source.kind.replace("_", " ")}
          {source.publisher && ` · ${source.publisher}`}
          {source.author && ` · ${source.author}`}
          {source.publishedDate && ` · ${source.publishedDate}`}
          {` · reliability ${source.reliability} · ${source.claims.length} claims`}
        </p>
      </header>
      <div className="source-text" data-testid="source-text">
        {runs.map((run) => {
          if (run.claimIds.length === 0) return <span key={run.start}>{run.text}</span>;
          const claim = claimsById.get(run.claimIds[run.claimIds.length - 1]!)!;
          const title = [
            claim.speaker ? `${claim.speaker.name} (${claim.attribution.replace("_", " ")})` : "author's voice",
            claim.citedVia && `via ${claim.citedVia}`,
            `stance: ${claim.stance}`,
            `status: ${claim.status}`,
          ].filter(Boolean).join(" · ");
          return (
            <mark key={run.start} className={`claim status-${claim.status}`} data-claim-id={claim.id} title={title}>
              {run.text}
            </mark>
          );
        })}
      </div>
    </article>
  );
}
