import Link from "next/link";
import { notFound } from "next/navigation";
import { idParamsSchema } from "@/lib/validation/zod";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getTopicDetail } from "@/lib/topics/queries";
import { STANCES } from "@/lib/claims/schema";
import { ATTRIBUTION_LABELS, STANCE_LABELS, STATUS_LABELS, reliabilityText } from "@/lib/claims/labels";
import { HistoryPanel } from "../../_components/history-panel";
import { TopicForm } from "../../_components/topic-forms";
import { Quote } from "../../_components/quote";
import { countOf } from "@/lib/format/plural";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idParamsSchema.safeParse(await params);
  return { title: parsed.success ? `Topic #${parsed.data.id}` : "Topic" };
}

export default async function TopicPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageRole("viewer");
  const parsed = idParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const detail = await getTopicDetail(parsed.data.id);
  if (!detail) notFound();
  const { topic, snapshot } = detail;
  return (
    <section className="narrow">
      <p className="breadcrumbs">
        <Link href="/topics">Topics</Link>
      </p>
      <h1>{topic.title}</h1>
      {topic.description && <p>{topic.description}</p>}
      <p className="muted">
        {countOf(topic.claims.length, "claim", "claims")} · <Link href={`/claims?topic=${topic.id}`}>open in the claims table</Link> ·{" "}
        <Link href={`/review?topic=${topic.id}`}>review</Link>
      </p>
      {canEdit(user) && <TopicForm key={topic.id} topicId={topic.id} snapshot={snapshot} />}
      {STANCES.map((stance) => {
        const claims = topic.claims.filter((claim) => claim.stance === stance);
        if (claims.length === 0) return null;
        return (
          <section key={stance} aria-labelledby={`stance-${stance}`} className="stance-group">
            <h2 id={`stance-${stance}`}>
              <span className={`stance stance-${stance}`}>{STANCE_LABELS[stance]}</span> <span className="muted small">{claims.length}</span>
            </h2>
            <ul className="plain-list">
              {claims.map((claim) => (
                <li key={claim.id}>
                  <Link href={`/claims/${claim.id}`}>#{claim.id}</Link> <Quote text={claim.quote} />
                  <div className="muted small">
                    {claim.speaker ? <Link href={`/actors/${claim.speaker.id}`}>{claim.speaker.name}</Link> : "author"} (
                    {ATTRIBUTION_LABELS[claim.attribution].toLowerCase()}){claim.citedVia && ` via ${claim.citedVia}`} · {claim.source.title} (reliability{" "}
                    {reliabilityText(claim.source.reliability)}) · credibility {claim.credibility} · {STATUS_LABELS[claim.status]}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <HistoryPanel entityType="topic" entityId={topic.id} />
    </section>
  );
}
