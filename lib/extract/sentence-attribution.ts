// Which cue a sentence uses, who stands behind it, and what it teaches about names, roles and documents for later sentences.

import { isDictionaryWord } from "@/lib/text/wordnet";
import { INQUIRY_HEADS, INSTITUTION_HEADS, isPersonInitials, isPersonNoun, namesOnePerson } from "./lexicon";
import type { ExtractedSpeaker } from "./types";
import { isPlaceName, type PersonNameResolver } from "./actors";
import { findCues, isDateWord, namesADate, verdictFollows, type CueMatch } from "./cues";
import { Discourse, type DocumentRecord, type Position } from "./discourse";
import { phraseStartingAt } from "./noun-phrases";
import { bodyNamed, nameFromWords, readPhrase, trailingPersonName, type DocumentPhrase, type Gender, type PhraseReading } from "./speaker-phrases";
import { capitalize } from "@/lib/text/terms";
import { isCapitalized, tokenize, type Token } from "./tokens";

export type SourceType = "named" | "document" | "anonymous" | "agentless";

export interface SentenceAttribution {
  speaker: ExtractedSpeaker | null;
  cue: string | null;
  source: SourceType;
  pattern: CueMatch["pattern"];
  documentNoun: string | null;
  citedVia: string | null;
  /** The document that speaks, so a writer named later ("The memo … was written by Kevin Lynch") can speak for it. */
  document?: DocumentRecord;
}

export interface SentenceReading {
  attribution: SentenceAttribution | null;
  /** The named clause subject, when there is one ("Hussain condemned …"). */
  subject: ExtractedSpeaker | null;
}

