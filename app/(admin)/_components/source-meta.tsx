// One line of source metadata: kind, publisher, author, date, reliability.
import { RELIABILITY_LABELS, reliabilityText } from "@/lib/claims/labels";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";

export function SourceMeta({
  source,
}: {
  source: { kind: string; publisher: string | null; author: string | null; publishedDate: string | null; reliability: string; url?: string | null };
}) {
  return (
    <p className="muted source-meta">
      {SOURCE_KIND_LABELS[source.kind] ?? source.kind}
      {source.publisher && ` · ${source.publisher}`}
      {source.author && ` · ${source.author}`}
      {source.publishedDate && ` · ${source.publishedDate}`}
      {" · "}
      <span className={`reliability reliability-${source.reliability}`} title={RELIABILITY_LABELS[source.reliability]}>
        Reliability {reliabilityText(source.reliability)}
      </span>
      {source.url && (
        <>
          {" "}
          ·{" "}
          <a href={source.url} rel="noreferrer noopener" target="_blank">
            original
          </a>
        </>
      )}
    </p>
  );
}
