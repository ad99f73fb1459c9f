// A deterministic synthetic corpus for the scale benchmark. Pure: the same options always
// give the same rows, so the fast loader and the psql \copy baseline write identical data.
//
// Shape, chosen to look like a team's multi-year archive rather than uniform noise:
// - sources of every kind, about 25 claims each on a long-tail spread, plus one large
//   compilation with thousands of claims (what the source reader benchmark opens);
// - actors drawn on a Zipf distribution (a few speakers say most things);
// - quotes of 50–400 characters from a word-level Markov chain trained on the seed
//   documents (their vocabulary, word frequencies, negations and sentence lengths), with
//   each source's own names swapped in, so quotes of one story resemble each other and
//   quotes of different stories mostly do not — templates would make every claim a
//   near-duplicate of thousands of others, which no real archive looks like;
// - each source text is its quotes joined with other generated sentences, so every claim's
//   offsets, prefix and suffix are exact against its source text;
// - topics on a long tail, editorial statuses, contradictions and audit events.
import { createHash } from "node:crypto";

export const SOURCE_KINDS = ["news", "blog", "opinion", "encyclopedia", "compilation", "forum", "official_document", "court_record", "other"] as const;
const SOURCE_KIND_WEIGHTS = [40, 15, 10, 5, 5, 8, 8, 5, 4];
const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
const RELIABILITY_WEIGHTS = [5, 20, 30, 15, 5, 25];
const ACTOR_KINDS = ["person", "organization", "government_body", "media_outlet", "court", "other"] as const;
const STANCES = ["supports", "opposes", "neutral", "unclear"] as const;
/** Stances of reviewed claims. */
const STANCE_WEIGHTS = [35, 20, 25, 20];
const SOURCE_STANCES = ["endorses", "reports", "disputes"] as const;
const SOURCE_STANCE_WEIGHTS = [20, 70, 10];
const ATTRIBUTIONS = ["direct_quote", "paraphrase", "author_voice", "reported"] as const;
const STATUSES = ["unreviewed", "in_review", "approved", "rejected"] as const;
const STATUS_WEIGHTS = [70, 8, 17, 5];
const CONTRADICTION_KINDS = ["negation", "dispute", "numeric", "date", "attribution", "other"] as const;
const CONTRADICTION_STATUSES = ["candidate", "confirmed", "dismissed"] as const;
const CONTRADICTION_STATUS_WEIGHTS = [70, 20, 10];

/** Mean claims per ordinary source. */
export const CLAIMS_PER_SOURCE = 25;
/** Seed of the pseudo-random generator: fixed so two runs build the same corpus. */
const SEED = 20261122;
const CONTEXT = 32;
/** Newest and oldest timestamps: five years of work. */
const END_TIME = Date.parse("2026-11-01T00:00:00Z");
const SPAN_MS = 5 * 365 * 24 * 3600 * 1000;
export const EXTRACTOR_VERSION = "1.0.0";

// ---- vocabulary ------------------------------------------------------------------

const FIRST =
  "Ahmed Ali Asif Bilal Danish Farooq Faisal Ghulam Hamid Hassan Imran Irfan Javed Kamran Khalid Liaquat Mahmood Nadeem Nasir Omar Qasim Rashid Saleem Shahid Tariq Usman Waseem Yasir Zafar Zahid Aisha Amina Bushra Fatima Hina Huma Maria Nadia Nasreen Rubina Saima Sana Shazia Tahira Uzma Zainab Sarah John David Peter James Robert Michael Thomas Anne Helen Claire Emma Laura Marie Paul Simon Richard Daniel Martin Hugh Ian Kevin Lucy Rachel Naveed Arif Babar Sohail Junaid Farhan Adnan Rehan Shakeel Wasim Zubair Akbar Aslam Iqbal Jamil Karim Latif Majid Nawaz Pervez Rafiq Sajid Tanvir Waqar Younis Zaheer".split(
    " ",
  );
