// Counted nouns ("1 claim", "2 claims", "1,204 claims") by the language's plural rules rather than `n === 1`.
const rules = new Intl.PluralRules("en");

/** The word for this many: `plural(1, "claim", "claims")` → "claim". */
export function plural(count: number, one: string, other: string): string {
  return rules.select(count) === "one" ? one : other;
}

/** The count and the word: `countOf(3, "claim", "claims")` → "3 claims"; thousands grouped. */
export function countOf(count: number, one: string, other: string): string {
  return `${count.toLocaleString("en")} ${plural(count, one, other)}`;
}
