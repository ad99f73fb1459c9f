// Whether two claims state the same thing (issue 21, item 1): the same figure for the same measure, the
// same act towards the same target, or the same predication held the same way, about the same happening.
// Pure: the grouping run (lib/propositions/group.ts) asks it about the candidate pairs the database
// found, and the contradiction judge vetoes pairs that conflict — a denial and an accusation of one
// target share every word and are opposite propositions.
import { strongestCue } from "@/lib/contradictions/judge";
import {
  actTargets,
  entityText,
  facetsOf,
  features,
  precedes,
  sameVoice,
  eventRelatedness,
  noisyOr,
  propositionsOf,
  statedQuantities,
  containment,
  subjectOverlap,
  subjectTerms,
  type CueClaim,
  type PairSignals,
} from "@/lib/contradictions/features";
import { comparableQuantities, quantitiesDisagree, type Act, type QuantityFacet } from "@/lib/facets";
import { normalizeTerm, type Vocabulary } from "@/lib/text/terms";
import { derivedVerbs, headSense } from "@/lib/text/wordnet";
import { LIGHT, REPORTING } from "@/lib/facets/acts";
import { facetTokens } from "@/lib/facets/tokens";

export interface PropositionMatch {
  /** 0 … 1: how sure the run is that the two say one thing. */
  score: number;
  /** One line an editor reads beside the member ("the same figure: 552 tonnes / no more than 552 tonnes"). */
  reason: string;
}

/** A conflict the judge is at least this sure of keeps two claims apart. */
const CONFLICT_VETO = 0.35;
/** Below this, two claims are not taken to be about one happening, whatever else they share. */
const MIN_RELATEDNESS = 0.3;
/** Claims matched at or above this are grouped. */
export const MATCH_THRESHOLD = 0.5;

const ACTS: Act[] = ["accuses", "denies", "admits"];
const ACT_WORDS: Record<Act, string> = { accuses: "accuse", denies: "deny", admits: "admit" };

interface Evidence {
  weight: number;
  reason: string;
}

/** Returns null when the two are not the same proposition (or cannot be: they conflict). */
export function matchClaims(a: CueClaim, b: CueClaim, signals: PairSignals, vocabulary: Vocabulary): PropositionMatch | null {
  const judged = judgeSameness(a, b, signals, vocabulary);
  return judged === "apart" ? null : judged;
}

/**
 * A match; "apart" when the two cannot state one thing (figures that cannot both hold, one accusing whom the other
 * clears, a predication held true and false, a conflict the judge is sure of), which also keeps their groups apart;
 * or null when nothing ties them.
 */
export function judgeSameness(a: CueClaim, b: CueClaim, signals: PairSignals, vocabulary: Vocabulary): PropositionMatch | "apart" | null {
  if (a.id === b.id) return null;
  // The same sentence in two documents (a repost, a wire story run twice) states one thing.
  if (sameSentence(a.quote, b.quote)) return { score: 0.95, reason: "the same sentence" };
  // "Alamgir repeated the claim to reporters on Thursday": the claim the speaker made just before, made again.
  if (repeatsPrevious(a, b, signals) || repeatsPrevious(b, a, signals)) return { score: 0.8, reason: "the speaker repeats it" };
  const evidence: Evidence[] = [];

  const figures = figureEvidence(a, b);
  if (figures === "different") return "apart";
  if (figures) evidence.push(figures);

  const acts = actEvidence(a, b);
  if (acts === "different") return "apart";
  if (acts) evidence.push(acts);

  const predication = predicationEvidence(a, b);
  if (predication === "different") return "apart";
  if (predication) evidence.push(predication);

  // "The teams estimate that about 4.9 million barrels were released" states its figure; "the teams released refined
  // estimates of how much oil flowed" names none: words in common without the figure are its setting, not its statement.
  if (!figureless(a, b) && !figureless(b, a)) {
    const wording = wordingEvidence(a, b, vocabulary);
    if (wording) evidence.push(wording);
    const reworded = rewordingEvidence(a, b, vocabulary);
    if (reworded) evidence.push(reworded);
    const restated = restatementEvidence(a, b, vocabulary);
    if (restated) evidence.push(restated);
  }

  if (!evidence.length) return null;
  const related = eventRelatedness(a, b, signals, vocabulary);
  // A telling figure given exactly by both ("218 dead", "552 tonnes") or one claim restating the other is enough on its own.
  const standalone = evidence.some((item) => item.weight >= 0.7);
  if (related < MIN_RELATEDNESS && !standalone) return null;

  const conflict = strongestCue(a, b, signals, vocabulary);
  // Words of denial in claims that hold one predication the same way ("Dow never owned the plant" / "Dow has stated
  // that it never owned the plant") are one denial told twice, not one claim disputing the other.
  const agreeing = conflict?.kind === "dispute" && predication !== null;
  if (conflict && conflict.kind !== "revision" && !agreeing && conflict.score >= CONFLICT_VETO) return "apart";

  evidence.sort((x, y) => y.weight - x.weight);
  // Shared rare words say the happening is one; a figure or an act already names it, so they only add.
  const score = noisyOr(...evidence.map((item) => item.weight)) * (0.7 + 0.3 * Math.min(1, related));
  return { score, reason: evidence.map((item) => item.reason).join("; ") };
}

