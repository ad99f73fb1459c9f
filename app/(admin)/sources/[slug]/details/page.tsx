import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getSourceDetails } from "@/lib/sources/queries";
import { sourceSlugSchema } from "@/lib/sources/schema";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";
import { RELIABILITY_LABELS } from "@/lib/claims/labels";
import { HistoryPanel } from "../../../_components/history-panel";
import { SourceForm } from "../../../_components/source-form";
import { SourceMeta } from "../../../_components/source-meta";
import { countOf } from "@/lib/format/plural";

export const dynamic = "force-dynamic";
export const metadata = { title: "Source details" };

export default async function SourceDetailsPage({ params }: { params: Promise<{ slug: string }> }) {
  const user = await requirePageRole("viewer");
  const parsed = sourceSlugSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const details = await getSourceDetails(parsed.data.slug);
  if (!details) notFound();
  const { source, snapshot } = details;
  return (
    <section className="narrow">
      <p className="breadcrumbs">
        <Link href="/sources">Sources</Link> / <Link href={`/sources/${source.slug}`}>{source.title}</Link>
      </p>
      <h1>{source.title}</h1>
      <SourceMeta source={source} />
      <p className="muted small">
        {countOf(source._count.claims, "claim", "claims")} · text sha256 <code>{source.textSha256.slice(0, 12)}…</code>
        {source.originFile && (
          <>
            {" "}
            · loaded from <code>{source.originFile}</code>
          </>
        )}
      </p>
      {canEdit(user) ? (
        <SourceForm sourceId={source.id} snapshot={snapshot} />
      ) : (
        <dl className="facts">
          <dt>Reliability</dt>
          <dd>{RELIABILITY_LABELS[source.reliability]}</dd>
          <dt>Kind</dt>
          <dd>{SOURCE_KIND_LABELS[source.kind]}</dd>
          <dt>Publisher</dt>
          <dd>{source.publisher ?? "—"}</dd>
          <dt>Author</dt>
          <dd>{source.author ?? "—"}</dd>
          <dt>Publication date</dt>
          <dd>{source.publishedDate ?? "—"}</dd>
          <dt>URL</dt>
          <dd>
            {source.url ? (
              <a href={source.url} rel="noreferrer noopener">
                {source.url}
              </a>
            ) : (
              "—"
            )}
          </dd>
          <dt>Language</dt>
          <dd>{source.language}</dd>
          <dt>Notes</dt>
          <dd>{source.notes ?? "—"}</dd>
        </dl>
      )}
      <HistoryPanel entityType="source" entityId={source.id} />
    </section>
  );
}
