// What a reader remembers (who spoke last, institutions, documents, roles), to resolve "he said", "the memo says", "the rights group said".

import type { ActorKind, ExtractedSpeaker } from "./types";
import { endsInGroupHead, INQUIRY_HEADS, INSTITUTION_HEADS, INTERCHANGEABLE_DOCUMENT_NOUNS, isPluralGroupName, namesOnePerson } from "./lexicon";
import type { DocumentPhrase, Gender, Pronoun } from "./speaker-phrases";

export interface Position {
  order: number;
  paragraph: number;
  article: number;
}

interface EntityMention extends Position {
  speaker: ExtractedSpeaker;
  gender: Gender;
}

export interface DocumentRecord extends Position {
  noun: string;
  label: string;
  author: ExtractedSpeaker | null;
}

interface RoleMention extends Position {
  role: string;
  speaker: ExtractedSpeaker;
}

// Antecedents further back than this many paragraphs are not what "he said" means.
const PARAGRAPH_WINDOW = 3;

const COMPATIBLE_DOCUMENTS: Record<string, string[]> = {
  suit: ["suit", "lawsuit"],
  lawsuit: ["suit", "lawsuit"],
  letter: ["letter", "letters"],
  letters: ["letter", "letters"],
};

function isReportLike(noun: string): boolean {
  return INTERCHANGEABLE_DOCUMENT_NOUNS.some((group) => group.has(noun));
}

function nounsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  if (INTERCHANGEABLE_DOCUMENT_NOUNS.some((group) => group.has(a) && group.has(b))) return true;
  return COMPATIBLE_DOCUMENTS[a]?.includes(b) ?? false;
}

/** Role heads that any office holder may be called ("the veteran leader", "the official"). */
const GENERIC_ROLE_HEADS: ReadonlySet<string> = new Set(["leader", "official", "politician"]);

/** Heads that name a public body: "the army said" means a body whose name says army. */
const GOVERNMENTAL_HEADS: ReadonlySet<string> = new Set([
  "government",
  "ministry",
  "presidency",
  "department",
  "agency",
  "administration",
  "embassy",
  "consulate",
  "military",
  "army",
  "prosecution",
]);
/** Heads that name a business of any kind: "the company" may be the airline named before. */
// "the company", "the operator" is a business: a body whose name ends in a school, a university or a charity's head is not.
const NON_COMMERCIAL_NAME = /\b(?:School|College|University|Academy|Institute|Hospital|Clinic|Foundation|Association|Union|Party|Committee|Society|Church)$/;
const COMMERCIAL_HEADS: ReadonlySet<string> = new Set([
  "company",
  "firm",
  "airline",
  "operator",
  "manufacturer",
  "bank",
  "utility",
  "carrier",
  "contractor",
  "insurer",
  "railroad",
  "railway",
  "carmaker",
  "automaker",
  "retailer",
]);

export class Discourse {
  private readonly people: EntityMention[] = [];
  private readonly speakers: EntityMention[] = [];
  private readonly institutions: EntityMention[] = [];
  /** Institutions named in passing (not as subjects or speakers): a fallback for "the company". */
  private readonly named: EntityMention[] = [];
  private readonly documents: DocumentRecord[] = [];
  private readonly roles: RoleMention[] = [];
  private readonly rolesByName = new Map<string, string[]>();
  private readonly knownGenders = new Map<string, Gender>();
  private readonly acronyms = new Map<string, ExtractedSpeaker>();
  private readonly itCandidates: Array<{ position: Position; speaker: ExtractedSpeaker | null; document: DocumentRecord | null }> = [];

  constructor(private readonly genderHints: ReadonlyMap<string, Gender> = new Map()) {}

  private inWindow(candidate: Position, at: Position): boolean {
    return candidate.article === at.article && at.paragraph - candidate.paragraph <= PARAGRAPH_WINDOW && candidate.order <= at.order;
  }

  /** Mentions are kept in reading order: once one is behind the window, every earlier one is too. */
  private behindWindow(candidate: Position, at: Position): boolean {
    return candidate.article < at.article || (candidate.article === at.article && at.paragraph - candidate.paragraph > PARAGRAPH_WINDOW);
  }

  mentionName(speaker: ExtractedSpeaker, at: Position): void {
    if (speaker.kind !== "person" && speaker.kind !== "other") this.named.push({ ...at, speaker, gender: "unknown" });
  }

