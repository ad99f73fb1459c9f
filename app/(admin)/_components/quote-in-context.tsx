// A claim's quote inside its paragraph, as the source prints it.
import type { ParagraphView } from "@/lib/claims/paragraph";

export function QuoteInContext({ paragraph, status }: { paragraph: ParagraphView; status: string }) {
  return (
    <blockquote className="quote-context" data-testid="quote-in-context">
      {paragraph.clippedStart && "… "}
      {paragraph.before}
      <mark className={`claim status-${status}`}>{paragraph.quote}</mark>
      {paragraph.after}
      {paragraph.clippedEnd && " …"}
    </blockquote>
  );
}