const LAST =
  "Khan Ahmed Hussain Qureshi Siddiqui Rizvi Jafri Naqvi Abbasi Chaudhry Malik Sheikh Butt Mirza Baig Haider Shah Rehman Raza Akhtar Farooqi Hashmi Zaidi Ansari Bukhari Gillani Memon Soomro Bhutto Baloch Khattak Afridi Yousafzai Durrani Niazi Lodhi Paracha Alvi Kazmi Usmani Saeed Aziz Hameed Javed Karim Latif Nadeem Rashid Salim Tahir Smith Jones Brown Taylor Wilson Evans Thomas Roberts Walker Wright Clarke Hall Wood Green Harris Martin Cooper King Baker Hill Moore Allen Young Scott Mitchell Turner Phillips Campbell Parker Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Bell Ward Watson Gray Hughes Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson Flores Butler Simmons Foster Bryant Alexander Russell Griffin Hayes Myers Ford Hamilton Graham Sullivan Wallace Woods Cole West Jordan Owens Reynolds Fisher Ellis Harrison Gibson Mcdonald Marshall".split(
    " ",
  );
const PLACES =
  "Karachi Lahore Islamabad Hyderabad Quetta Peshawar Multan Sukkur Rawalpindi Faisalabad London Toronto Ottawa Washington Dubai Kabul Delhi Orangi Lyari Korangi Malir Landhi Gulshan Saddar Clifton Nazimabad Baldia Liaquatabad Gulberg Kemari Sohrab Goth Shah Faisal Colony Model Colony North Karachi New Karachi Mehmoodabad Azizabad Jamshed Road Tower Gizri Defence Manghopir".split(
    " ",
  );
const ORGS = [
  "the MQM",
  "the PPP",
  "the ANP",
  "the Rangers",
  "the police",
  "the provincial government",
  "the federal government",
  "the Supreme Court",
  "the Sindh High Court",
  "Amnesty International",
  "Human Rights Watch",
  "the Election Commission",
  "the interior ministry",
  "the city administration",
  "the Federal Court of Canada",
  "the Home Office",
  "the State Department",
  "the party's London secretariat",
  "the labour union",
  "the traders' association",
  "the bar council",
  "the press club",
  "the student wing",
  "the anti-terrorism court",
  "the inquiry commission",
  "the national assembly",
  "the provincial assembly",
  "the army",
  "the intelligence bureau",
  "the coast guard",
  "the water board",
  "the electricity utility",
  "the transport union",
  "the university syndicate",
  "the chamber of commerce",
  "the rights commission",
  "the prosecutor's office",
  "the defence team",
  "the embassy",
  "the consulate",
];
const OUTLETS = [
  "Dawn",
  "The News",
  "The Express Tribune",
  "The Guardian",
  "The Times",
  "BBC Urdu",
  "Reuters",
  "the Associated Press",
  "Geo News",
  "the Daily Jang",
  "The Nation",
  "Business Recorder",
  "Al Jazeera",
  "The Friday Times",
  "Herald",
  "Newsline",
  "the Daily Times",
  "Pakistan Today",
  "the Globe and Mail",
  "the Toronto Star",
];
const EVENTS = [
  "the strike",
  "the rally",
  "the by-election",
  "the curfew",
  "the raid",
  "the sit-in",
  "the riots",
  "the operation",
  "the shutdown",
  "the protest march",
  "the crackdown",
  "the funeral",
  "the ceasefire",
  "the hearing",
  "the inquiry",
  "the boycott",
  "the hunger strike",
  "the clashes",
  "the blast",
  "the siege",
];
const REPORTS = [
  "report",
  "judgment",
  "cable",
  "memo",
  "white paper",
  "press release",
  "affidavit",
  "charge sheet",
  "fact-finding report",
  "annual report",
  "statement",
  "petition",
];
const CUES = ["said", "told", "stated", "claimed", "alleged", "denied", "according to", "reported", "insisted", "confirmed", "added", "wrote"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const TOPIC_QUESTIONS = [
  "Who was responsible for the killings in {y}?",
  "Did {x} order the attack in {y}?",
  "How many people were detained in {y}?",
  "Was the {y} operation planned in advance?",
  "Who funded {x}?",
  "Did the police intimidate witnesses in {y}?",
];

// ---- randomness --------------------------------------------------------------------

/** mulberry32: small, fast, and good enough for synthetic data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Samples 1..n with probability proportional to 1/rank^exponent (a long tail). */
export function zipfSampler(n: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let rank = 1; rank <= n; rank++) {
    sum += 1 / rank ** exponent;
    cumulative[rank - 1] = sum;
  }
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
}