  /** The preferred referent of a later description ("the MQM leader"). */
  mentionSpeaker(speaker: ExtractedSpeaker, at: Position): void {
    if (speaker.kind === "person") this.speakers.push({ ...at, speaker, gender: this.genderOf(speaker) });
  }

  mentionActor(speaker: ExtractedSpeaker, gender: Gender, at: Position): void {
    // "A government lawyer … he said": someone named by a noun for a person is a "he" or "she", never an "it".
    if (speaker.kind !== "person" && namesOnePerson(speaker.name)) {
      this.people.push({ ...at, speaker, gender });
      return;
    }
    if (speaker.kind === "person") {
      this.people.push({ ...at, speaker, gender: gender === "unknown" ? this.genderOf(speaker) : gender });
      // The latest gender the text gave this name ("Ms Jalil", "she said").
      if (gender !== "unknown") this.knownGenders.set(speaker.name, gender);
    } else {
      this.institutions.push({ ...at, speaker, gender: "unknown" });
      this.itCandidates.push({ position: at, speaker, document: null });
    }
  }

  mentionRole(role: string, speaker: ExtractedSpeaker, at: Position): void {
    this.roles.push({ ...at, role, speaker });
    const roles = this.rolesByName.get(speaker.name);
    if (roles) roles.push(role);
    else this.rolesByName.set(speaker.name, [role]);
  }

  mentionDocument(phrase: DocumentPhrase, author: ExtractedSpeaker | null, label: string, at: Position): DocumentRecord {
    const found = phrase.definite && !phrase.author ? this.findDocument(phrase.noun, at) : null;
    // "The inquiry report" after "the BGMEA's own probe report" is another document.
    const same = found && distinguishingWords(phrase).every((word) => found.label.toLowerCase().includes(word));
    const numbers = seriesNumbers(phrase.nounPhrase, found?.label ?? "");
    const earlier = found && numbers !== "differ" && ((same && numbers !== "unnumbered") || justSubmitted(found, at)) ? found : null;
    // "… its report. The inquiry report …": the later phrase says what kind of report it was.
    if (earlier && !same && earlier.author) earlier.label = `${earlier.author.name} ${phrase.nounPhrase}`;
    if (earlier) {
      this.itCandidates.push({ position: at, speaker: null, document: earlier });
      return earlier;
    }
    const record: DocumentRecord = { ...at, noun: phrase.noun, label, author };
    this.documents.push(record);
    this.itCandidates.push({ position: at, speaker: null, document: record });
    return record;
  }

  /** "the memo" → an earlier memo, else any report-like document ("the cable" → an assessment). */
  findDocument(noun: string, at: Position): DocumentRecord | null {
    const sameArticle = this.documents.filter((record) => record.article === at.article).reverse();
    return (
      sameArticle.find((record) => nounsCompatible(record.noun, noun)) ?? sameArticle.find((record) => isReportLike(record.noun) && isReportLike(noun)) ?? null
    );
  }

  resolvePronoun(pronoun: Pronoun, at: Position): { speaker: ExtractedSpeaker | null; document: DocumentRecord | null } | null {
    // "… said the chairman, who had met the minister. He added …": who spoke in the sentence before goes on speaking, however
    // many people that sentence named after him.
    const lastSpeaker = this.latest(this.speakers, at, () => true);
    const continuing = lastSpeaker && at.order - lastSpeaker.order <= 1 ? lastSpeaker : null;
    if (pronoun === "he") {
      if (continuing && this.genderOf(continuing.speaker) !== "female") return { speaker: continuing.speaker, document: null };
      const person = this.latest(this.people, at, (p) => p.gender !== "female");
      return person ? { speaker: person.speaker, document: null } : null;
    }
    if (pronoun === "she") {
      // "Natasha Elcock … said the commissioner's position was untenable. She said …": the one who spoke in the sentence
      // just before goes on speaking unless the text made that speaker a man; an earlier woman would need naming again.
      if (continuing && this.genderOf(continuing.speaker) !== "male") return { speaker: continuing.speaker, document: null };
      // News copy marks women ("Ms Jalil") far more reliably than men: an unmarked name is usually a man's.
      const person = this.latest(this.people, at, (p) => p.gender === "female") ?? this.latest(this.people, at, (p) => p.gender === "unknown");
      return person ? { speaker: person.speaker, document: null } : null;
    }
    if (pronoun === "it") {
      for (let i = this.itCandidates.length - 1; i >= 0; i--) {
        const candidate = this.itCandidates[i]!;
        if (this.behindWindow(candidate.position, at)) break;
        // "Investigators concluded …. It insisted …": a plural group is "they", never "it".
        if (candidate.speaker && isPluralGroupName(candidate.speaker.name)) continue;
        if (this.inWindow(candidate.position, at)) return { speaker: candidate.document?.author ?? candidate.speaker, document: candidate.document };
      }
      return null;
    }
    // "they" reaches back one sentence at most; further back it is more often people than institutions.
    const group = this.latest(this.institutions, at, (e) => at.order - e.order <= 1);
    // "Benetton was the worst. They said …": a lone name the text never gives a first name or a gender is as
    // likely a company as a person, and "they" is not a person.
    const lone = this.loneName(at, at.order - 2);
    const nearest = group && lone ? (lone.order > group.order ? lone : group) : (group ?? lone);
    return nearest ? { speaker: nearest === lone ? { ...lone.speaker, kind: "organization" } : nearest.speaker, document: null } : null;
  }

