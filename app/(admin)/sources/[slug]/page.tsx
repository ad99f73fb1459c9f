import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getSourceWithClaims } from "@/lib/sources/queries";
import { readerMarkup, readerRuns } from "@/lib/sources/highlight";
import { getClaimDetail, listTopicOptions } from "@/lib/claims/queries";
import { editorActorChoices } from "@/lib/pickers/queries";
import { ATTRIBUTION_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { CLAIM_STATUSES } from "@/lib/claims/schema";
import { SourceReader, type ReaderClaim } from "../../_components/source-reader";
import { ClaimWorkspace } from "../../_components/claim-workspace";
import { SourceMeta } from "../../_components/source-meta";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });
const searchSchema = z.object({ claim: z.coerce.number().int().positive().optional().catch(undefined) });

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return { title: "Source" };
  const source = await getSourceWithClaims(parsed.data.slug);
  return { title: source?.title ?? "Source" };
}

export default async function SourceReaderPage({
  params, searchParams,
}: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("viewer");
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { claim: selectedId } = searchSchema.parse(await searchParams);
  const source = await getSourceWithClaims(parsed.data.slug);
  if (!source) notFound();
  const editor = canEdit(user);

  const anchored = source.claims.filter((claim) => claim.anchorStatus !== "orphaned");
  const orphaned = source.claims.filter((claim) => claim.anchorStatus === "orphaned");

  const claims: ReaderClaim[] = anchored.map((claim) => ({
    id: claim.id,
    status: claim.status,
    stance: claim.stance,
    label: [
      claim.speaker ? `${claim.speaker.name} (${ATTRIBUTION_LABELS[claim.attribution].toLowerCase()})` : "author's voice",
      claim.citedVia && `via ${claim.citedVia}`,
      `stance ${STANCE_LABELS[claim.stance].toLowerCase()}`,
      STATUS_LABELS[claim.status].toLowerCase(),
    ].filter(Boolean).join(" · "),
  }));
  const markup = readerMarkup(readerRuns(source.text, anchored), claims);
  const counts = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, source.claims.filter((claim) => claim.status === status).length]));

  const belongs = selectedId !== undefined && source.claims.some((claim) => claim.id === selectedId);
  const [detail, actors, topics] = await Promise.all([
    belongs ? getClaimDetail(selectedId) : null,
    editor && belongs ? editorActorChoices() : [],
    editor && belongs ? listTopicOptions() : [],
  ]);

  return (
    <div className="reader-layout">
      <article className="reader" aria-labelledby="source-title">
        <header>
          <p className="breadcrumbs"><Link href="/sources">Sources</Link></p>
          <h1 id="source-title">{source.title}</h1>
          <SourceMeta source={source} />
          <p className="legend">
            {CLAIM_STATUSES.map((status) => (
              <span key={status} className={`legend-item status-${status}`}>{STATUS_LABELS[status]} {counts[status]}</span>
            ))}
            <span className="muted"> · marks: + supports, − opposes, = neutral, ? unclear</span>
          </p>
          <p className="links">
            <Link href={`/sources/${source.slug}/details`}>{editor ? "Edit details & reliability" : "Details & history"}</Link>
            {" · "}
            <Link href={`/claims?source=${source.slug}`}>Claims table</Link>
            {" · "}
            <Link href={`/review?source=${source.slug}`}>Review this source</Link>
            {" · "}
            <a href="#claim-panel">Skip to claim panel</a>
          </p>
        </header>
        <SourceReader
          sourceId={source.id}
          markup={markup}
          labels={Object.fromEntries(claims.map((claim) => [claim.id, claim.label]))}
          selectedClaimId={belongs ? selectedId : null}
          canEdit={editor}
        />
        {orphaned.length > 0 && (
          <section className="orphaned">
            <h2>Claims no longer found in the text</h2>
            <ul className="plain-list">
              {orphaned.map((claim) => <li key={claim.id}><Link href={`/claims/${claim.id}`}>#{claim.id}</Link> <q>{claim.quote}</q></li>)}
            </ul>
          </section>
        )}
      </article>
      <aside className="claim-panel" id="claim-panel" aria-label="Claim" tabIndex={-1}>
        {detail ? (
          <ClaimWorkspace
            detail={detail}
            canEdit={editor}
            actors={actors}
            topics={topics.map((topic) => ({ id: topic.id, label: topic.title }))}
            variant="panel"
          />
        ) : (
          <div className="panel-help">
            <h2>Claims</h2>
            <p>Click a highlighted passage (or Tab to it and press Enter) to open its claim here.</p>
            {editor && <p>Select any text to mark a new claim; a bar with <strong>Create claim</strong> appears above the text.</p>}
            {selectedId !== undefined && !belongs && <p className="error" role="alert">Claim #{selectedId} is not in this source.</p>}
          </div>
        )}
      </aside>
    </div>
  );
}
