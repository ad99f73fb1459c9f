"use client";
// What every versioned form shows when someone else saved first: who and when, what they saved,
// and what the editor can do next. Used by versioned-form.tsx and the contradiction review.
import { useId, type ReactNode } from "react";

export interface ConflictRow {
  field: string;
  label: string;
  theirs: string;
  yours: string;
  youChangedIt: boolean;
}

export function ConflictNotice({
  heading,
  savedBy,
  savedAt,
  theirs,
  note,
  rows,
  actions,
}: {
  heading: string;
  savedBy?: string | null;
  savedAt?: string | null;
  /** Their decision as a sentence; it follows "Saved by … :". */
  theirs?: ReactNode;
  note: ReactNode;
  rows?: ConflictRow[];
  actions?: ReactNode;
}) {
  const headingId = useId();
  const who = savedBy ? (
    <>
      Saved by <strong>{savedBy}</strong>
      {savedAt && <> at {savedAt.replace("T", " ").slice(0, 16)} UTC</>}
    </>
  ) : null;
  return (
    <section className="conflict" aria-labelledby={headingId} data-testid="conflict-notice">
      <h3 id={headingId}>{heading}</h3>
      {theirs ? (
        <>
          <p>
            {who ? <>{who}: </> : "Saved: "}
            {theirs}
          </p>
          <p>{note}</p>
        </>
      ) : (
        <p>
          {who && <>{who}. </>}
          {note}
        </p>
      )}
      {rows &&
        (rows.length > 0 ? (
          <table className="diff conflict-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Theirs (saved)</th>
                <th scope="col">Yours (not saved)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} data-field={row.field}>
                  <th scope="row">{row.label}</th>
                  <td>
                    <ins>{row.theirs}</ins>
                  </td>
                  <td>{row.youChangedIt ? <strong>{row.yours}</strong> : <span className="muted">{row.yours} (unchanged by you)</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">They saved without changing any field shown here.</p>
        ))}
      {actions && <div className="button-row">{actions}</div>}
    </section>
  );
}