  /** The latest one-word name with no gender mentioned after `after` (an order): as likely a company as a person. */
  private loneName(at: Position, after: number): EntityMention | null {
    return this.latest(this.people, at, (p) => p.order > after && this.genderOf(p.speaker) === "unknown" && !/\s/.test(p.speaker.name));
  }

  /** "The audit report" after "the Board of Audit and Inspection": the body named before whose name holds one of `words`. */
  bodyNamedWith(words: string[], at: Position): ExtractedSpeaker | null {
    const holds = (e: EntityMention) => e.speaker.kind !== "person" && words.some((word) => new RegExp(`\\b${word}\\b`, "i").test(e.speaker.name));
    const candidates = [this.latest(this.institutions, at, holds), this.latest(this.named, at, holds)].filter((e): e is EntityMention => e !== null);
    return candidates.sort((a, b) => b.order - a.order)[0]?.speaker ?? null;
  }

  /** "The source said" → the source the text last described ("a senior Pakistani source"), if any. */
  resolveRole(role: string, at: Position): ExtractedSpeaker | null {
    const near = this.latest(this.roles, at, (r) => r.role === role);
    if (near) return near.speaker;
    // "Caretaker Prime Minister Dr Hassan Diab …" at the top of a statement is "the Prime Minister" all the way down.
    if (!OFFICES.has(role)) return null;
    for (let i = this.roles.length - 1; i >= 0; i--) {
      const mention = this.roles[i]!;
      if (mention.article === at.article && mention.order <= at.order && mention.role === role) return mention.speaker;
    }
    return null;
  }

  /** "the rights group" → last institution; "the ambassador" → last person with that role, else last person. */
  resolveDescription(head: string, at: Position): ExtractedSpeaker | null {
    const found = this.describedBody(head, at);
    return found ? (this.acronyms.get(found.name) ?? found) : null;
  }

  /** "The Dutch Safety Board (DSB)": the body's full name and the acronym the text gave it are one speaker, the acronym's. */
  mentionAcronym(fullName: string, acronym: string, kind: ActorKind): void {
    if (!this.acronyms.has(fullName)) this.acronyms.set(fullName, { name: acronym, kind });
  }