function sameSentence(x: string, y: string): boolean {
  const plain = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[‘’`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
  const [px, py] = [plain(x), plain(y)];
  return px.length >= 30 && px === py;
}

/**
 * One speaker telling one thing twice ("Alamgir told the BBC that activists … shook the pillars" / "Alamgir said in a BBC
 * interview that strike supporters shook the pillars"): the same named speaker and rare words of the telling in common.
 */
function restatementEvidence(a: CueClaim, b: CueClaim, vocabulary: Vocabulary): Evidence | null {
  if (!oneNamedVoice(a, b)) return null;
  const shared = subjectOverlap(a, b, vocabulary);
  if (shared.score < 0.3 || shared.distinctive.length < 2) return null;
  return { weight: 0.6, reason: `the same speaker in the same words (${shared.distinctive.slice(0, 3).join(", ")})` };
}

/** One named speaker, however the two sources spell them ("Mohammed Sohel Rana", "Sohel Rana"), or a body and its spokesmen. */
function oneNamedVoice(a: CueClaim, b: CueClaim): boolean {
  return Boolean(a.speakerName && b.speakerName) && sameVoice(a, b);
}

/** What says it repeats an earlier statement, and names nothing of its own. */
const REPEATS =
  /\b(?:repeated|repeats|reiterated|reiterates|restated|restates)\s+(?:the|that|this|his|her|their|its)\s+(?:claim|charge|accusation|allegation|assertion|statement|remarks?|denial|view)s?\b/i;

/**
 * "X repeated the claim to reporters on Thursday" states what X claimed just before it (at most two claims back, in
 * the same document), not a new thing.
 */
function repeatsPrevious(earlier: CueClaim, repeat: CueClaim, signals: PairSignals): boolean {
  if (!REPEATS.test(repeat.quote) || signals.gap == null || signals.gap > 2) return false;
  return precedes(earlier, repeat) && oneNamedVoice(earlier, repeat);
}

/** A shared measure with figures that agree is strong evidence; with figures that cannot both hold, a veto. */
function figureEvidence(a: CueClaim, b: CueClaim): Evidence | "different" | null {
  let agreeing: Evidence | null = null;
  const [fa, fb] = [statedQuantities(a).filter(reported), statedQuantities(b).filter(reported)];
  const agrees = (x: QuantityFacet, y: QuantityFacet) => comparableQuantities(x, y) && withinEachOther(x, y);
  // "258, down from the 289 announced" told twice: a figure has its counterpart when any comparable figure agrees with it.
  // A claim that gives more figures speaks of more things ("218 killed, about 7,000 wounded" / "218 dead"): a figure
  // that is already the same figure as one of them is that one's counterpart, not a rival of the others.
  const unmatched = (q: QuantityFacet, others: QuantityFacet[], own: QuantityFacet[]) => {
    const comparable = others.filter((other) => comparableQuantities(q, other));
    if (!comparable.length || !comparable.every((other) => quantitiesDisagree(q, other))) return false;
    return !comparable.some((other) => own.some((mine) => mine !== q && agrees(mine, other)));
  };
  if (fa.some((qa) => unmatched(qa, fb, fa)) || fb.some((qb) => unmatched(qb, fa, fb))) return "different";
  // "The final estimate was 62,000 barrels a day at the start, for a total of about 4.9 million barrels": a sentence that
  // gives figures of several measures states its first one; the later ones are what it adds.
  const [ma, mb] = [mainFigure(fa), mainFigure(fb)];
  for (const qa of fa) {
    for (const qb of fb) {
      if (!comparableQuantities(qa, qb) || quantitiesDisagree(qa, qb)) continue;
      if (!(qa === ma || comparableQuantities(qa, ma!)) || !(qb === mb || comparableQuantities(qb, mb!))) continue;
      // Ranges that merely overlap ("$3–5 billion", "$3.8–4.6 billion") are two estimates, not one figure told twice.
      if (!sameFigure(qa, qb)) continue;
      const exact = qa.low === qb.low && qa.high === qb.high;
      // "two children", "three shots": small counts recur in unrelated sentences; "552 tonnes" does not.
      // A stretch of time ("six years", "two weeks") is told in small numbers of its own unit whatever it comes to in
      // days, and recurs in unrelated sentences (sentences served, years in storage) as small counts do.
      const telling =
        qa.dimension !== "duration" && (Math.max(qa.high, qb.high) >= 20 || qa.rate !== null || qa.dimension === "money" || qa.dimension === "percent");
      // Both rounding one estimate of the same named thing ("approximately 800,000 barrels captured", "roughly 810,000
      // barrels collected"): as telling as one figure given twice.
      const roundings = qa.modality === "estimate" && qb.modality === "estimate" && qa.measure === qb.measure && qa.measure !== qa.dimension;
      const weight = (exact ? 0.75 : roundings ? 0.7 : 0.6) * (telling ? 1 : 0.45);
      if (!agreeing || weight > agreeing.weight) agreeing = { weight, reason: `the same figure: ${qa.text} / ${qb.text}` };
    }
  }
  return agreeing;
}

/**
 * "the 6,825-ton ferry", "a 40-page report": a figure joined to its unit by a hyphen before a noun says what kind of thing
 * the noun is, as an adjective would; it is no count the sentence reports.
 */
function reported(figure: QuantityFacet): boolean {
  return !/^[\d.,]+-\p{L}+$/u.test(figure.text.trim());
}

/** `told` is about a figure of a kind (a count of the dead, a flow, a sum) of which `other` gives none. */
function figureless(told: CueClaim, other: CueClaim): boolean {
  const main = mainFigure(statedQuantities(told).filter(reported));
  if (!main || main.dimension === "duration" || (main.high < 20 && main.dimension !== "money" && main.dimension !== "percent")) return false;
  return !statedQuantities(other).some((figure) => figure.dimension === main.dimension);
}

/** The figure a claim is about: its first, leaving aside stretches of time ("for three weeks the count was 174"). */
function mainFigure(figures: QuantityFacet[]): QuantityFacet | undefined {
  return figures.find((figure) => figure.dimension !== "duration") ?? figures[0];
}

function withinEachOther(a: QuantityFacet, b: QuantityFacet): boolean {
  const within = (value: number, q: QuantityFacet) => value >= q.allowLow && value <= (q.allowHigh ?? Number.POSITIVE_INFINITY);
  return within(a.low, b) && within(a.high, b) && within(b.low, a) && within(b.high, a);
}

/** Each figure within what the other's wording allows ("about 259" and "259"; "no more than 552" and "552"); figures that cannot both hold never get here. */
function sameFigure(a: QuantityFacet, b: QuantityFacet): boolean {
  if (withinEachOther(a, b)) return true;
  // A bound ("larger than 1,000") rounds nothing: it is no estimate of the figure it names.
  if (a.modality === "bound" || b.modality === "bound") return false;
  // Two roundings of one estimate ("approximately 800,000", "roughly 810,000"): ends within 2 % of each other.
  const close = (x: number, y: number) => Math.abs(x - y) <= 0.02 * Math.max(Math.abs(x), Math.abs(y));
  return (a.modality === "estimate" || b.modality === "estimate") && close(a.low, b.low) && close(a.high, b.high);
}

/**
 * The same words: the shorter claim's subject terms all but contained in the longer's ("Diab's office says his
 * conscience is clear" in "The Prime Minister reaffirmed that his conscience is clear and that …"), or the two
 * alike overall.
 */
function wordingEvidence(a: CueClaim, b: CueClaim, vocabulary: Vocabulary): Evidence | null {
  const [ta, tb] = [subjectTerms(a), subjectTerms(b)];
  const [short, long] = ta.size <= tb.size ? [ta, tb] : [tb, ta];
  const contained = containment(short, long, vocabulary);
  if (contained.score >= 0.75 && thingsNamed(contained.distinctive, a, b) >= 2)
    return { weight: Math.min(0.85, contained.score * 0.9), reason: `the same words (${contained.distinctive.slice(0, 3).join(", ")})` };
  const overall = subjectOverlap(a, b, vocabulary);
  if (overall.score >= 0.45 && thingsNamed(overall.distinctive, a, b) >= 2)
    return { weight: Math.min(0.8, overall.score), reason: `the same wording (${overall.distinctive.slice(0, 3).join(", ")})` };
  return null;
}

/**
 * How many things some shared words name: the words of one name count once ("Danwon High School" shared by two
 * sentences is one school, not three words in common).
 */
function thingsNamed(terms: string[], a: CueClaim, b: CueClaim): number {
  const nameOf = new Map<string, string>();
  for (const claim of [a, b])
    for (const entity of facetsOf(claim).entities)
      for (const word of entity.text.split(/[\s-]+/)) {
        const term = normalizeTerm(word.toLowerCase());
        if (term && !nameOf.has(term)) nameOf.set(term, entity.text.toLowerCase());
      }
  return new Set(terms.map((term) => nameOf.get(term) ?? term)).size;
}

const senseKeysMemo = new WeakMap<CueClaim, Map<string, { term: string; lemma: string }>>();

/**
 * A claim's content words keyed by what they mean rather than how they are spelled: a verb or adjective by its first
 * WordNet sense ("shut" and "close" share one), a noun that names an act by the verb it is a form of ("evacuation" →
 * evacuate, "confession" → confess), any other word by its stem. Each key keeps the stem and the lemma the claim wrote.
 */
function senseKeys(claim: CueClaim): Map<string, { term: string; lemma: string }> {
  const known = senseKeysMemo.get(claim);
  if (known) return known;
  const speaker = features(claim).speakerTerms;
  const keys = new Map<string, { term: string; lemma: string }>();
  for (const token of facetTokens(claim.quote)) {
    const term = normalizeTerm(token.lower);
    if (!term || speaker.has(term)) continue;
    // Reporting and light verbs ("said", "gave an order") say who speaks or carry another word's meaning.
    if (token.pos === "VERB" && (REPORTING.has(token.lemma) || LIGHT.has(token.lemma))) continue;
    let sense: number | null = null;
    if (token.pos === "VERB") sense = headSense(token.lemma, "v");
    else if (token.pos === "ADJ") sense = headSense(token.lemma, "a");
    else if (token.pos === "NOUN") {
      const verb = derivedVerbs(token.lemma)[0];
      sense = verb ? headSense(verb, "v") : null;
    } else if (token.pos !== "PROPN") continue;
    const key = sense === null ? term : `${token.pos === "ADJ" ? "a" : "v"}${sense}`;
    if (!keys.has(key)) keys.set(key, { term, lemma: token.lemma });
  }
  senseKeysMemo.set(claim, keys);
  return keys;
}

/**
 * The same words in other forms: the shorter claim's content words all but contained in the longer's once synonyms and
 * a noun and its verb count as one ("no evacuation order had been given" / "never gave an order to evacuate"). Only
 * when some word was reworded: the same words as written are the wording rule's.
 */
function rewordingEvidence(a: CueClaim, b: CueClaim, vocabulary: Vocabulary): Evidence | null {
  const [ka, kb] = [senseKeys(a), senseKeys(b)];
  const [short, long] = ka.size <= kb.size ? [ka, kb] : [kb, ka];
  let total = 0;
  let sharedWeight = 0;
  let distinctive = 0;
  let shared = 0;
  const reworded: string[] = [];
  for (const [key, mine] of short) {
    const weight = vocabulary.weight(mine.term);
    total += weight;
    const other = long.get(key);
    if (other === undefined) continue;
    shared += 1;
    sharedWeight += Math.min(weight, vocabulary.weight(other.term));
    if (vocabulary.isDistinctive(mine.term) || vocabulary.isDistinctive(other.term)) distinctive += 1;
    // "planned" and "plan" are one word inflected, not reworded.
    if (other.lemma !== mine.lemma) reworded.push(`${mine.lemma}/${other.lemma}`);
  }
  if (!reworded.length || shared < 2 || distinctive < 1 || !total) return null;
  const score = sharedWeight / total;
  if (score < 0.75) return null;
  return { weight: Math.min(0.8, score * 0.9), reason: `the same words in other forms (${reworded.slice(0, 3).join(", ")})` };
}

/** Both accuse (deny, admit) the same party; one accusing whom the other clears is a conflict, not a match. */
function actEvidence(a: CueClaim, b: CueClaim): Evidence | "different" | null {
  for (const act of ACTS) {
    const ta = actTargets(a, act);
    if (!ta) continue;
    for (const other of ACTS) {
      const tb = actTargets(b, other);
      if (!tb) continue;
      const shared = [...ta.targets].find((key) => tb.targets.has(key));
      if (!shared) continue;
      if (other !== act) return "different";
      // Accusing one party is what half a contested corpus does: it needs the same happening besides.
      return { weight: 0.35, reason: `both ${ACT_WORDS[act]} ${entityText(a, shared)}` };
    }
  }
  return null;
}

/**
 * The same predication ("the exits were locked") held true by both, with an argument in common. From one speaker it says
 * more: a person saying the same thing of the same things twice is restating it.
 */
function predicationEvidence(a: CueClaim, b: CueClaim): Evidence | "different" | null {
  // "Home Minister Alamgir said …": the speaker's own name is who speaks, not what the predication is about.
  const speakers = new Set([...features(a).speakerTerms, ...features(b).speakerTerms]);
  let best: { shared: string[]; lemma: string; positive: boolean } | null = null;
  for (const pa of propositionsOf(a)) {
    if (!pa.sense) continue;
    for (const pb of propositionsOf(b)) {
      if (pb.sense !== pa.sense) continue;
      const shared = pa.args.filter((arg) => pb.args.includes(arg) && !speakers.has(arg));
      if (!shared.length) continue;
      const samePolarity = pa.positive === pb.positive && Boolean(pa.antonym) === Boolean(pb.antonym);
      if (!samePolarity) return "different";
      if (!best || shared.length > best.shared.length) best = { shared, lemma: pa.lemma, positive: pa.positive };
    }
  }
  if (!best) return null;
  // Within one document a speaker goes on about one affair; in two, the same predication is the same thing told again.
  const restated = a.sourceId !== b.sourceId && oneNamedVoice(a, b);
  const weight = 0.5 + (restated ? 0.1 : 0);
  return {
    weight,
    reason: `${restated ? "the same speaker: " : ""}both say ${best.positive ? "" : "not "}${best.lemma} (${best.shared.slice(0, 2).join(", ")})`,
  };
}
