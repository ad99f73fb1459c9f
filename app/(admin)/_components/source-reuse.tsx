// The source page's repost lines: "This document repeats 82 % of Source X" (with the reused passages)
// and, on the original, "Repeated by Source Y (82 %)". Editors confirm or dismiss; viewers only read.
import Link from "next/link";
import type { ReuseLine } from "@/lib/reuse/queries";
import { REUSE_STATUS_LABELS, sharePercent } from "@/lib/reuse/labels";
import { ReuseDecision } from "./source-reuse-decision";

function Status({ line }: { line: ReuseLine }) {
  return (
    <span className={`badge reuse-status reuse-${line.status}`} data-testid="reuse-status">
      {REUSE_STATUS_LABELS[line.status]}
    </span>
  );
}

function Passages({ line, label }: { line: ReuseLine; label: string }) {
  if (line.excerpts.length === 0) return null;
  return (
    <details className="reuse-passages">
      <summary>
        {line.excerpts.length === 1 ? "1 passage" : `${line.excerpts.length} passages`} {label}
      </summary>
      <ol>
        {line.excerpts.map((excerpt) => (
          <li key={excerpt.start}>
            <span className="muted small">
              characters {excerpt.start}–{excerpt.end}:
            </span>{" "}
            <mark className="reuse-passage">{excerpt.text}</mark>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function SourceReuse({ repeats, repeatedBy, canEdit }: { repeats: ReuseLine[]; repeatedBy: ReuseLine[]; canEdit: boolean }) {
  if (repeats.length === 0 && repeatedBy.length === 0) return null;
  return (
    <section className="source-reuse" aria-label="Reposts" data-testid="source-reuse">
      <ul className="plain-list">
        {repeats.map((line) => (
          <li key={line.id} className={line.status === "dismissed" ? "muted" : undefined} data-testid="reuse-repeats">
            This document repeats {sharePercent(line.share)} of{" "}
            <Link href={`/sources/${line.other.slug}`}>
              <cite>{line.other.title}</cite>
            </Link>{" "}
            ({line.attributed ? "named in the text" : "not named"}) <Status line={line} />
            {canEdit && <ReuseDecision id={line.id} version={line.version} status={line.status} />}
            <Passages line={line} label="repeated from it" />
          </li>
        ))}
        {repeatedBy.map((line) => (
          <li key={line.id} className={line.status === "dismissed" ? "muted" : undefined} data-testid="reuse-repeated-by">
            Repeated by{" "}
            <Link href={`/sources/${line.other.slug}`}>
              <cite>{line.other.title}</cite>
            </Link>{" "}
            ({sharePercent(line.share)}, {line.attributed ? "named there" : "not named there"}) <Status line={line} />
            {canEdit && <ReuseDecision id={line.id} version={line.version} status={line.status} />}
            <Passages line={line} label="of this document repeated there" />
          </li>
        ))}
      </ul>
    </section>
  );
}