function weighted<T>(items: readonly T[], weights: number[], random: () => number): T {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let target = random() * total;
  for (let index = 0; index < items.length; index++) {
    target -= weights[index]!;
    if (target < 0) return items[index]!;
  }
  return items[items.length - 1]!;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;

// ---- rows ----------------------------------------------------------------------------

export interface CorpusOptions {
  claims: number;
  /** Claims of the one large source the reader benchmark opens. */
  largeSourceClaims: number;
}

export interface CorpusPlan extends CorpusOptions {
  sources: number;
  actors: number;
  topics: number;
  /** Ids of the users the synthetic reviews and audit events name. */
  reviewerIds: number[];
  /** Claims per source, index 0 is the large source (id 1). */
  claimsPerSource: Int32Array;
}

export const LARGE_SOURCE_SLUG = "bench-large-compilation";

/** Sizes derived from N: about 25 claims per source, 1 actor per 50 claims, up to 500 topics. */
export function planCorpus(options: CorpusOptions, reviewerIds: number[]): CorpusPlan {
  const random = createRandom(SEED);
  const large = Math.min(options.largeSourceClaims, options.claims);
  const counts: number[] = [large];
  let remaining = options.claims - large;
  while (remaining > 0) {
    // Long tail: most sources hold a handful of claims, some hold a hundred or more.
    const count = Math.min(remaining, Math.max(1, Math.round(-Math.log(1 - random()) * CLAIMS_PER_SOURCE)));
    counts.push(count);
    remaining -= count;
  }
  return {
    ...options,
    largeSourceClaims: large,
    sources: counts.length,
    actors: Math.max(50, Math.round(options.claims / 50)),
    // Topics are an editorial taxonomy: they grow far slower than the claims.
    topics: Math.max(20, Math.min(500, Math.round(options.claims / 2000))),
    reviewerIds,
    claimsPerSource: Int32Array.from(counts),
  };
}

export interface ActorRow {
  id: number;
  name: string;
  normalizedName: string;
  kind: string;
  aliases: string[];
  createdAt: string;
}

export function actorRows(plan: CorpusPlan): ActorRow[] {
  const random = createRandom(SEED + 1);
  const rows: ActorRow[] = [];
  const used = new Set<string>();
  for (let id = 1; id <= plan.actors; id++) {
    let name: string;
    let kind: string;
    // One in six speakers is an organisation; the head of the Zipf tail mixes both.
    if (id % 6 === 0) {
      name = `${pick(["The", "National", "United", "People's", "Citizens'", "Sindh", "Karachi"], random)} ${pick(["Welfare", "Rights", "Workers", "Traders", "Students", "Lawyers", "Peace", "Justice"], random)} ${pick(["Association", "Forum", "Council", "Front", "Alliance", "Committee", "Trust", "Federation"], random)}`;
      kind = pick(["organization", "government_body", "media_outlet", "court"], random);
    } else {
      name = `${pick(FIRST, random)} ${pick(LAST, random)}`;
      kind = "person";
    }
    let unique = name;
    for (let suffix = 2; used.has(unique.toLowerCase()); suffix++) unique = `${name} ${toRoman(suffix)}`;
    used.add(unique.toLowerCase());
    rows.push({
      id,
      name: unique,
      normalizedName: unique.toLowerCase(),
      kind: ACTOR_KINDS.includes(kind as (typeof ACTOR_KINDS)[number]) ? kind : "other",
      aliases: random() < 0.1 ? [unique.split(" ").slice(-1)[0]!, unique.toUpperCase()] : [],
      createdAt: timestamp(random()),
    });
  }
  return rows;
}

function toRoman(value: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [amount, letters] of table) {
    while (value >= amount) {
      out += letters;
      value -= amount;
    }
  }
  return out;
}

export interface TopicRow {
  id: number;
  slug: string;
  title: string;
  createdAt: string;
}

export function topicRows(plan: CorpusPlan): TopicRow[] {
  const random = createRandom(SEED + 2);
  return Array.from({ length: plan.topics }, (_, index) => {
    const title = pick(TOPIC_QUESTIONS, random)
      .replace("{x}", capitalize(inventedWord(20_000_000 + index)))
      .replace("{y}", pick(PLACES, random));
    return { id: index + 1, slug: `bench-topic-${index + 1}`, title, createdAt: timestamp(random()) };
  });
}

function timestamp(fraction: number): string {
  return new Date(END_TIME - Math.floor(fraction * SPAN_MS)).toISOString();
}

