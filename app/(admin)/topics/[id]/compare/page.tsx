import Link from "next/link";
import { notFound } from "next/navigation";
import { idParamsSchema } from "@/lib/validation/zod";
import { requirePageRole } from "@/lib/auth/session";
import { getTopicComparison, type StanceCounts } from "@/lib/contradictions/queries";
import { RELIABILITY_LABELS, STANCE_LABELS, reliabilityText } from "@/lib/claims/labels";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";
import styles from "../../../contradictions/_components/contradictions.module.css";
import { countOf } from "@/lib/format/plural";
import { propositionsOfClaims } from "@/lib/propositions/queries";

export const dynamic = "force-dynamic";

const STANCES = ["supports", "opposes", "neutral", "unclear"] as const;
const COLORS: Record<(typeof STANCES)[number], string> = { supports: "#2f9e44", opposes: "#c92a2a", neutral: "#868e96", unclear: "#e67700" };

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idParamsSchema.safeParse(await params);
  return { title: parsed.success ? `Topic #${parsed.data.id}: who supports, who opposes` : "Topic" };
}

/** Stacked bars, one per row: how many claims support, oppose, … the topic. */
function StanceChart({ rows, title }: { rows: { label: string; counts: StanceCounts }[]; title: string }) {
  const labelWidth = 230;
  const barWidth = 420;
  const rowHeight = 22;
  const max = Math.max(1, ...rows.map((row) => STANCES.reduce((sum, stance) => sum + row.counts[stance], 0)));
  const height = rows.length * rowHeight + 30;
  return (
    <svg className={styles.chart} viewBox={`0 0 ${labelWidth + barWidth + 40} ${height}`} role="img" aria-label={title} data-testid="stance-chart">
      <title>{title}</title>
      {rows.map((row, index) => {
        let x = labelWidth;
        const y = index * rowHeight + 4;
        return (
          <g key={row.label}>
            <text x={labelWidth - 8} y={y + 13} textAnchor="end">
              {row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label}
            </text>
            {STANCES.map((stance) => {
              const width = (row.counts[stance] / max) * barWidth;
              const rect =
                width > 0 ? (
                  <rect key={stance} x={x} y={y} width={width} height={rowHeight - 6} fill={COLORS[stance]}>
                    <title>{`${row.label}: ${row.counts[stance]} ${STANCE_LABELS[stance].toLowerCase()}`}</title>
                  </rect>
                ) : null;
              x += width;
              return rect;
            })}
          </g>
        );
      })}
      {STANCES.map((stance, index) => (
        <g key={stance} transform={`translate(${labelWidth + index * 105}, ${rows.length * rowHeight + 12})`}>
          <rect width="12" height="12" fill={COLORS[stance]} />
          <text x="16" y="11">
            {STANCE_LABELS[stance]}
          </text>
        </g>
      ))}
    </svg>
  );
}

function CountCells({ counts }: { counts: StanceCounts }) {
  return (
    <>
      {STANCES.map((stance) => (
        <td key={stance} className="num">
          {counts[stance] || <span className="muted">0</span>}
        </td>
      ))}
    </>
  );
}

export default async function TopicComparePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("viewer");
  const parsed = idParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const comparison = await getTopicComparison(parsed.data.id);
  if (!comparison) notFound();
  const { topic, totals, sources, actors, claims } = comparison;
  const propositions = await propositionsOfClaims(claims.map((claim) => claim.id));

  return (
    <section>
      <p className="breadcrumbs">
        <Link href="/topics">Topics</Link> / <Link href={`/topics/${topic.id}`}>{topic.title}</Link>
      </p>
      <h1>{topic.title} — who supports it, who opposes it</h1>
      {topic.description && <p>{topic.description}</p>}
      <p className="muted" data-testid="topic-totals">
        {countOf(claims.length, "claim", "claims")}: {STANCES.map((stance) => `${totals[stance]} ${STANCE_LABELS[stance].toLowerCase()}`).join(", ")} (rejected
        claims left out).
      </p>
      {claims.length === 0 ? (
        <p className="empty-queue">No claim is filed under this topic yet. Editors set a claim&apos;s topic and stance in the claim editor.</p>
      ) : (
        <>
          <h2>By source</h2>
          <StanceChart
            title={`Claims on “${topic.title}” by source and stance`}
            rows={sources.map((row) => ({ label: row.source.title, counts: row.counts }))}
          />
          <table className="table" data-testid="topic-sources">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Kind</th>
                <th scope="col">Reliability</th>
                {STANCES.map((stance) => (
                  <th key={stance} scope="col" className="num">
                    {STANCE_LABELS[stance]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sources.map(({ source, counts }) => (
                <tr key={source.id}>
                  <td>
                    <Link href={`/sources/${source.slug}`}>{source.title}</Link>
                    {source.publishedDate && <span className="muted small"> · {source.publishedDate}</span>}
                  </td>
                  <td>{SOURCE_KIND_LABELS[source.kind] ?? source.kind}</td>
                  <td title={RELIABILITY_LABELS[source.reliability]}>{reliabilityText(source.reliability)}</td>
                  <CountCells counts={counts} />
                </tr>
              ))}
            </tbody>
          </table>
          <h2>By actor</h2>
          <StanceChart
            title={`Claims on “${topic.title}” by speaker and stance`}
            rows={actors.map((row) => ({ label: row.actor?.name ?? "Author's voice", counts: row.counts }))}
          />
          <table className="table" data-testid="topic-actors">
            <thead>
              <tr>
                <th scope="col">Speaker</th>
                {STANCES.map((stance) => (
                  <th key={stance} scope="col" className="num">
                    {STANCE_LABELS[stance]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {actors.map(({ actor, counts }) => (
                <tr key={actor?.id ?? "none"}>
                  <td>{actor ? <Link href={`/actors/${actor.id}`}>{actor.name}</Link> : <span className="muted">Author&apos;s voice</span>}</td>
                  <CountCells counts={counts} />
                </tr>
              ))}
            </tbody>
          </table>
          <h2>The claims</h2>
          <div className={styles.columns}>
            {(["supports", "opposes"] as const).map((stance) => (
              <section key={stance} className={styles.column} aria-labelledby={`claims-${stance}`}>
                <h3 id={`claims-${stance}`}>
                  <span className={`stance stance-${stance}`}>{STANCE_LABELS[stance]}</span> <span className="muted small">{totals[stance]}</span>
                </h3>
                <ul className="plain-list">
                  {claims
                    .filter((claim) => claim.stance === stance)
                    .map((claim) => (
                      <li key={claim.id}>
                        <span>{claim.quote}</span>
                        {propositions.has(claim.id) && (
                          <div className="small" data-testid="claim-proposition">
                            Proposition: <Link href={`/propositions/${propositions.get(claim.id)!.id}`}>{propositions.get(claim.id)!.label}</Link>
                          </div>
                        )}
                        <div className="muted small">
                          {claim.speaker?.name ?? "author"} · <Link href={`/sources/${claim.source.slug}?claim=${claim.id}`}>{claim.source.title}</Link> ·
                          credibility {claim.credibility} · <Link href={`/contradictions/cluster/${claim.id}`}>conflicts</Link>
                        </div>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
