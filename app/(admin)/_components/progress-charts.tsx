// Progress over time on the dashboard: decisions per day per editor, candidates open over time, and
// the time left in the queue at the desk's recent pace. The charts are SVG drawn on the server
// (lib/progress/charts.ts); each figure has a caption and, for screen readers, a table of its figures.
import { CHART_DAYS, PACE_DAYS, decisionsPerDay, openCandidatesPerDay, queueTimeLeft } from "@/lib/progress/queries";
import { decisionsChartSvg, openCandidatesChartSvg } from "@/lib/progress/charts";
import { lastDays, timeLeftWords, type QueueEstimate } from "@/lib/progress/pace";
import { countOf } from "@/lib/format/plural";

/** A chart's figures for screen readers (the chart itself carries only a summary). */
function FiguresTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.join(" ")}>
            {row.map((cell, index) => (
              <td key={index}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EstimateSentence({ estimate }: { estimate: QueueEstimate }) {
  const words = timeLeftWords(estimate);
  const unreviewed = countOf(estimate.unreviewed, "unreviewed claim", "unreviewed claims");
  if (words === null) {
    return (
      <>
        {unreviewed}. Not enough recent activity to estimate the time left: no claim was decided in the last {PACE_DAYS} days.
      </>
    );
  }
  if (estimate.unreviewed === 0) return <>No unreviewed claims: the queue is empty.</>;
  return (
    <>
      {unreviewed}; at the last {PACE_DAYS} days&apos; pace of {estimate.perDay.toLocaleString("en", { maximumFractionDigits: 1 })} decisions a day,{" "}
      <strong>{words}</strong> left.
    </>
  );
}

export async function ProgressCharts({ now = new Date() }: { now?: Date }) {
  const [decisions, open, estimate] = await Promise.all([decisionsPerDay(undefined, now), openCandidatesPerDay(undefined, now), queueTimeLeft(undefined, now)]);
  const days = lastDays(now, CHART_DAYS);
  const total = decisions.reduce((sum, row) => sum + row.decisions, 0);
  const decisionsLabel = `Claims decided per day per editor over the last ${CHART_DAYS} days: ${countOf(total, "decision", "decisions")} in all.`;
  const openNow = open.at(-1)?.open ?? 0;
  const openLabel = `Contradiction candidates open at the end of each day over the last ${CHART_DAYS} days: ${open[0]?.open ?? 0} then, ${openNow} now.`;
  return (
    <section className="card progress-charts" aria-labelledby="progress-over-time">
      <h2 id="progress-over-time">Progress over time</h2>
      <p data-testid="queue-estimate">
        <EstimateSentence estimate={estimate} />
      </p>
      <figure className="chart" data-testid="decisions-chart">
        <figcaption>{decisionsLabel}</figcaption>
        {total > 0 ? (
          <div className="chart-svg" dangerouslySetInnerHTML={{ __html: decisionsChartSvg(decisions, days, decisionsLabel) }} />
        ) : (
          <p className="muted">No claim was decided in the last {CHART_DAYS} days.</p>
        )}
        {total > 0 && (
          <FiguresTable
            caption="Decisions per day and editor"
            headers={["Day", "Editor", "Decisions"]}
            rows={decisions.map((row) => [row.day, row.editor, row.decisions])}
          />
        )}
      </figure>
      <figure className="chart" data-testid="open-candidates-chart">
        <figcaption>{openLabel}</figcaption>
        <div className="chart-svg" dangerouslySetInnerHTML={{ __html: openCandidatesChartSvg(open, openLabel) }} />
        <FiguresTable
          caption="Open candidates at the end of each day"
          headers={["Day", "Open candidates"]}
          rows={open.map((point) => [point.day, point.open])}
        />
      </figure>
    </section>
  );
}
