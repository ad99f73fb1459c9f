// Word-level text features: content terms, term weights and the weighted overlap of two claims.

const STOPWORDS = new Set(
  (
    "a about above after again against all almost also although am among an and any are aren't as at be because been before " +
    "being below between both but by can could did do does doing done down during each either else even every few for from " +
    "further had has have having he her here hers herself him himself his how however i if in into is it its itself just " +
    "least less like made make many may me might more most much must my myself of off on once one only or other others our ours " +
    "ourselves out over own per perhaps quite rather same she should since so some such than that the their theirs them " +
    "themselves then there these they this those though through thus to too two under until up upon us very was we were what " +
    "when where whether which while who whom whose why will with within would yet you your yours yourself yourselves " +
    "mr mrs ms dr " +
    // Indefinite pronouns stand for no one thing.
    "everyone everybody everything anyone anybody anything someone somebody something " +
    // Reporting verbs say who speaks, not what about.
    "said says say saying told tell tells according claimed claims claim added adds stated states noted notes wrote writes " +
    "reported reportedly allegedly alleged alleges pointed point points out asked believes believed " +
    "now still already again ago later earlier last next first new old another several also well regard regards"
  ).split(/\s+/),
);

export const NEGATORS = new Set(["not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "cannot", "without", "n't"]);

const SYNONYMS: Record<string, string> = {
  memorandum: "memo",
  cable: "memo",
  usa: "united-states",
  america: "united-states",
  american: "united-states",
  washington: "united-states",
  uk: "britain",
  british: "britain",
  england: "britain",
  muhajir: "mohajir",
  mohajirs: "mohajir",
  muhajirs: "mohajir",
  afghan: "afghanistan",
  pakistani: "pakistan",
  canadian: "canada",
  killings: "kill",
  murdered: "kill",
  murder: "kill",
  killed: "kill",
  assassination: "kill",
  assassinated: "kill",
  dead: "death",
  died: "death",
  deaths: "death",
  percent: "per-cent",
};

function stem(word: string): string {
  let w = word;
  for (const suffix of ["ments", "ment", "ings", "ing", "edly", "ied", "ies", "ed", "es", "s"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      if (suffix === "s" && /(ss|us|is)$/.test(w)) break;
      w = w.slice(0, -suffix.length) + (suffix === "ied" || suffix === "ies" ? "y" : "");
      break;
    }
  }
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

/** Lowercased word tokens, with "U.S." and "US" kept apart from the pronoun "us". */
export function words(text: string): string[] {
  const marked = text
    .replace(/\bU\.S\.A?\.?|\bUSA\b|\bUS\b/g, " usa ")
    .replace(/\bU\.K\.|\bUK\b/g, " uk ")
    .replace(/[’‘`]/g, "'");
  const matches = [...marked.matchAll(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu)];
  const result: string[] = [];
  for (let index = 0; index < matches.length; index += 1) {
    const raw = matches[index]![0];
    // "George Washington University", "New England", "Latin America", "the Washington Post": a place name inside a
    // longer name is part of that name, not the country it stands for on its own.
    if (NAME_PARTS.has(raw)) {
      const previous = matches[index - 1];
      const next = matches[index + 1];
      const adjacent = (left: RegExpMatchArray, right: RegExpMatchArray) => /^ $/.test(marked.slice(left.index! + left[0].length, right.index!));
      if (previous && adjacent(previous, matches[index]!) && isNameWord(previous[0]) && result.length) {
        result[result.length - 1] = `${previous[0].toLowerCase()}-${raw.toLowerCase()}`;
        continue;
      }
      if (next && adjacent(matches[index]!, next) && isNameWord(next[0])) {
        result.push(`${raw.toLowerCase()}-${next[0].toLowerCase()}`);
        index += 1;
        continue;
      }
    }
    let token = raw.toLowerCase();
    if (token.endsWith("n't")) {
      result.push(token.slice(0, -3));
      result.push("n't");
      continue;
    }
    token = token.replace(/'s$/, "");
    result.push(token);
  }
  return result;
}

/** Place names that stand for a country on their own (SYNONYMS) but not inside a longer name. */
const NAME_PARTS = new Set(["Washington", "England", "America"]);
/** A capitalized word that is part of a name, not a sentence's first function word ("In America"). */
const NOT_NAME_WORDS = new Set(["The", "In", "At", "From", "To", "Of", "And", "For", "By", "On", "With", "As", "But", "Across", "Throughout", "Said", "Says"]);
function isNameWord(word: string): boolean {
  return /^\p{Lu}/u.test(word) && !NOT_NAME_WORDS.has(word) && word.length > 1;
}

function normalizeUncached(word: string): string | null {
  if (STOPWORDS.has(word) || NEGATORS.has(word)) return null;
  if (/^\d/.test(word)) return null;
  if (word.length < 3 && word !== "uk") return null;
  const synonym = SYNONYMS[word];
  if (synonym) return synonym;
  return stem(word);
}

// A claim is in many pairs, so detection normalizes the same words over and over; bounded cache.
const normalized = new Map<string, string | null>();
const NORMALIZED_CACHE_LIMIT = 200_000;

export function normalizeTerm(word: string): string | null {
  const known = normalized.get(word);
  if (known !== undefined) return known;
  const term = normalizeUncached(word);
  if (normalized.size >= NORMALIZED_CACHE_LIMIT) normalized.clear();
  normalized.set(word, term);
  return term;
}

/** Each content term with the word it was first written as, for explanations ("revenu" → "revenues"). */
export function surfaceWords(text: string): Map<string, string> {
  const surface = new Map<string, string>();
  for (const word of words(text)) {
    const term = normalizeTerm(word);
    if (term && !surface.has(term)) surface.set(term, word === "usa" ? "US" : word === "uk" ? "UK" : word);
  }
  return surface;
}

export function contentTerms(text: string): Set<string> {
  return termsOfWords(words(text));
}

export function termsOfWords(tokens: readonly string[]): Set<string> {
  const terms = new Set<string>();
  for (const word of tokens) {
    const term = normalizeTerm(word);
    if (term) terms.add(term);
  }
  return terms;
}

/** How rare each term is across all claims: weight = ln(1 + N / df). Unknown terms weigh most. */
export class Vocabulary {
  private readonly documentFrequency = new Map<string, number>();
  /** Weights asked for since the last add: judging asks for the same terms millions of times. */
  private readonly weights = new Map<string, number>();
  private documents = 0;

  static from(texts: Iterable<string>): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const text of texts) vocabulary.add(contentTerms(text));
    return vocabulary;
  }

  /** What a worker thread needs to weigh terms as this vocabulary does (a Map survives postMessage). */
  counts(): { documents: number; frequency: Map<string, number> } {
    return { documents: this.documents, frequency: this.documentFrequency };
  }

  static fromCounts(counts: { documents: number; frequency: Map<string, number> }): Vocabulary {
    const vocabulary = new Vocabulary();
    vocabulary.documents = counts.documents;
    for (const [term, frequency] of counts.frequency) vocabulary.documentFrequency.set(term, frequency);
    return vocabulary;
  }

  add(terms: Set<string>): void {
    this.documents += 1;
    if (this.weights.size) this.weights.clear();
    for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  weight(term: string): number {
    if (this.documents === 0) return 1;
    const known = this.weights.get(term);
    if (known !== undefined) return known;
    const frequency = this.documentFrequency.get(term) ?? 0;
    const weight = Math.log(1 + this.documents / (1 + frequency));
    this.weights.set(term, weight);
    return weight;
  }

  /** A term at least this rare names a specific subject rather than the corpus's theme. */
  isDistinctive(term: string): boolean {
    if (this.documents < 20) return true;
    const frequency = this.documentFrequency.get(term) ?? 0;
    return frequency <= Math.max(3, this.documents * 0.04);
  }
}

export interface Overlap {
  /** Weighted cosine of the two term sets, 0 … 1. */
  score: number;
  /** Rarest first. */
  shared: string[];
  /** Shared terms rare enough to name a specific subject. */
  distinctive: string[];
}

export function overlap(a: Set<string>, b: Set<string>, vocabulary: Vocabulary): Overlap {
  return weightedOverlap(a, b, vocabulary, squaredNorm(a, vocabulary), squaredNorm(b, vocabulary));
}

/** Sum of the squared weights of the terms: a set's norm, which callers that compare one set often may keep. */
export function squaredNorm(terms: Set<string>, vocabulary: Vocabulary): number {
  let norm = 0;
  for (const term of terms) norm += vocabulary.weight(term) ** 2;
  return norm;
}

/** `overlap` with both sets' squared norms already known. */
export function weightedOverlap(a: Set<string>, b: Set<string>, vocabulary: Vocabulary, normA: number, normB: number): Overlap {
  let sharedWeight = 0;
  const shared: string[] = [];
  for (const term of a) {
    if (!b.has(term)) continue;
    sharedWeight += vocabulary.weight(term) ** 2;
    shared.push(term);
  }
  const score = normA && normB ? sharedWeight / Math.sqrt(normA * normB) : 0;
  shared.sort((x, y) => vocabulary.weight(y) - vocabulary.weight(x));
  return { score, shared, distinctive: shared.filter((term) => vocabulary.isDistinctive(term)) };
}

/** True when the text states its content negatively an odd number of times. */
export function isNegated(text: string): boolean {
  return negatesWords(words(text));
}

export function negatesWords(tokens: readonly string[]): boolean {
  let count = 0;
  let neither = false;
  for (const [index, word] of tokens.entries()) {
    // "rather than X", "instead of X" negate X as "not X" does.
    if ((word === "rather" && tokens[index + 1] === "than") || (word === "instead" && tokens[index + 1] === "of")) {
      count += 1;
      continue;
    }
    if (!NEGATORS.has(word)) continue;
    // "neither … nor …" negates once.
    if (word === "nor" && neither) continue;
    if (word === "neither") neither = true;
    count += 1;
  }
  return count % 2 === 1;
}

export function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export function shorten(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max * 0.6 ? space : max)}…`;
}