  private describedBody(head: string, at: Position): ExtractedSpeaker | null {
    const role = this.resolveRole(head, at);
    if (role) return role;
    // "the government" is one the document named as such ("the Sindh government"), not the last public body.
    if (head === "government") {
      const named = (e: EntityMention) => /\bgovernment\b/i.test(e.speaker.name);
      return (this.latest(this.institutions, at, named) ?? this.latest(this.named, at, named))?.speaker ?? null;
    }
    // "The team said" after "the investigation team": the body whose name ends in the same word.
    // "the airline" after "Ethiopian Airlines": the plural of a name's last word is still its head.
    const sameHead = (e: EntityMention) => {
      // "the brigade" after "the Commissioner of the London Fire Brigade": an office of a body is a person, not the body.
      if (OFFICE_OF_BODY.test(e.speaker.name)) return false;
      const last = e.speaker.name.split(" ").pop()!;
      // "the ministry" after "the Ministry of Foreign Affairs": a body named "<head> of …".
      if (e.speaker.name.toLowerCase().startsWith(`${head} of `)) return true;
      return (/^[A-Z]/.test(last) ? last.replace(/(?<=[^s])s$/, "") : last).toLowerCase() === head;
    };
    // "… sentenced by the Gwangju District Court; the court found …": a body named in this very sentence comes first.
    const here = this.latest(this.named, at, (e) => sameHead(e) && e.order === at.order);
    // "A senior official said …. The official added …": someone described by a noun for a person is among the people.
    const described = (e: EntityMention) => e.speaker.kind !== "person" && sameHead(e);
    const named =
      here ??
      [this.latest(this.institutions, at, sameHead), this.latest(this.people, at, described)].sort((a, b) => (b?.order ?? -1) - (a?.order ?? -1))[0] ??
      this.latest(this.named, at, sameHead);
    if (named) return named.speaker;
    // "The defence maintained …" in a trial is the defendants' lawyers, never the last body named.
    const party = TRIAL_PARTIES[head];
    if (party) return party;
    // "the inquiry" is a body named as an inquiry ("the Grenfell Tower Inquiry"), never the last company or brigade named.
    if (INQUIRY_HEADS.has(head)) return null;
    if (["group", "party", "committee", "organization", "organisation", "movement"].includes(head) || INSTITUTION_HEADS.has(head)) {
      const governmental = GOVERNMENTAL_HEADS.has(head);
      // "The firm insisted" is a business, never the government named before it.
      const commercial = COMMERCIAL_HEADS.has(head);
      // "The ferry company cut … But the union insists …": a body the text described by a head of another kind is not it
      // (a capitalized last word belongs to a proper name: "Meghna Launch Services" may still be "the firm").
      const otherKind = (e: EntityMention) => {
        const own = e.speaker.name
          .split(" ")
          .pop()!
          .replace(/(?<=[^s])s$/, "");
        return /^[a-z]/.test(own) && own !== head && INSTITUTION_HEADS.has(own) && !(commercial && COMMERCIAL_HEADS.has(own));
      };
      // "BP officials" spoke for BP, but "the company" is BP itself, not its officials.
      // "A company official said …. The company's report …": one of its people is not the body either.
      const fits = (e: EntityMention) =>
        !endsInGroupHead(e.speaker.name) &&
        !/\b(official|spokesman|spokeswoman|spokesperson|executive|officer|engineer)$/i.test(e.speaker.name) &&
        !otherKind(e) &&
        (governmental
          ? // "The army said" after "the health ministry": a public body is the one its head word names.
            e.speaker.kind === "government_body" &&
            new RegExp(`\\b${head === "military" ? "(?:military|army|armed forces)" : head}\\b`, "i").test(e.speaker.name)
          : commercial
            ? e.speaker.kind === "organization" && !NON_COMMERCIAL_NAME.test(e.speaker.name)
            : // "the party" is never a state or its government ("Pakistan", "the Sindh government").
              e.speaker.kind === "organization" || (e.speaker.kind === "government_body" && head !== "party"));
      const institution = this.latest(this.institutions, at, fits);
      // "Boeing said …. The company added …": a lone name never given a first name or a gender is the company.
      const lone = governmental ? null : this.loneName(at, institution?.order ?? -1);
      if (lone) return { ...lone.speaker, kind: "organization" };
      return institution?.speaker ?? this.latest(this.named, at, fits)?.speaker ?? null;
    }
    if (head === "court") {
      const isCourt = (e: EntityMention) => e.speaker.kind === "court";
      return (this.latest(this.institutions, at, isCourt) ?? this.latest(this.named, at, isCourt))?.speaker ?? null;
    }
    // "the MQM leader … said": the last speaker of this paragraph or the one before (a news paragraph is a sentence or
    // two), unless given another role (a mayor is not "the ambassador").
    // "Leader" and "official" fit any office: the chief minister is "the veteran Congress leader" a paragraph later.
    const fitsRole = (s: EntityMention) => GENERIC_ROLE_HEADS.has(head) || this.rolesOf(s.speaker).every((r) => r === head);
    const speaker = this.latest(this.speakers, at, (s) => at.paragraph - s.paragraph <= 1 && fitsRole(s));
    return speaker?.speaker ?? null;
  }