// A closing ", he said." frames everything before it, so it wins over an earlier verb inside the
// reported words ("Aafia's mother … had warned me …, he said adding.").
function framingFirst(matches: CueMatch[], sentence: string): CueMatch[] {
  const framing = matches.filter((m) => {
    if (m.cueStart < sentence.length / 2) return false;
    if (m.pattern === "inverted") return true;
    const before = m.phraseStart === null ? "" : sentence.slice(0, m.phraseStart).trimEnd();
    // "X said the staff knew, they told him that …": a verb that opens a "that" clause of its own reports a new clause
    // rather than closing the sentence.
    const opensClause = /^\s+(?:[\p{L}’'-]+\s+){0,3}that\b/u.test(sentence.slice(m.cueStart + m.cue.length));
    return m.pattern === "subject" && /[,”"]$/.test(before) && !opensClause;
  });
  const last = framing[framing.length - 1];
  return last ? [last, ...matches.filter((m) => m !== last)] : matches;
}

export interface SentenceContext {
  sentence: string;
  offset: number;
  position: Position;
}

const ROLE_HEADS: ReadonlySet<string> = new Set([
  "ambassador",
  "minister",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "leader",
  "chief",
  "governor",
  "mayor",
  "judge",
  "lawyer",
  "consul",
  "convener",
  "chairman",
  "senator",
  "president",
  "secretary",
  "director",
  "commissioner",
  "clerk",
  "organizer",
  "founder",
]);
// "Interior Minister Rehman Malik": the role may be capitalized or not, the name must be, so the
// pattern spells out both cases of the role's first letter.
/** Titles written short before a name, and the role each is ("the governor said" after "Gov. Josh Green"). */
const ABBREVIATED_ROLES: Readonly<Record<string, string>> = { gov: "governor", sen: "senator", supt: "superintendent" };
const DATELINE_PLACE = /^\s*,\s*(?:\d{1,2}\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:[—–-]|\(|:)/u;
const ROLE_BEFORE_NAME = new RegExp(
  `\\b(${[
    "ambassador",
    "minister",
    "spokesman",
    "spokeswoman",
    "leader",
    "chief",
    "governor",
    "mayor",
    "judge",
    "lawyer",
    "consul general",
    "convener",
    "chairman",
    "senator",
    // "chartered by the Russian businessman Igor Grechushkin. He said …": whom a later "he" may mean.
    "businessman",
    "businesswoman",
    "tycoon",
    "captain",
    "owner",
    "president",
    "prosecutor",
    "investigator",
    // "Gov. Josh Green", "Sen. Mazie Hirono": the abbreviated title is the same office.
    ...Object.keys(ABBREVIATED_ROLES).map((abbreviation) => `${abbreviation}\\.`),
  ]
    .map((role) => `[${role[0]!.toUpperCase()}${role[0]}]${role.slice(1)}`)
    .join("|")})\\s+(?:(?:to|of|for) \\p{Lu}[\\p{L}\\p{N}’'-]+\\s+)?((?:\\p{Lu}[\\p{L}\\p{N}’'-]*\\.?\\s?){2,4})`,
  "gu",
);

// "wrote in a 1996 report", "wrote in his autobiography", "in a blog post it wrote", "said, reading from a prepared
// statement": the medium is cited
// alongside the speaker.
const MEDIUM =
  /\b(?:in|(?:reading|quoting) from) (a|an|the|his|her|its|their) ((?:[\p{L}\p{N}_’'$-]+ ){0,3}?)(memo|memorandum|report|letter|letters|statement|decision|ruling|judgment|article|cable|column|affidavit|complaint|petition|book|autobiography|memoir|memoirs|diary|blog post|post|blog|tweet)\b((?: on| of| to)[^,;:“”"]{0,60})?/iu;
// A clause subject that sends or files a document is its author ("The Privy Council Office … sent a memo").
const AUTHORING_VERB =
  /\b(sent|wrote|issued|released|published|prepared|filed|submitted|drafted|produced)\s+((?:a|an|its|their|his|her)\s+(?:[\p{L}\p{N}_’'$-]+\s){0,3}?(?:memo|memorandum|report|letter|letters|statement|lawsuit|suit|complaint|petition|cable|paper|study|analysis|assessment|review|survey|audit))\b/iu;
// "The Sindh government made the JIT report public. It called …": a document just released is what the next "it" means;
// its own name may say who wrote it ("the JIT report"), else whoever released it stands behind it.
const RELEASING_VERB =
  /\b(released|published|unveiled|tabled|leaked|made)\s+(the\s+(?:[\p{L}\p{N}_’'$-]+\s){0,3}?(?:memo|memorandum|report|letter|statement|cable|paper|study|findings|assessment))\b(\s+public\b)?/iu;
// "In interviews, Mr. Baqri …": an introductory phrase before the subject.
const INTRO_OPENERS =
  /^(in|on|at|during|after|before|when|while|although|though|asked|talking|addressing|speaking|meanwhile|however|earlier|later|in addition|despite|since|upon|through|with|without|as|like|by|for|from|under|over|among|due|providing|sharing|elaborating|curious|based|saying|taking|made|a|an)$/i;

/** Reads sentences in document order: later sentences may refer back to earlier ones. */
export class SentenceAttributor {
  private readonly discourse: Discourse;
  private readonly names: PersonNameResolver;

  constructor(
    names: PersonNameResolver,
    hints: ReadonlyMap<string, Gender>,
    private readonly midSentenceCapitals: ReadonlySet<string>,
  ) {
    this.names = names;
    this.discourse = new Discourse(hints);
  }

  analyze(context: SentenceContext): SentenceReading {
    // Before this sentence records documents of its own: "The memo … was written by …" names an earlier one.
    this.registerWriter(context);
    let result: SentenceAttribution | null = null;
    const matches = framingFirst(findCues(context.sentence), context.sentence);
    // "… by the Gwangju District Court on 11 February 2015; the court found …": a body named earlier in the same
    // sentence is the one a description after it means.
    const firstPhrase = Math.min(...matches.map((match) => match.phraseStart ?? Infinity));
    if (Number.isFinite(firstPhrase) && firstPhrase > 0) this.registerNamedInstitutions({ ...context, sentence: context.sentence.slice(0, firstPhrase) });
    for (const match of matches) {
      result = this.interpret(match, context);
      if (result) break;
    }
    result = this.preferSpeakerOverOutlet(result, matches, context);
    result = this.preferHolderOverFramer(result, matches, context);
    if (result?.speaker && result.source === "named") this.discourse.mentionSpeaker(result.speaker, context.position);
    const subject = this.registerSubject(context, result);
    this.registerNamedInstitutions(context);
    this.registerAuthoredDocument(context, result);
    if (result) {
      const medium = this.mediumCitation(context, result.speaker);
      if (!result.citedVia && medium) result.citedVia = medium;
    }
    return { attribution: result, subject };
  }

  // "BP is arguing that the government overstated the flow …, staff of the commission said": the position is BP's,
  // the staff are how we know it. Only a named holder opening the sentence with a "that" clause, and a framer
  // who is someone else.
  private preferHolderOverFramer(result: SentenceAttribution | null, matches: CueMatch[], context: SentenceContext): SentenceAttribution | null {
    const framing = matches[0];
    if (!result || !framing || matches.length < 2) return result;
    const earliest = matches.reduce((a, b) => (b.cueStart < a.cueStart ? b : a));
    const holder = earliest !== framing && earliest.pattern === "subject" ? earliest : null;
    if (!holder || !/^\s*(that\b|[a-z]+\s+that\b)/.test(context.sentence.slice(holder.cueStart + holder.cue.length))) return result;
    const reading = holder.phrase === null ? null : readPhrase(holder.phrase, holder.following);
    if (reading?.type !== "name") return result;
    const held = this.interpret(holder, context);
    if (!held?.speaker) return result;
    // An unresolved "he told reporters" frames the holder's own words.
    if (!result.speaker) return held;
    if (held.speaker.name === result.speaker.name) return result;
    return { ...held, citedVia: held.citedVia ?? result.speaker.name };
  }

  // "Altaf Hussain has warned that …, DawnNews reported": Hussain speaks, DawnNews is how we know.
  // "According to the report, Qureshi told investigators that …": Qureshi speaks, the report is how we know.
  private preferSpeakerOverOutlet(result: SentenceAttribution | null, matches: CueMatch[], context: SentenceContext): SentenceAttribution | null {
    if (result?.source === "document" && result.pattern === "according" && matches.length >= 2) {
      for (const match of matches) {
        if (match.phrase === null || match.pattern === "according" || match.cueStart === matches[0]!.cueStart) continue;
        const reading = readPhrase(match.phrase, match.following);
        if (reading?.type !== "name") continue;
        const named = this.interpret(match, context);
        if (named?.speaker) return { ...named, citedVia: result.citedVia };
      }
      return result;
    }
    if (result?.speaker?.kind !== "media_outlet" || matches.length < 2) return result;
    for (const match of matches) {
      if (match.phrase === null || match.cueStart === matches[0]!.cueStart) continue;
      const reading = readPhrase(match.phrase, match.following);
      if (reading?.type !== "name" || reading.kind === "media_outlet") continue;
      const named = this.interpret(match, context);
      if (named?.speaker) return { ...named, citedVia: result.speaker.name };
    }
    return result;
  }

  private interpret(match: CueMatch, context: SentenceContext): SentenceAttribution | null {
    const base = { cue: match.cue, pattern: match.pattern, documentNoun: null, citedVia: null };
    if (match.phrase === null) return { ...base, speaker: null, source: "agentless" };
    const reportedAs = this.reportedAsSaying(match, context);
    if (reportedAs) return reportedAs;
    const reading = readPhrase(match.phrase, match.following);
    if (!reading) return null;
    const result = this.fromReading(reading, match, context, base);
    // "IRNA quoted Vahidi as saying …": the agency is how the words reached us.
    if (result && match.via && !result.citedVia) result.citedVia = stripDeterminer(match.via);
    return result;
  }

  // "Pakistan's media reported him as saying: “…”": the speaker is "him", the media are the channel.
  private reportedAsSaying(match: CueMatch, context: SentenceContext): SentenceAttribution | null {
    const object = /^\s+(him|her|them)\s+as\s+saying\b/i.exec(context.sentence.slice(match.cueStart + match.cue.length));
    if (!object || match.phrase === null) return null;
    const resolved = this.discourse.resolvePronoun(object[1]!.toLowerCase() === "her" ? "she" : "he", context.position);
    const channel = readPhrase(match.phrase, match.following);
    return {
      cue: `${match.cue} ${object[1]} as saying`,
      pattern: match.pattern,
      documentNoun: null,
      speaker: resolved?.speaker ?? null,
      source: resolved?.speaker ? "named" : "agentless",
      citedVia: channel?.type === "anonymous" ? match.phrase : null,
    };
  }

  private fromReading(
    reading: PhraseReading,
    match: CueMatch,
    context: SentenceContext,
    initial: Pick<SentenceAttribution, "cue" | "pattern" | "documentNoun" | "citedVia">,
  ): SentenceAttribution | null {
    let base = initial;
    const at = context.position;
    switch (reading.type) {
      case "name": {
        if (
          !reading.group &&
          reading.kind === "person" &&
          !this.isConfirmedName(reading.name) &&
          !reading.titled &&
          !nextToCue(match, context.sentence, reading.name)
        )
          return null;
        // "Diplomatic sources said": still anonymous, still cited.
        if (reading.group && /\bsources?$/i.test(reading.name)) {
          const speaker = { name: reading.name, kind: "other" as const };
          this.discourse.mentionRole(/sources$/i.test(reading.name) ? "sources" : "source", speaker, at);
          return { ...base, speaker, source: "anonymous", citedVia: stripDeterminer(reading.text) };
        }
        const listed =
          / and /.test(reading.name) && match.phraseStart !== null && /,\s*$/.test(context.sentence.slice(0, match.phraseStart))
            ? this.firstListedActor(`${context.sentence.slice(0, match.phraseStart)}${reading.name.split(" and ")[0]}`, context)
            : null;
        if (listed) {
          this.discourse.mentionActor(listed, "unknown", at);
          return { ...base, speaker: listed, source: "named" };
        }
        // "The Ministry reiterates …" in a formal statement: the body the text named in full before.
        const named =
          /^the\s+\S+$/i.test(reading.text.trim()) && INSTITUTION_HEADS.has(reading.name.toLowerCase())
            ? this.discourse.resolveDescription(reading.name.toLowerCase(), at)
            : null;
        // "Captain Boris Lund … The captain of the Rhosus said": the bearer of the office the text named before.
        const bearer = reading.office ? this.discourse.resolveRole(reading.office, at) : null;
        const speaker = named ?? bearer ?? this.readingSpeaker(reading, context.offset + (match.phraseStart ?? 0));
        this.discourse.mentionActor(speaker, reading.gender, at);
        this.registerRoles(reading.text, speaker, at);
        return { ...base, speaker, source: "named" };
      }
      case "pronoun": {
        const own = this.conjunctSubject(reading.pronoun, match, context);
        if (own !== undefined) {
          if (reading.pronoun === "it") base = { ...base, cue: cueWithSubject(match, context.sentence) };
          return own ? { ...base, speaker: own, source: "named" } : { ...base, speaker: null, source: "agentless" };
        }
        const resolved = this.discourse.resolvePronoun(reading.pronoun, at);
        if (resolved?.document) {
          return {
            ...base,
            cue: cueWithSubject(match, context.sentence),
            // "The commission's report was released on Tuesday. It found …": with no author named, the document speaks, as
            // "the report found" would.
            speaker: resolved.document.author ?? documentAsSpeaker(resolved.document.label),
            source: "document",
            documentNoun: resolved.document.noun,
            citedVia: resolved.document.label,
            document: resolved.document,
          };
        }
        if (reading.pronoun === "it") base = { ...base, cue: cueWithSubject(match, context.sentence) };
        if (resolved?.speaker) {
          // "Rep. Markey … He said": the pronoun tells the reader the name's gender, so he is no company.
          const gender = reading.pronoun === "he" ? "male" : reading.pronoun === "she" ? "female" : this.discourse.genderOf(resolved.speaker);
          this.discourse.mentionActor(resolved.speaker, gender, at);
          return { ...base, speaker: resolved.speaker, source: "named" };
        }
        return { ...base, speaker: null, source: "agentless" };
      }
      case "document": {
        const record = this.recordDocument(reading.document, null, context);
        // "A report by the engineer Ana Vidal found …. If …, she wrote, …": the writer a document names is someone a later
        // pronoun may mean.
        if (record.author?.kind === "person") this.discourse.mentionActor(record.author, "unknown", context.position);
        return {
          ...base,
          cue: cueWithSubject(match, context.sentence),
          // "The initial report states …": a document with no author the text names speaks for itself.
          speaker: record.author ?? documentAsSpeaker(record.label),
          source: "document",
          documentNoun: record.noun,
          citedVia: record.label,
          document: record,
        };
      }
      case "description": {
        // An unresolved "the government" is still a speaker an editor can file: the government.
        // "The Prime Minister told MPs …" is whoever the text gave that office, never merely the last person quoted.
        const speaker =
          this.framedSubject(reading.head, match, context) ??
          (isStateOffice(reading) ? this.discourse.resolveRole(reading.head, at) : this.discourse.resolveDescription(reading.head, at)) ??
          nationalInstitution(reading.head) ??
          this.unnamedOffice(reading, at, match, context.sentence);
        // "…,” the Prime Minister said. He stressed …": the person the description named is the one "he" means next.
        if (speaker) this.discourse.mentionActor(speaker, "unknown", at);
        return speaker ? { ...base, speaker, source: "named" } : { ...base, speaker: null, source: "agentless" };
      }
      case "anonymous": {
        const listed =
          reading.text.toLowerCase() === "others" && match.phraseStart !== null
            ? this.firstListedActor(context.sentence.slice(0, match.phraseStart), context)
            : null;
        if (listed) return { ...base, speaker: listed, source: "named" };
        // "The source said …" after "A senior Pakistani source said …": the same source again.
        const again = /^the\s+(sources?)$/i.exec(reading.text.trim());
        const described = again ? this.discourse.resolveRole(again[1]!.toLowerCase(), at) : null;
        if (described) return { ...base, speaker: described, source: "anonymous", citedVia: described.name.charAt(0).toLowerCase() + described.name.slice(1) };
        const citedVia = /\b(source|sources|reports?|media)\b/i.test(reading.text) ? stripDeterminer(reading.text) : null;
        return { ...base, speaker: null, source: "anonymous", citedVia };
      }
    }
  }

  /**
   * "The company has not received any report that the Sewol was overloaded, and it denies …": a pronoun opening a second
   * conjunct means the subject of the first, not a name inside its object. Undefined when the sentence has no such
   * subject; null when its subject is a description the text never resolved (the writer's own "the company").
   */
  private conjunctSubject(pronoun: string, match: CueMatch, context: SentenceContext): ExtractedSpeaker | null | undefined {
    if (pronoun !== "it" || match.phraseStart === null || !/,\s+(?:and|but)\s+$/i.test(context.sentence.slice(0, match.phraseStart))) return undefined;
    const opening = openingSubject(context.sentence);
    if (!opening || opening.end > match.phraseStart) return undefined;
    const reading = opening.reading;
    if (reading?.type === "name" && reading.kind !== "person") return { name: reading.name, kind: reading.kind };
    if (reading?.type === "description" && INSTITUTION_HEADS.has(reading.head)) return this.discourse.resolveDescription(reading.head, context.position);
    return undefined;
  }

  // "Benetton paid $1.1 million into the fund, the company said.": a description closing the sentence after a comma
  // means the business the sentence opened with, when one opens it.
  private framedSubject(head: string, match: CueMatch, context: SentenceContext): ExtractedSpeaker | null {
    if (!COMMERCIAL_DESCRIPTIONS.has(head) || match.phraseStart === null || !/,\s*$/.test(context.sentence.slice(0, match.phraseStart))) return null;
    const opening = openingSubject(context.sentence);
    if (!opening || opening.start >= match.phraseStart) return null;
    const reading = opening.reading;
    if (reading?.type !== "name" || reading.group) return null;
    // A lone name with no gender is as likely a company as a person; a full personal name is a person.
    if (reading.kind === "organization") return { name: reading.name, kind: "organization" };
    return reading.kind === "person" && !/\s/.test(reading.name) && reading.gender === "unknown" && !reading.titled
      ? { name: reading.name, kind: "organization" }
      : null;
  }

  // "The presiding judge said", "The court found" with no judge or court named before: the office itself is who the
  // text says speaks, and a later "the judge" is the same one.
  private unnamedOffice(reading: Extract<PhraseReading, { type: "description" }>, at: Position, match: CueMatch, sentence: string): ExtractedSpeaker | null {
    const inquiry = INQUIRY_HEADS.has(reading.head);
    const state = STATE_OFFICES.has(reading.head);
    if (!UNNAMED_OFFICES.has(reading.head) && !inquiry && !state) return null;
    // What the office says, not what it does: "the court found that …", "the judge said", never "the court rejected petitions".
    // "…, the public inquiry concluded": a finding verb closing the words it frames.
    const frames = match.phraseStart !== null && /,\s*$/.test(sentence.slice(0, match.phraseStart)) && FINDING_VERBS.test(match.cue);
    const says =
      frames ||
      match.pattern === "inverted" ||
      /^(said|says|told|added|wrote)$/i.test(match.cue) ||
      /^\s*(?:,[^,]{1,60},\s*)?that\b/i.test(sentence.slice(match.cueStart + match.cue.length)) ||
      // "The court found all eight accused guilty": its verdict.
      (/^(found|finds)$/i.test(match.cue) && verdictFollows(sentence.slice(match.cueStart + match.cue.length)));
    if (!says) return null;
    // "the public inquiry into the fire": the office is named up to its head; what it is into only says which.
    const all = reading.text.trim().split(/\s+/);
    const words = all.slice(0, all.findIndex((word) => word.toLowerCase() === reading.head) + 1 || all.length);
    // "the Prime Minister", "the Foreign Secretary": a state's office is capitalized, and so named; "the court" never is.
    if (state ? !isStateOffice(reading) : !/^the$/i.test(words[0] ?? "") || words.slice(1).some((word) => /^\p{Lu}/u.test(word))) return null;
    const kind = COURT_HEADS.has(reading.head) ? "court" : inquiry ? "other" : "person";
    const speaker: ExtractedSpeaker = { name: capitalize(words.slice(1).join(" ")), kind };
    this.discourse.mentionRole(reading.head, speaker, at);
    return speaker;
  }

  // A one-word name must also be capitalized mid-sentence somewhere: "Amjad" yes, an initial "Soon" no.
  private isConfirmedName(name: string): boolean {
    return /\s/.test(name) || this.midSentenceCapitals.has(name) || !isDictionaryWord(name);
  }

  // "the U.S State Department, Amnesty International, and others accused …": the first stands for all.
  private firstListedActor(before: string, context: SentenceContext): ExtractedSpeaker | null {
    const items = before.replace(/,?\s*and\s*$/, "").split(/,\s*/);
    let first: ExtractedSpeaker | null = null;
    for (let i = items.length - 1; i >= 0; i--) {
      const reading = readPhrase(items[i]!.trim(), "");
      if (reading?.type !== "name" || reading.kind === "other") break;
      first = this.speakerFromName(reading.name, reading.kind, context.offset);
    }
    return first;
  }

  // An office is no personal name to shorten: "Captain of the Rhosus" keeps its first word.
  private readingSpeaker(reading: Extract<PhraseReading, { type: "name" }>, offset: number): ExtractedSpeaker {
    return reading.office ? { name: reading.name, kind: reading.kind } : this.speakerFromName(reading.name, reading.kind, offset);
  }

  private speakerFromName(name: string, kind: ExtractedSpeaker["kind"], offset: number): ExtractedSpeaker {
    if (kind !== "person") return { name, kind };
    return { name: this.names.resolve(name, offset), kind: "person" };
  }

  private recordDocument(phrase: DocumentPhrase, fallbackAuthor: ExtractedSpeaker | null, context: SentenceContext): DocumentRecord {
    const author = phrase.author
      ? this.speakerFromName(phrase.author.name, phrase.author.kind, context.offset)
      : (fallbackAuthor ?? this.bodyOfDocument(phrase, context.position));
    const record = this.discourse.mentionDocument(phrase, author, documentLabel(phrase, author), context.position);
    if (phrase.detail && !record.label.includes(phrase.detail)) record.label = `${record.label}, ${phrase.detail}`;
    return record;
  }

  // "In October 2014 the Board of Audit and Inspection called for …. The audit report found …": a definite document
  // whose modifier is a word of a body's name the text just gave is that body's.
  private bodyOfDocument(phrase: DocumentPhrase, at: Position): ExtractedSpeaker | null {
    // "The company's departure report": the body the description means wrote it.
    const owner = /^([a-z]+)['’]s\s/.exec(phrase.nounPhrase)?.[1];
    if (owner && INSTITUTION_HEADS.has(owner)) return this.discourse.resolveDescription(owner, at) ?? nationalInstitution(owner);
    // "The BGMEA's own probe report": a body's name in the possessive wrote it.
    const named = /^((?:\p{Lu}[\p{L}&-]*\s)*\p{Lu}[\p{L}&-]*)['’]s\s/u.exec(phrase.nounPhrase)?.[1];
    const ownerName = named ? nameFromWords(tokenize(named)) : null;
    // "Harvard's own paper", "Lindqvist's report": whoever owns a document in the possessive wrote it, a person or a body.
    if (ownerName && !isPlaceName(ownerName.name)) return { name: ownerName.name, kind: ownerName.kind === "other" ? "organization" : ownerName.kind };
    const modifiers = phrase.nounPhrase
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word !== phrase.noun && /^[a-z]{4,}$/.test(word) && !GENERIC_DOCUMENT_MODIFIERS.has(word));
    // "a government report counted 190 dead": a state body's report is that body's, whichever article it takes.
    const national = modifiers.find((word) => NATIONAL_INSTITUTIONS.has(word));
    if (national) return this.discourse.resolveDescription(national, at) ?? nationalInstitution(national);
    if (!phrase.definite) return null;
    return modifiers.length ? this.discourse.bodyNamedWith(modifiers, at) : null;
  }

  private mediumCitation(context: SentenceContext, speaker: ExtractedSpeaker | null): string | null {
    const medium = MEDIUM.exec(context.sentence);
    if (!medium) return null;
    const [, determiner, modifiers, noun, tail] = medium;
    const phrase: DocumentPhrase = {
      noun: noun!.toLowerCase(),
      nounPhrase: `${modifiers ?? ""}${noun}`.trim(),
      definite: determiner!.toLowerCase() === "the",
      possessive: null,
      author: null,
      relation: null,
      authorText: null,
      detail: null,
      year: /\b(1[89]|20)\d\d\b/.exec(modifiers ?? "")?.[0] ?? null,
    };
    // "In the first report of the inquiry, Sir Martin found …": the report is the inquiry's, whoever speaks in this sentence.
    const owner = this.ownerInComplement(tail ?? "", context.position);
    const record = this.recordDocument(phrase, owner ?? speaker, context);
    if (!phrase.definite && tail && speaker?.kind === "person") return `${record.label}${tail.replace(/[.\s]+$/, "")}`.trim();
    return record.label;
  }

  /** " of the inquiry", " of the Harbour Board": a body a document's "of" phrase names, as the text knows it. */
  private ownerInComplement(tail: string, at: Position): ExtractedSpeaker | null {
    const of = /^\s+of\s+(.+?)[.\s]*$/.exec(tail);
    const reading = of ? readPhrase(of[1]!, "") : null;
    if (reading?.type === "description") return this.discourse.resolveDescription(reading.head, at);
    return reading?.type === "name" && reading.kind !== "person" ? { name: reading.name, kind: reading.kind } : null;
  }

  // The clause subject ("MQM-Canada endorsed …") is what a later "it" most likely means, even when nothing is attributed.
  private registerSubject(context: SentenceContext, result: SentenceAttribution | null): ExtractedSpeaker | null {
    const tokens = tokenize(context.sentence);
    const first = subjectStart(tokens);
    if (first === null) return null;
    const found = phraseStartingAt(tokens, first);
    if (!found) return null;
    const range = bodyOfNamed(tokens, found);
    // "The chief of Muttahida Qaumi Movement (MQM), Altaf Hussain, …": an acronym in brackets belongs to the phrase.
    const after = skipBracketed(tokens, range.last + 1);
    const next = tokens[after];
    if (!next || !(next.text === "," || /^[a-z]/.test(next.text))) return null;
    // "Pasha’s term as DG ISI was extended": the subject is the term, not Pasha.
    if (/[’']s$/.test(tokens[range.last]!.text)) return null;
    // "Beirut, 29 December 2020 — The Prime Minister …": a dateline's place says where, not who.
    if (DATELINE_PLACE.test(context.sentence.slice(tokens[range.last]!.end))) return null;
    const phrase = context.sentence.slice(tokens[range.first]!.start, tokens[range.last]!.end);
    const reading = readPhrase(phrase, context.sentence.slice(tokens[range.last]!.end));
    if (!reading) return null;
    if (reading.type === "name") {
      if (!this.isConfirmedName(reading.name)) return null;
      const speaker = this.readingSpeaker(reading, context.offset + tokens[range.first]!.start);
      if (result?.speaker?.name !== speaker.name) this.discourse.mentionActor(speaker, reading.gender, context.position);
      this.registerRoles(reading.text, speaker, context.position);
      // "The chief of Muttahida Qaumi Movement (MQM), Altaf Hussain, …": the body names the role; the person is the subject.
      // "The chief of the MQM, Altaf Hussain, …": an office set beside a name is that name's.
      if (speaker.kind !== "person" || reading.office) return this.registerAppositionName(context, tokens, after) ?? speaker;
      return speaker;
    }
    if (reading.type === "document" && result?.source !== "document") this.recordDocument(reading.document, null, context);
    return this.registerAppositionName(context, tokens, reading.type === "description" ? afterComplement(tokens, after) : after);
  }

  // "The chief of the MQM, Altaf Hussain, has demanded …": a later "he" means the apposition.
  private registerAppositionName(context: SentenceContext, tokens: Token[], commaIndex: number): ExtractedSpeaker | null {
    if (tokens[commaIndex]?.text !== ",") return null;
    let end = commaIndex + 1;
    while (end < tokens.length && (isCapitalized(tokens[end]) || tokens[end]!.text === ".")) end++;
    if (tokens[end]?.text !== ",") return null;
    const name = trailingPersonName(tokens.slice(commaIndex + 1, end));
    if (!name || !name.includes(" ")) return null;
    const speaker = this.speakerFromName(name, "person", context.offset + tokens[commaIndex + 1]!.start);
    this.discourse.mentionActor(speaker, "unknown", context.position);
    return speaker;
  }

  // "… by the Sindh High Court" is what a later "the court" may mean.
  private registerNamedInstitutions(context: SentenceContext): void {
    const tokens = tokenize(context.sentence);
    let start = -1;
    for (let i = 0; i <= tokens.length; i++) {
      // "B.K. Shukla": the full stop after a person's initials does not end the run.
      const afterInitials = start >= 0 && tokens[i]?.text === "." && isPersonInitials(`${tokens[i - 1]!.text}.`) && isCapitalized(tokens[i + 1]);
      const inRun =
        i < tokens.length &&
        (isCapitalized(tokens[i]) || afterInitials || (start >= 0 && /^(of|for|the|and|&)$/i.test(tokens[i]!.text) && isCapitalized(tokens[i + 1])));
      if (inRun && start < 0) start = i;
      if (!inRun && start >= 0) {
        const named = nameFromWords(tokens.slice(start, i));
        if (named && named.kind !== "person" && named.kind !== "other") {
          this.discourse.mentionName({ name: named.name, kind: named.kind }, context.position);
          const acronym = tokens[i]?.text === "(" && tokens[i + 2]?.text === ")" ? tokens[i + 1]!.text : null;
          if (acronym && acronym === initialsOf(named.name)) this.discourse.mentionAcronym(named.name, acronym, named.kind);
        }
        start = -1;
      }
    }
  }

  // "The Privy Council Office … sent a memo to …": the memo's author is the clause subject.
  private registerAuthoredDocument(context: SentenceContext, result: SentenceAttribution | null): void {
    const released = RELEASING_VERB.exec(context.sentence);
    // "made the report" is not a release; "made the report public" is.
    const authored = AUTHORING_VERB.exec(context.sentence) ?? (released && (released[1]!.toLowerCase() !== "made" || released[3]) ? released : null);
    if (!authored) return;
    const tokens = tokenize(context.sentence);
    const first = subjectStart(tokens);
    const range = first === null ? null : phraseStartingAt(tokens, first);
    const subject = range ? readPhrase(context.sentence.slice(tokens[range.first]!.start, tokens[range.last]!.end), "") : null;
    // "A committee formed by the home ministry … submitted its report": a body the text introduces as it writes.
    const introduced =
      subject?.type === "description" && (INSTITUTION_HEADS.has(subject.head) || subject.head === "committee") ? bodyNamed(subject.head) : null;
    const author = subject?.type === "name" ? this.speakerFromName(subject.name, subject.kind, context.offset) : (introduced ?? result?.speaker ?? null);
    const reading = readPhrase(authored[2]!, context.sentence.slice((authored.index ?? 0) + authored[0].length));
    if (reading?.type === "document") this.recordDocument(reading.document, author, context);
  }

  /** Documents whose writer the text names, possibly after quoting them. */
  readonly writers = new Map<DocumentRecord, ExtractedSpeaker>();

  // "The memo concerning MQM-Canada was written by Kevin Lynch, the Clerk of the Privy Council."
  private registerWriter(context: SentenceContext): void {
    const written = WRITTEN_BY.exec(context.sentence);
    if (!written) return;
    // "The memo concerning MQM-Canada": the document is the head, whatever the words after it name.
    const words = written[1]!.split(/\s+/);
    let noun: string | null = null;
    for (let length = words.length; length > 0 && noun === null; length--) {
      const reading = readPhrase(words.slice(0, length).join(" "), "");
      if (reading?.type === "document") noun = reading.document.noun;
    }
    if (noun === null) return;
    const record = this.discourse.findDocument(noun, context.position);
    const writer = readPhrase(written[2]!, "");
    if (!record || writer?.type !== "name" || writer.kind !== "person" || !this.isConfirmedName(writer.name)) return;
    this.writers.set(record, this.speakerFromName(writer.name, "person", context.offset + (written.index ?? 0)));
  }

  // "MQM leader Farooq Sattar" lets a later "the MQM leader" find its way back to him.
  private registerRoles(phrase: string, speaker: ExtractedSpeaker, at: Position): void {
    for (const word of phrase.toLowerCase().split(/[^a-z-]+/)) {
      if (ROLE_HEADS.has(word)) this.discourse.mentionRole(word, speaker, at);
    }
  }

  registerRoleMentions(context: SentenceContext): void {
    for (const match of context.sentence.matchAll(ROLE_BEFORE_NAME)) {
      if (!/^[A-Z]/.test(match[2]!)) continue;
      // "… by the businessman Igor Grechushkin.": the sentence's full stop is no initial.
      const run = tokenize(match[2]!.trim().replace(/(?<=[a-z]{2})\.$/, ""));
      const name = trailingPersonName(run);
      if (!name || !name.includes(" ")) continue;
      const speaker = this.speakerFromName(name, "person", context.offset + (match.index ?? 0));
      const role = match[1]!.toLowerCase().replace("consul general", "consul").replace(/\.$/, "");
      this.discourse.mentionRole(ABBREVIATED_ROLES[role] ?? role, speaker, context.position);
      this.discourse.mentionActor(speaker, "unknown", context.position);
    }
    // "Hanna Berg, the secretary of transport, …": a name and, set off after it, the office its bearer holds.
    for (const match of context.sentence.matchAll(NAME_THEN_ROLE)) {
      const role = match[2]!.toLowerCase();
      if (!ROLE_HEADS.has(role)) continue;
      const name = trailingPersonName(tokenize(match[1]!));
      if (!name || !name.includes(" ")) continue;
      const speaker = this.speakerFromName(name, "person", context.offset + (match.index ?? 0));
      this.discourse.mentionRole(role, speaker, context.position);
      this.discourse.mentionActor(speaker, "unknown", context.position);
    }
  }
}

// A name of two to four capitalized words, a comma, then "the"/"a" and at most two modifiers before the role's head.
const NAME_THEN_ROLE =
  /(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'.-]*){1,3}),\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b(?=\s+(?:of|for|at|who|in|with)\b|,)/gu;

/** "Dutch Safety Board" → "DSB", "Federal Bureau of Investigation" → "FBI": the capitals of its words, connectors left out. */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join("");
}

/** "The chief of Muttahida Qaumi Movement (MQM), …": the index after the role's "of" and the body it names. */
function afterComplement(tokens: Token[], at: number): number {
  if (tokens[at]?.lower !== "of") return at;
  let end = at + 1;
  if (tokens[end]?.lower === "the") end++;
  while (end < tokens.length && isCapitalized(tokens[end])) end++;
  return end > at + 1 ? skipBracketed(tokens, end) : at;
}

/** The index after "( … )" when one opens at `at`, else `at`. */
function skipBracketed(tokens: Token[], at: number): number {
  if (tokens[at]?.text !== "(") return at;
  const close = tokens.findIndex((token, index) => index > at && token.text === ")");
  return close === -1 || close - at > 6 ? at : close + 1;
}

const WRITTEN_BY = /^\s*((?:[Tt]he|[Tt]his)\s+[^,.;]{1,60}?)\s+was\s+(?:written|signed|drafted|authored|penned)\s+by\s+([A-Z][^,.;()]{2,60})/;

function documentAsSpeaker(label: string): ExtractedSpeaker {
  // "study, published on August 28": where a document appeared is part of how it is cited, not of its name.
  return { name: capitalize(label.replace(/,\s*(?:released|obtained|leaked|published|posted|cited|quoted|carried|relayed)\b.*$/, "")), kind: "other" };
}

// Words that say what kind of document it is, never whose: "the final report", "the internal memo".
const GENERIC_DOCUMENT_MODIFIERS: ReadonlySet<string> = new Set([
  "final",
  "initial",
  "interim",
  "preliminary",
  "internal",
  "official",
  "annual",
  "latest",
  "earlier",
  "same",
  "full",
  "draft",
  "secret",
  "leaked",
  "confidential",
  "undated",
  "written",
  "joint",
  "press",
  "news",
]);

const COMMERCIAL_DESCRIPTIONS: ReadonlySet<string> = new Set(["company", "firm", "retailer", "brand", "group", "manufacturer", "operator", "airline"]);

// Offices that speak for themselves when the text never names who holds them ("the judge said", "the court found").
const COURT_HEADS: ReadonlySet<string> = new Set(["court", "tribunal", "jury"]);
const FINDING_VERBS = /^(?:concluded|concludes|found|finds|ruled|rules|determined|said|says)$/i;
const UNNAMED_OFFICES: ReadonlySet<string> = new Set([...COURT_HEADS, "judge", "prosecutor", "coroner", "magistrate"]);
// "The Prime Minister told MPs that …" with no name given: the capitalized office of a state is a speaker an editor can file.
const STATE_OFFICES: ReadonlySet<string> = new Set(["minister", "president", "chancellor", "premier", "secretary", "governor"]);

/** "the Prime Minister", "The Home Secretary": "the", then capitalized words ending in a state's office. */
function isStateOffice(reading: Extract<PhraseReading, { type: "description" }>): boolean {
  const words = reading.text.trim().split(/\s+/);
  return (
    STATE_OFFICES.has(reading.head) &&
    /^the$/i.test(words[0] ?? "") &&
    words.length >= 2 &&
    words[words.length - 1]!.toLowerCase() === reading.head &&
    words.slice(1).every((word) => /^\p{Lu}/u.test(word))
  );
}

// An unresolved "the army" is still a speaker; an unresolved "the company" says too little.
const NATIONAL_INSTITUTIONS = new Set([
  "police",
  "government",
  "army",
  "military",
  "navy",
  "parliament",
  "senate",
  "cabinet",
  "judiciary",
  "prosecution",
  "presidency",
]);
function nationalInstitution(head: string): ExtractedSpeaker | null {
  return NATIONAL_INSTITUTIONS.has(head) ? { name: capitalize(head), kind: "government_body" } : null;
}

const NOT_NAMES = /^(everyone|everybody|nobody|someone|somebody|anyone|anybody|none|all|most|many|few|this|that|these|those|who|what|which|here|there)$/i;

// "Benetton said …", "said Peskov", "Primark, the British discount chain, confirmed …".
function nextToCue(match: CueMatch, sentence: string, name: string): boolean {
  if (name.includes(" ") || NOT_NAMES.test(name) || match.phraseStart === null || match.phraseEnd === null) return false;
  if (match.pattern === "inverted") return /^\s*$/.test(sentence.slice(match.cueStart + match.cue.length, match.phraseStart));
  if (match.cueStart < match.phraseEnd) return false;
  const between = sentence.slice(match.phraseEnd, match.cueStart);
  // "Hezbollah, whose leader … has denied …, accused": a relative clause may run long.
  return (
    /^\s*(?:(?:has|have|had|also|later|then|first)\s+)*$/i.test(between) ||
    /^\s*,[^,]{1,80},\s*$/.test(between) ||
    /^\s*,\s*(?:who|whose|which)\b[^;:.]{1,200},\s*$/i.test(between)
  );
}

// "the memo says" as written; with an apposition in between, only the verb.
function cueWithSubject(match: CueMatch, sentence: string): string {
  if (match.pattern !== "subject" || match.phraseStart === null || match.phraseEnd === null) return match.cue;
  const between = sentence.slice(match.phraseEnd, match.cueStart);
  if (!/^\s+$/.test(between)) return match.cue;
  return sentence.slice(match.phraseStart, match.cueStart + match.cue.length);
}

function stripDeterminer(value: string): string {
  return value.replace(/^(the|a|an|some|one)\s+/i, "");
}

/** The phrase that opens a sentence's main clause, where it lies and how it reads. */
function openingSubject(sentence: string): { start: number; end: number; reading: PhraseReading | null } | null {
  const tokens = tokenize(sentence);
  const first = subjectStart(tokens);
  const range = first === null ? null : phraseStartingAt(tokens, first);
  if (!range) return null;
  const [start, end] = [tokens[range.first]!.start, tokens[range.last]!.end];
  return { start, end, reading: readPhrase(sentence.slice(start, end), "") };
}

function subjectStart(tokens: Token[]): number | null {
  let first = 0;
  while (tokens[first] && !tokens[first]!.isWord) first++;
  const opener = tokens[first];
  if (!opener) return null;
  if (
    (INTRO_OPENERS.test(opener.text) && !isCapitalized(tokens[first + 1])) ||
    /^(in|on|at|during|after|when|while|meanwhile|however|asked|talking|addressing)$/i.test(opener.text)
  ) {
    const comma = tokens.findIndex((t, i) => i > first && t.text === ",");
    // "A committee formed by the home ministry … submitted its report": with no comma, an article opens the subject.
    if ((comma === -1 || comma - first > 30) && /^(a|an)$/i.test(opener.text)) return first;
    if (comma === -1 || comma - first > 30) return datedOpenerEnd(tokens, first);
    return comma + 1;
  }
  return first;
}

// "On 28 April 2015 the Gwangju High Court convicted …": a fronted date with no comma ends where the date does.
function datedOpenerEnd(tokens: Token[], first: number): number | null {
  if (!/^(in|on|by|from|until)$/i.test(tokens[first]!.text)) return null;
  let end = first + 1;
  while (end < tokens.length && isDateWord(tokens[end])) end++;
  return namesADate(tokens.slice(first + 1, end)) && end < tokens.length && (isCapitalized(tokens[end]) || /^(the|a|an)$/.test(tokens[end]!.lower))
    ? end
    : null;
}

/** "Privy Council Office memo", "1996 Amnesty International report", "research paper published by …". */
export function documentLabel(phrase: DocumentPhrase, author: ExtractedSpeaker | null): string {
  let label = phrase.nounPhrase;
  if (phrase.relation && phrase.authorText) {
    label = `${label} ${phrase.relation} ${phrase.authorText}`;
  } else if (author && author.kind !== "person" && !namesOnePerson(author.name) && !label.toLowerCase().includes(author.name.toLowerCase())) {
    // "An MQM activist filed a lawsuit": a person's lawsuit is not named after them, as a body's report is.
    label =
      phrase.year && label.startsWith(phrase.year)
        ? `${phrase.year} ${author.name}${label.slice(phrase.year.length)}`
        : `${author.name} ${label.replace(/^[a-z-]+-page\s+/i, "")}`;
  }
  if (phrase.detail && !label.includes(phrase.detail)) label = `${label}, ${phrase.detail}`;
  return label.replace(/\s+/g, " ").trim();
}

/**
 * "A full bench of the Sindh High Court dismissed …": a body that is part of a named one (a bench, a panel, a committee
 * of it) acts for it, so the subject runs on through "of the <Name>".
 */
function bodyOfNamed(tokens: Token[], range: { first: number; last: number }): { first: number; last: number } {
  // "The mayor of Beirut visited …": an office of a named place or body is one phrase too.
  const head = tokens[range.last]!;
  if (!(INSTITUTION_HEADS.has(head.lower) || isPersonNoun(head.text)) || tokens[range.last + 1]?.lower !== "of") return range;
  let next = range.last + 2;
  if (tokens[next]?.lower === "the") next++;
  let last = next - 1;
  while (next < tokens.length && isCapitalized(tokens[next])) last = next++;
  return last >= range.last + 2 && isCapitalized(tokens[last]) ? { first: range.first, last } : range;
}
