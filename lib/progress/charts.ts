// The dashboard's charts as SVG made on the server by Observable Plot, with linkedom's document in
// place of a browser's. The page wraps each in a figure with a caption and a table of the same
// figures for screen readers (app/(admin)/_components/progress-charts.tsx).
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { DailyDecisions, DailyOpen } from "@/lib/progress/queries";

/** A fixed class name, so that app/globals.css can hold the styles Plot would inline. */
const SIZE = { width: 720, height: 260, marginLeft: 44, marginBottom: 40, className: "plot" };

/** Whole numbers only on a count's axis: no more ticks than the largest count. */
function countTicks(largest: number): number {
  return Math.max(1, Math.min(6, largest));
}

function documentForPlot(): Document {
  return parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
}

/**
 * The chart as one image to assistive technology: the svg is role="img" with the summary as its
 * label, and Plot's labels on its groups ("rect", "y-axis tick") go — ARIA forbids a label on an
 * element without a role, and axe reports it.
 */
function accessibleMarkup(chart: Element, label: string): string {
  // Plot's own <style> elements would break the page's content security policy (styles need its
  // nonce); the same rules are in app/globals.css under the class name given to Plot ("plot").
  for (const style of [...chart.querySelectorAll("style")]) style.remove();
  // With a legend Plot returns a figure: the legend's swatches, then the chart's own svg.
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : [...chart.children].find((child) => child.tagName.toLowerCase() === "svg");
  for (const element of [...chart.querySelectorAll("[aria-label]")]) element.removeAttribute("aria-label");
  svg?.setAttribute("role", "img");
  svg?.setAttribute("aria-label", label);
  return chart.outerHTML;
}

/** "2026-12-07" → a Date at midnight UTC, which Plot's time axes read. */
function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function dailyTotals(rows: DailyDecisions[]): number[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.day, (totals.get(row.day) ?? 0) + row.decisions);
  return [0, ...totals.values()];
}

/** Stacked bars: one bar a day, a colour an editor, with a legend. */
export function decisionsChartSvg(rows: DailyDecisions[], days: string[], label: string): string {
  const data = rows.map((row) => ({ ...row, date: dayDate(row.day) }));
  const chart = Plot.plot({
    document: documentForPlot(),
    ...SIZE,
    x: { type: "utc", domain: [dayDate(days[0]!), new Date(dayDate(days.at(-1)!).getTime() + 86_400_000)], label: null },
    y: { label: "Decisions", grid: true, ticks: countTicks(Math.max(...dailyTotals(rows))), tickFormat: "d" },
    color: { legend: true, scheme: "tableau10" },
    marks: [Plot.rectY(data, { x: "date", interval: "day", y: "decisions", fill: "editor", inset: 1 }), Plot.ruleY([0])],
  });
  return accessibleMarkup(chart, label);
}

/** A line of the candidates open at the end of each day. */
export function openCandidatesChartSvg(series: DailyOpen[], label: string): string {
  const data = series.map((point) => ({ ...point, date: dayDate(point.day) }));
  const chart = Plot.plot({
    document: documentForPlot(),
    ...SIZE,
    x: { type: "utc", label: null },
    y: { label: "Open candidates", grid: true, zero: true, ticks: countTicks(Math.max(0, ...series.map((point) => point.open))), tickFormat: "d" },
    marks: [Plot.areaY(data, { x: "date", y: "open", fillOpacity: 0.15 }), Plot.lineY(data, { x: "date", y: "open" }), Plot.ruleY([0])],
  });
  return accessibleMarkup(chart, label);
}