  private rolesOf(speaker: ExtractedSpeaker): string[] {
    return this.rolesByName.get(speaker.name) ?? [];
  }

  genderOf(speaker: ExtractedSpeaker): Gender {
    return this.genderHints.get(speaker.name) ?? this.knownGenders.get(speaker.name) ?? "unknown";
  }

  private latest<T extends Position>(items: T[], at: Position, accept: (item: T) => boolean): T | null {
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i]!;
      if (this.behindWindow(item, at)) break;
      if (this.inWindow(item, at) && accept(item)) return item;
    }
    return null;
  }
}

const OFFICE_OF_BODY =
  /^(?:commissioner|chief|head|director|chair|chairman|chairwoman|president|secretary|governor|captain|commander|leader|spokesman|spokeswoman|spokesperson|minister|mayor|owner|founder)\s+of\s/i;

/** Roles one person holds at a time: "the Prime Minister" in one article is one person however far apart. */
const OFFICES: ReadonlySet<string> = new Set([
  "minister",
  "president",
  "premier",
  "chancellor",
  "governor",
  "mayor",
  "king",
  "queen",
  "pope",
  "commissioner",
  "ambassador",
]);

const TRIAL_PARTIES: Record<string, ExtractedSpeaker> = {
  defence: { name: "Defence", kind: "other" },
  defense: { name: "Defense", kind: "other" },
  prosecution: { name: "Prosecution", kind: "government_body" },
};

const GENERIC_DOCUMENT_WORDS = new Set([
  "same",
  "new",
  "latest",
  "full",
  "final",
  "undated",
  "leaked",
  "secret",
  "internal",
  "confidential",
  "original",
  "earlier",
  "previous",
  "whole",
  "entire",
  "draft",
  "official",
  "separate",
  "own",
  "said",
]);

// "inquiry" in "the inquiry report". Authorship words ("the Canadian government memo") say whose it
// is, which the earlier mention may not have said.
// "A committee … submitted its report. The inquiry report concluded …": a plain document of a named author in the
// sentence just before is the one "the" points back to, whatever the later phrase calls it.
function justSubmitted(found: DocumentRecord, at: Position): boolean {
  if (!found.author || found.article !== at.article || at.order - found.order > 1) return false;
  const own = found.label.toLowerCase().replace(found.author.name.toLowerCase(), "").split(/\s+/).filter(Boolean);
  return own.every((word) => word === found.noun);
}

// "Phase 1", "Volume 3", "Part IV", "the second report": a number or ordinal in a document's name tells one document of a
// series from the others ("the Phase 2 report" is not the Phase 1 report named before it).
const SERIES_NUMBER =
  /\b(?:(?:phase|part|volume|vol|stage|chapter|book|annex|appendix|no)\.?\s+([0-9]+[a-z]?|[ivxlc]+)\b|(first|second|third|fourth|fifth|sixth))\b/i;

/**
 * "differ" when both names carry a number of a series and the numbers differ; "unnumbered" when only the later one does
 * (the earlier "final report" may be any of the series); null when the later name carries no number.
 */
function seriesNumbers(nounPhrase: string, label: string): "differ" | "unnumbered" | null {
  const later = SERIES_NUMBER.exec(nounPhrase);
  if (!later) return null;
  const earlier = SERIES_NUMBER.exec(label);
  if (!earlier) return "unnumbered";
  return (later[1] ?? later[2])!.toLowerCase() !== (earlier[1] ?? earlier[2])!.toLowerCase() ? "differ" : null;
}

function distinguishingWords(phrase: DocumentPhrase): string[] {
  return phrase.nounPhrase
    .split(/\s+/)
    .slice(0, -1)
    .map((word) => word.replace(/[’']s$/, ""))
    .filter((word) => /^[a-z]/.test(word) && !GENERIC_DOCUMENT_WORDS.has(word) && !/^\d|-page$/.test(word) && !AUTHORSHIP_WORDS.has(word))
    .map((word) => word.toLowerCase());
}

const AUTHORSHIP_WORDS = new Set([
  "government",
  "official",
  "company",
  "party",
  "police",
  "army",
  "military",
  "state",
  "federal",
  "provincial",
  "diplomatic",
  "embassy",
  "ministry",
]);

export function speakerOf(name: string, kind: ActorKind): ExtractedSpeaker {
  return { name, kind };
}
