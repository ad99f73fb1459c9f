import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getReaderSource, getReaderSummary } from "@/lib/sources/queries";
import { sourceSlugSchema } from "@/lib/sources/schema";
import { getClaimDetail } from "@/lib/claims/queries";
import { editorChoices } from "@/lib/pickers/queries";
import { STATUS_LABELS } from "@/lib/claims/labels";
import { CLAIM_STATUSES } from "@/lib/claims/schema";
import { CLAIM_PANEL_ID, SourceReader } from "../../_components/source-reader";
import { ClaimWorkspace } from "../../_components/claim-workspace";
import { SourceMeta } from "../../_components/source-meta";
import { recordId } from "@/lib/validation/zod";
import { listAssignableEditors, sourceAssignee } from "@/lib/assignments/queries";
import { AssignControl } from "../../_components/assign-control";
import { Quote } from "../../_components/quote";
import { CommentsPanel } from "../../_components/comments-panel";
import { SourceReuse } from "../../_components/source-reuse";
import { getSourceReuse } from "@/lib/reuse/queries";

export const dynamic = "force-dynamic";

const searchSchema = z.object({ claim: recordId("Not a claim id").optional().catch(undefined) });

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const parsed = sourceSlugSchema.safeParse(await params);
  if (!parsed.success) return { title: "Source" };
  const source = await getReaderSource(parsed.data.slug);
  return { title: source?.title ?? "Source" };
}

export default async function SourceReaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole("viewer");
  const parsed = sourceSlugSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { claim: selectedId } = searchSchema.parse(await searchParams);
  const source = await getReaderSource(parsed.data.slug);
  if (!source) notFound();
  const editor = canEdit(user);

  const [{ counts, orphaned, withdrawn, revision }, selected] = await Promise.all([
    getReaderSummary(source),
    selectedId !== undefined ? getClaimDetail(selectedId) : null,
  ]);
  const detail = selected?.claim.sourceId === source.id ? selected : null;
  const [actors, topics, editors, assignee, reuse] = await Promise.all([
    editor && detail ? editorChoices("actors") : [],
    editor && detail ? editorChoices("topics") : [],
    editor ? listAssignableEditors() : null,
    sourceAssignee(source.id),
    getSourceReuse(source.id),
  ]);

  return (
    <div className="reader-layout">
      <article className="reader" aria-labelledby="source-title">
        <header>
          <p className="breadcrumbs">
            <Link href="/sources">Sources</Link>
          </p>
          <h1 id="source-title">{source.title}</h1>
          <SourceMeta source={source} />
          <AssignControl target={{ kind: "source", id: source.id }} assignment={assignee} editors={editors} canEdit={editor} />
          <SourceReuse repeats={reuse.repeats} repeatedBy={reuse.repeatedBy} canEdit={editor} />
          <p className="legend">
            {CLAIM_STATUSES.map((status) => (
              <span key={status} className={`legend-item status-${status}`}>
                {STATUS_LABELS[status]} {counts[status] ?? 0}
              </span>
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
            <a href={`#${CLAIM_PANEL_ID}`}>Skip to claim panel</a>
          </p>
        </header>
        <SourceReader
          sourceId={source.id}
          textUrl={`/api/sources/${source.slug}/reader`}
          revision={revision}
          selectedClaimId={detail ? detail.claim.id : null}
          canEdit={editor}
        />
        {orphaned.length > 0 && (
          <section className="orphaned">
            <h2>Claims no longer found in the text</h2>
            <ul className="plain-list">
              {orphaned.map((claim) => (
                <li key={claim.id}>
                  <Link href={`/claims/${claim.id}`}>#{claim.id}</Link> <Quote text={claim.quote} />
                </li>
              ))}
            </ul>
          </section>
        )}
        {withdrawn.length > 0 && (
          <section className="orphaned" aria-labelledby="withdrawn-claims" data-testid="withdrawn-claims">
            <h2 id="withdrawn-claims">Withdrawn claims</h2>
            <p className="muted small">Not highlighted, listed or exported; open one to restore it.</p>
            <ul className="plain-list">
              {withdrawn.map((claim) => (
                <li key={claim.id}>
                  <Link href={`/sources/${source.slug}?claim=${claim.id}`} scroll={false}>
                    #{claim.id}
                  </Link>{" "}
                  <q>{claim.quote}</q>
                </li>
              ))}
            </ul>
          </section>
        )}
        <CommentsPanel entityType="source" entityId={source.id} title="Discussion of this source" />
      </article>
      <aside className={`claim-panel${detail ? " has-claim" : ""}`} id={CLAIM_PANEL_ID} aria-label="Claim" tabIndex={-1}>
        {detail ? (
          <ClaimWorkspace detail={detail} canEdit={editor} actors={actors} topics={topics} variant="panel" editors={editors} />
        ) : (
          <div className="panel-help">
            <h2>Claims</h2>
            <p>Click a highlighted passage (or Tab to it and press Enter) to open its claim here; Escape comes back to the text.</p>
            <p>
              <kbd>n</kbd> and <kbd>p</kbd> open the next and previous unreviewed claim.
            </p>
            {editor && (
              <p>
                Select any text to mark a new claim; a bar with <strong>Create claim</strong> appears under your selection.
              </p>
            )}
            {selectedId !== undefined && !detail && (
              <p className="error" role="alert">
                Claim #{selectedId} is not in this source.
              </p>
            )}
          </div>
        )}
      </aside>
    </div>
  );
}
