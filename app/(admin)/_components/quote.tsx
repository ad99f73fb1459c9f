// A quotation in running text. Quotes often begin with the source's own quote mark (“We welcome…),
// and <q> would add a second one; such a quote keeps its own marks instead.
const OWN_OPENING_MARK = /^["“”„«»‘’‚'「『]/;

export function Quote({ text, max }: { text: string; max?: number }) {
  const shown = max !== undefined && text.length > max ? `${text.slice(0, max)}…` : text;
  return <q className={OWN_OPENING_MARK.test(text.trimStart()) ? "own-marks" : undefined}>{shown}</q>;
}
