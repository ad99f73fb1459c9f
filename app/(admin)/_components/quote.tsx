// A quotation in running text. Quotes often begin or end with the source's own quote mark
// (“We welcome…”, …saying: “We were the victims.”), and <q> would add a second one beside it.
const QUOTE_MARK = `"“”„«»‘’‚'「」『』`;
const OPENS_WITH_MARK = new RegExp(`^[${QUOTE_MARK}]`);
const CLOSES_WITH_MARK = new RegExp(`[${QUOTE_MARK}]$`);

export function Quote({ text, max }: { text: string; max?: number }) {
  const shown = (max !== undefined && text.length > max ? `${text.slice(0, max)}…` : text).trim();
  const className = OPENS_WITH_MARK.test(shown) ? "own-marks" : CLOSES_WITH_MARK.test(shown) ? "own-closing-mark" : undefined;
  return <q className={className}>{shown}</q>;
}
