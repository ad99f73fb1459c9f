"use client";
// Export options (format, byte-order mark, labels, formulas) and the two download links.
import { useId, useState } from "react";
import styles from "./export-button.module.css";

interface ExportMenuProps {
  kind: string;
  /** The filters the page applies, in URL order. */
  filters: [string, string][];
}

export function ExportMenu({ kind, filters }: ExportMenuProps) {
  const [format, setFormat] = useState<"csv" | "ndjson">("csv");
  // Downloads from the app are mostly opened in a spreadsheet: Excel on Windows reads UTF-8 only after a BOM.
  const [bom, setBom] = useState(true);
  const [labels, setLabels] = useState(false);
  const [keepFormulas, setKeepFormulas] = useState(false);
  const id = useId();

  const href = (withFilters: boolean) => {
    const params = new URLSearchParams(withFilters ? filters : []);
    if (format !== "csv") params.set("format", format);
    if (bom && format === "csv") params.set("bom", "1");
    if (keepFormulas && format === "csv") params.set("formulas", "keep");
    if (labels) params.set("labels", "1");
    const query = params.toString();
    return `/api/export/${kind}${query ? `?${query}` : ""}`;
  };

  return (
    <details className={styles.export} data-testid="export">
      <summary className={styles.summary}>Export</summary>
      <div className={styles.panel} role="group" aria-label={`Export ${kind}`}>
        <fieldset className={styles.formats}>
          <legend>Format</legend>
          <label>
            <input type="radio" name={`${id}-format`} value="csv" checked={format === "csv"} onChange={() => setFormat("csv")} /> CSV
          </label>
          <label>
            <input type="radio" name={`${id}-format`} value="ndjson" checked={format === "ndjson"} onChange={() => setFormat("ndjson")} /> NDJSON
          </label>
        </fieldset>
        <label className={styles.option}>
          <input type="checkbox" checked={bom} disabled={format !== "csv"} onChange={(event) => setBom(event.target.checked)} />
          Byte-order mark (for Excel)
        </label>
        <label className={styles.option}>
          <input type="checkbox" checked={labels} onChange={(event) => setLabels(event.target.checked)} />
          Words as the app shows them (&ldquo;Author&rsquo;s voice&rdquo;, &ldquo;In review&rdquo;) instead of codes
        </label>
        <label className={styles.option}>
          <input type="checkbox" checked={keepFormulas} disabled={format !== "csv"} onChange={(event) => setKeepFormulas(event.target.checked)} />
          Keep cells starting with = + - @ as they are (for scripts, not spreadsheets)
        </label>
        <div className={styles.links}>
          {filters.length > 0 && (
            <a href={href(true)} download data-testid="export-filtered">
              Download filtered {kind} ({filters.map(([key, value]) => `${key}: ${value}`).join(", ")})
            </a>
          )}
          <a href={href(false)} download data-testid="export-all">
            Download all {kind}
          </a>
        </div>
      </div>
    </details>
  );
}
