"use client";
// The claims table's rows. Rendered here rather than in the page (a server component) so that the
// page sends each row as one small object instead of its whole element tree, which the server then
// had to serialise for the browser and render again into HTML (README: Performance). The links are
// plain: a hundred next/link components per page were a quarter of the table's rendering, and each
// prefetched its page once in view.
import type { ClaimTableRow } from "@/lib/claims/table-row";
import { ATTRIBUTION_LABELS, SOURCE_STANCE_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";

export function ClaimRows({ rows, selectable }: { rows: ClaimTableRow[]; selectable: boolean }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id} data-claim-id={row.id}>
          {selectable && (
            <td>
              <input type="checkbox" name="ids" value={row.id} aria-label={`Select claim #${row.id}`} />
            </td>
          )}
          <td className="num">
            <a href={`/claims/${row.id}`}>{row.id}</a>
          </td>
          <td className="quote-cell">
            <a href={`/sources/${row.sourceSlug}?claim=${row.id}`} className="quote-link">
              {row.headline
                ? row.headline.map((part, index) =>
                    part.match ? (
                      <mark key={index} className="search-hit">
                        {part.text}
                      </mark>
                    ) : (
                      <span key={index}>{part.text}</span>
                    ),
                  )
                : row.quote}
            </a>
          </td>
          <td className="small">{row.sourceTitle}</td>
          <td>
            {row.speakerName ?? <span className="muted">—</span>}
            <div className="muted small">{ATTRIBUTION_LABELS[row.attribution]}</div>
          </td>
          <td>{row.citedVia ?? <span className="muted">—</span>}</td>
          <td>
            <span className={`stance stance-${row.stance}`}>{STANCE_LABELS[row.stance]}</span>
            <div className="muted small">{SOURCE_STANCE_LABELS[row.sourceStance].toLowerCase()}</div>
          </td>
          <td className="num">{row.credibility}</td>
          <td className="num" data-testid="claim-worth">
            {row.checkWorthiness}
          </td>
          <td className="small">{row.topicTitle ?? <span className="muted">—</span>}</td>
          <td className="small" data-testid="claim-proposition">
            {row.propositionId !== null ? (
              <a href={`/propositions/${row.propositionId}`} title={row.propositionLabel ?? undefined}>
                #{row.propositionId}
              </a>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
          <td className="small" data-testid="claim-assignee">
            {row.assigneeName ?? <span className="muted">—</span>}
            {row.assignedViaSource && <div className="muted">with its source</div>}
          </td>
          <td>
            <span className={`status-pill status-${row.status}`}>{STATUS_LABELS[row.status]}</span>
          </td>
        </tr>
      ))}
    </tbody>
  );
}