function dateText(random: () => number): string {
  return `${1 + Math.floor(random() * 28)} ${pick(MONTHS, random)} ${1995 + Math.floor(random() * 30)}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Sentences in the style of the training text: an order-2 word chain that falls back to
 * order 1 on three steps in ten, so no long run of a seed document is copied verbatim.
 */
export class SentenceModel {
  private readonly first = new Map<string, string[]>();
  private readonly second = new Map<string, string[]>();
  private readonly starts: [string, string][] = [];

  constructor(trainingText: string) {
    const words = trainingText.split(/\s+/).filter(Boolean);
    for (let index = 0; index + 2 < words.length; index++) {
      const [a, b, c] = [words[index]!, words[index + 1]!, words[index + 2]!];
      push(this.first, a, b);
      push(this.second, `${a} ${b}`, c);
      if (index > 0 && SENTENCE_END.test(words[index - 1]!) && /^[A-Z"“]/.test(a)) this.starts.push([a, b]);
    }
    if (!this.starts.length) throw new Error("the training text has no sentences");
  }

  /**
   * One sentence (or a few) of 50–400 characters. Capitalised words are replaced by `names` half the
   * time, and a third of the longer lowercase words by `word()`, so that the vocabulary grows
   * with the corpus as real text does (Heaps' law) instead of staying the seed's 4,000 words.
   */
  sentence(random: () => number, names: string[], word: () => string): string {
    // Lengths like the seed's extracted claims: median about 150 characters, a long tail.
    const target = Math.min(300, 25 + Math.round(-Math.log(1 - random()) * 45));
    for (;;) {
      // The chain walks the training words; `words` are what is written, with substitutions.
      const chain: string[] = [...pick(this.starts, random)];
      const words = [...chain];
      let length = words.join(" ").length;
      while (words.length < 90) {
        const byTwo = this.second.get(`${chain[chain.length - 2]} ${chain[chain.length - 1]}`);
        const next = byTwo && random() >= 0.3 ? byTwo : this.first.get(chain[chain.length - 1]!);
        if (!next) break;
        let token = pick(next, random);
        chain.push(token);
        if (/^[A-Z][a-z]{2,}/.test(token) && random() < 0.5) token = token.replace(/^[A-Z][a-z]+/, pick(names, random));
        else if (/^[a-z]{5,}/.test(token) && random() < 0.35) token = token.replace(/^[a-z]+/, word());
        else if (/^\d{1,4}$/.test(token)) token = String(1 + Math.floor(random() * 5000));
        words.push(token);
        length += token.length + 1;
        if (length >= target && SENTENCE_END.test(token)) break;
      }
      const sentence = words.join(" ");
      if (sentence.length >= 50 && sentence.length <= 400 && SENTENCE_END.test(sentence)) return sentence;
    }
  }
}

const SENTENCE_END = /[.!?]["”’]?$/;

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const SYLLABLES = "ka ri mon tel sa far ba la dan hu ir zan qa pe lo vi ne ta shi ra mu go bel and or zu".split(" ");

/** The made-up word of a rank: distinct for every rank, two syllables or more ("tavishi"). */
export function inventedWord(rank: number): string {
  let word = "";
  let rest = rank;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0 || word.length < 5);
  return word;
}

export interface ClaimRow {
  id: number;
  sourceId: number;
  quote: string;
  startOffset: number;
  endOffset: number;
  prefix: string;
  suffix: string;
  speakerId: number | null;
  cue: string | null;
  attribution: string;
  citedVia: string | null;
  stance: string;
  sourceStance: string;
  credibility: number;
  topicId: number | null;
  status: string;
  origin: string;
  notes: string | null;
  reviewerId: number | null;
  reviewedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SourceRow {
  id: number;
  slug: string;
  title: string;
  kind: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedDate: string | null;
  text: string;
  textSha256: string;
  reliability: string;
  notes: string | null;
  createdAt: string;
}

export interface ContradictionRow {
  id: number;
  claimAId: number;
  claimBId: number;
  kind: string;
  status: string;
  score: number;
  detectedBy: string;
  explanation: string;
  rationale: string | null;
  preferredClaimId: number | null;
  createdAt: string;
}

export interface AuditRow {
  userId: number | null;
  entityType: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
  createdAt: string;
}

export interface Batch {
  sources: SourceRow[];
  claims: ClaimRow[];
  contradictions: ContradictionRow[];
  audit: AuditRow[];
}

/**
 * Sources with their claims, contradictions and audit events, in batches of about
 * `batchClaims` claims. Ids are assigned here (sources 1…S, claims 1…N) so that claims,
 * contradictions and audit events can point at rows without a round trip.
 */
export function* corpusBatches(plan: CorpusPlan, model: SentenceModel, batchClaims: number): Generator<Batch> {
  const random = createRandom(SEED + 3);
  const speaker = zipfSampler(plan.actors, 1.07, random);
  const topic = zipfSampler(plan.topics, 1.0, random);
  const actorNames = actorRows(plan).map((actor) => actor.name);
  // Vocabulary and cast grow with the corpus, on long tails: a few words and names are
  // everywhere, most are rare (the offset keeps names and words apart).
  const wordRank = zipfSampler(50_000 + Math.round(plan.claims / 2), 0.9, random);
  const word = () => inventedWord(wordRank());
  const nameSampler = zipfSampler(20_000 + Math.round(plan.claims / 10), 0.8, random);
  const nameRank = () => 10_000_000 + nameSampler();
  let claimId = 0;
  let contradictionId = 0;
  let batch: Batch = { sources: [], claims: [], contradictions: [], audit: [] };

  for (let sourceIndex = 0; sourceIndex < plan.sources; sourceIndex++) {
    const sourceId = sourceIndex + 1;
    const count = plan.claimsPerSource[sourceIndex]!;
    const kind = sourceId === 1 ? "compilation" : weighted(SOURCE_KINDS, SOURCE_KIND_WEIGHTS, random);
    const outlet = pick(OUTLETS, random);
    const title =
      sourceId === 1
        ? "Karachi, 1992–2016: a compilation of cables, judgments, press clippings and reports"
        : `${capitalize(pick(EVENTS, random).replace(/^the /, ""))} in ${pick(PLACES, random)}: ${pick(["what", "who", "how", "why"], random)} ${pick(ORGS, random)} ${pick(["said", "knew", "denied", "did"], random)}`;
    const created = random();
    const sourceCreatedAt = timestamp(created);

    // The people and places of this source's story.
    const names = Array.from({ length: 8 }, () => (random() < 0.7 ? capitalize(inventedWord(nameRank())) : pick(PLACES, random)));
    const parts: string[] = [`${title}\n\n`];
    let length = parts[0]!.length;
    const sourceClaims: ClaimRow[] = [];
    for (let index = 0; index < count; index++) {
      if (index > 0 && index % 6 === 0) {
        parts.push("\n\n");
        length += 2;
      }
      // Sentences that are not claims sit between the claims, as in any article.
      if (random() < 0.3) {
        const filler = `${model.sentence(random, names, word)} `;
        parts.push(filler);
        length += filler.length;
      }
      const attributed = random() < 0.72;
      const speakerId = attributed ? speaker() : null;
      const cue = speakerId === null ? null : pick(CUES, random);
      let quote = model.sentence(random, names, word);
      if (speakerId !== null && random() < 0.4) {
        const name = actorNames[speakerId - 1]!;
        quote =
          random() < 0.5
            ? `${name} ${cue === "according to" ? "said" : cue} that ${quote.charAt(0).toLowerCase()}${quote.slice(1)}`
            : `According to ${name}, ${quote.charAt(0).toLowerCase()}${quote.slice(1)}`;
      }
      claimId += 1;
      const startOffset = length;
      parts.push(quote, " ");
      length += quote.length + 1;
      const status = weighted(STATUSES, STATUS_WEIGHTS, random);
      const decided = status === "approved" || status === "rejected";
      const reviewerId = status === "unreviewed" ? null : plan.reviewerIds[Math.floor(random() * plan.reviewerIds.length)]!;
      const claimCreated = Math.min(created, random() * created + 0.0001);
      const edited = status !== "unreviewed" || random() < 0.05;
      const editor = random() < 0.04;
      sourceClaims.push({
        id: claimId,
        sourceId,
        quote,
        startOffset,
        endOffset: startOffset + quote.length,
        prefix: "",
        suffix: "",
        speakerId,
        cue,
        attribution: speakerId === null ? (random() < 0.8 ? "author_voice" : "reported") : weighted(ATTRIBUTIONS, [45, 40, 0, 15], random),
        citedVia: random() < 0.08 ? `${pick(REPORTS, random)}, quoted by ${pick(OUTLETS, random)}` : null,
        // Extraction leaves stance "unclear", credibility 6 and no topic; editors set them in review.
        stance: status === "unreviewed" ? "unclear" : weighted(STANCES, STANCE_WEIGHTS, random),
        sourceStance: weighted(SOURCE_STANCES, SOURCE_STANCE_WEIGHTS, random),
        credibility: status === "unreviewed" ? 6 : 1 + Math.floor(random() * 6),
        topicId: (status === "unreviewed" ? random() < 0.03 : random() < 0.7) ? topic() : null,
        status,
        origin: editor ? "editor" : "extracted",
        notes: edited && random() < 0.2 ? `Checked against the ${pick(REPORTS, random)} of ${pick(ORGS, random)}.` : null,
        reviewerId: decided ? reviewerId : null,
        reviewedAt: decided ? timestamp(claimCreated * random()) : null,
        version: edited ? 2 + Math.floor(random() * 3) : 1,
        createdAt: timestamp(claimCreated),
        updatedAt: timestamp(edited ? claimCreated * random() : claimCreated),
      });
    }
    const closing = `${model.sentence(random, names, word)}\n`;
    parts.push(closing);
    const text = parts.join("");
    for (const claim of sourceClaims) {
      claim.prefix = text.slice(Math.max(0, claim.startOffset - CONTEXT), claim.startOffset);
      claim.suffix = text.slice(claim.endOffset, claim.endOffset + CONTEXT);
    }

    batch.sources.push({
      id: sourceId,
      slug: sourceId === 1 ? LARGE_SOURCE_SLUG : `bench-${kind.replace(/_/g, "-")}-${sourceId}`,
      title,
      kind,
      publisher: kind === "news" || kind === "opinion" ? outlet : random() < 0.5 ? pick(ORGS, random) : null,
      author: random() < 0.5 ? `${pick(FIRST, random)} ${pick(LAST, random)}` : null,
      url: random() < 0.7 ? `https://example.org/${kind}/${sourceId}` : null,
      publishedDate: random() < 0.8 ? dateText(random) : null,
      text,
      textSha256: createHash("sha256").update(text).digest("hex"),
      reliability: weighted(RELIABILITY, RELIABILITY_WEIGHTS, random),
      notes: random() < 0.2 ? `Synthetic ${kind} for the scale benchmark.` : null,
      createdAt: sourceCreatedAt,
    });
    batch.claims.push(...sourceClaims);
    batch.audit.push({
      userId: null,
      entityType: "source",
      entityId: String(sourceId),
      action: "import.create",
      before: null,
      after: JSON.stringify({ slug: batch.sources[batch.sources.length - 1]!.slug, claims: count }),
      createdAt: sourceCreatedAt,
    });
    for (const claim of sourceClaims) {
      if (claim.version > 1) {
        batch.audit.push({
          userId: claim.reviewerId ?? plan.reviewerIds[claim.id % plan.reviewerIds.length]!,
          entityType: "claim",
          entityId: String(claim.id),
          action: "update",
          before: JSON.stringify({ status: "unreviewed" }),
          after: JSON.stringify({ status: claim.status, stance: claim.stance }),
          createdAt: claim.updatedAt,
        });
      }
    }
    // About one claim in a hundred is paired with a neighbour that says otherwise.
    for (let index = 0; index + 1 < sourceClaims.length; index++) {
      if (random() >= 0.02) continue;
      const a = sourceClaims[index]!;
      const b = sourceClaims[index + 1 + Math.floor(random() * Math.min(3, sourceClaims.length - index - 1))]!;
      const status = weighted(CONTRADICTION_STATUSES, CONTRADICTION_STATUS_WEIGHTS, random);
      contradictionId += 1;
      batch.contradictions.push({
        id: contradictionId,
        claimAId: a.id,
        claimBId: b.id,
        kind: pick(CONTRADICTION_KINDS, random),
        status,
        score: Math.round((0.45 + random() * 0.55) * 1000) / 1000,
        detectedBy: pick(["negation", "numeric", "date", "dispute"], random),
        explanation: `One claim negates what the other asserts about ${pick(names, random)}.`,
        rationale: status === "candidate" ? null : `Compared with the ${pick(REPORTS, random)}.`,
        preferredClaimId: status === "confirmed" && random() < 0.5 ? a.id : null,
        createdAt: timestamp(created * random()),
      });
    }
    if (batch.claims.length >= batchClaims) {
      yield batch;
      batch = { sources: [], claims: [], contradictions: [], audit: [] };
    }
  }
  if (batch.sources.length) yield batch;
}
