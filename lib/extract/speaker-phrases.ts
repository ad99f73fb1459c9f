// The phrase next to a cue: a name, a pronoun, a document ("the four-page memorandum"), a role ("the rights group") or a vague source.

import type { ActorKind } from "./types";
import { endsInstitutionally, guessActorKind, isPlaceName, looksLikePersonName } from "./actors";
import {
  ANONYMOUS_SOURCE_HEADS,
  DOCUMENT_NOUNS,
  isGroupHead,
  INQUIRY_HEADS,
  INSTITUTION_HEADS,
  isPersonInitials,
  isPersonNoun,
  isDemonym,
  MONTHS,
  PARTITIVE_QUANTIFIERS,
  TITLE_ABBREVIATIONS,
  TITLE_WORDS,
  WEEKDAYS,
  WHICH_ONE_LINKS,
} from "./lexicon";
import { DETERMINERS, STOP_WORDS } from "./noun-phrases";
import { isAcronym, isCapitalized, tokenize, type Token } from "./tokens";
import { capitalize } from "@/lib/text/terms";

export type PhraseReading =
  | { type: "name"; name: string; kind: ActorKind; text: string; gender: Gender; group?: boolean; titled?: boolean; office?: string }
  | { type: "pronoun"; pronoun: Pronoun; text: string }
  | { type: "document"; document: DocumentPhrase; text: string }
  | { type: "description"; head: string; text: string }
  | { type: "anonymous"; text: string };

export type Pronoun = "he" | "she" | "it" | "they";
export type Gender = "male" | "female" | "unknown";

export interface DocumentPhrase {
  noun: string;
  nounPhrase: string;
  definite: boolean;
  possessive: "his" | "her" | "its" | "their" | null;
  /** "US State Department cable", "attributed to / by X". */
  author: { name: string; kind: ActorKind } | null;
  relation: string | null;
  authorText: string | null;
  /** Trailing provenance worth keeping in a citation ("released by WikiLeaks"). */
  detail: string | null;
  year: string | null;
}

const PRONOUNS: Record<string, Pronoun> = { he: "he", she: "she", it: "it", they: "they" };
const POSSESSIVE_OWNERS: Record<string, Pronoun> = { his: "he", her: "she", its: "it", their: "they" };

const NON_NAME_WORDS = new Set([...MONTHS, ...WEEKDAYS]);

const AUTHOR_LINK =
  /^((?:[^,;.“”"]{0,60}?\s)?)(attributed to|issued by|published by|written by|conducted by|led by|run by|authored by|undertaken by|prepared by|signed by|sent by|compiled by|kept by|drawn up by|maintained by|produced by|carried out by|from|by)\s+([^,;“”"]+)/i;
// "released by WikiLeaks", "cited by Interfax", "quoted by TASS": who passed a document on, not who wrote it.
const NOT_AUTHORSHIP = /\b(released|leaked|obtained|posted|seen|reviewed|received|cited|quoted|carried|reported|relayed)\s*$/i;
const PROVENANCE =
  /(?:^|,\s*|\band\s+|\s)((?:released|obtained|leaked|published|posted|cited|quoted|carried|relayed)\s+(?:by|under|through|on|to|in)\s+[^,;“”"]+)/i;

/** Inquiries named by what was done, not written: their agent follows "carried out by", "conducted by", "led by". */
// "carried out by the engineering firm Arthur D. Little": a describing head before the name ("the engineering firm") says
// what kind of body it is.
const INQUIRY_AGENT =
  /^\s*,?\s*(?:carried out|conducted|undertaken|led|headed|run|performed)\s+by\s+(?:the\s+|an?\s+)?(?:([a-z-]+(?:\s+[a-z-]+){0,2})\s+)?((?:\p{Lu}[\p{L}\p{N}&’'-]*\.?\s?)+)/u;

function inquiryAgent(following: string): { name: string; kind: ActorKind } | null {
  const link = INQUIRY_AGENT.exec(following);
  if (!link) return null;
  const named = nameFromWords(tokenize(link[2]!.trim().replace(/(?<=\p{Ll}{2})\.$/u, "")));
  if (!named) return null;
  const described = link[1]?.split(/\s+/).pop();
  // "the engineering firm Arthur D. Little" is a firm, whatever its name looks like; "the scientist Ann Lee" is a person.
  if (described && INSTITUTION_HEADS.has(described))
    return { name: named.name, kind: named.kind === "person" || named.kind === "other" ? "organization" : named.kind };
  if (described && !TITLE_WORDS.has(described) && !isGroupHead(described)) return null;
  return { name: named.name, kind: named.kind };
}

export function genderOf(text: string): Gender {
  if (/\b(Mr|Sir)\b\.?/.test(text)) return "male";
  if (/\b(Ms|Mrs|Miss|Begum|Madam)\b\.?/.test(text)) return "female";
  return "unknown";
}

/** Reads a speaker phrase; `following` is the sentence text right after it (for document authors). */
// "The Phase 1 report in October 2018 found …", "Police on Monday said …": when something was said is no part of who said it.
const TRAILING_WHEN = new RegExp(
  String.raw`\s+(?:in|on|during|by)\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:\d{1,2}\s+)?(?:${[...MONTHS, ...WEEKDAYS].join("|")})(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{4})$`,
  "iu",
);

// "Several of the group's opponents", "some of the survivors": a part of a group speaks as the group does.
const PARTITIVE = new RegExp(String.raw`^(?:a\s+)?(${PARTITIVE_QUANTIFIERS.source.slice(1, -1)})\s+of\s+(?=the\s|th[eo]se\s|\p{Lu}|[a-z]+['’]s?\s)`, "iu");

export function readPhrase(whole: string, following: string): PhraseReading | null {
  const when = TRAILING_WHEN.exec(whole);
  const dated = when && when.index > 0 ? whole.slice(0, when.index) : whole;
  const text = dated.replace(PARTITIVE, "");
  const tokens = tokenize(text);
  const words = tokens.filter((t) => t.isWord);
  if (words.length === 0) return null;
  const onlyWord = words.length === 1 ? words[0]!.lower : null;
  if (onlyWord && PRONOUNS[onlyWord]) return { type: "pronoun", pronoun: PRONOUNS[onlyWord]!, text };
  // "He and his colleagues put the flow at …": the pronoun leads the group.
  const leading = /^(he|she|they)\s+and\s+(his|her|their)\s+\w+$/i.exec(text.trim());
  if (leading) return { type: "pronoun", pronoun: PRONOUNS[leading[1]!.toLowerCase()]!, text };

  // "A senior official familiar with the report", "the Voice of America piece on the same report", "the mother of a
  // firefighter killed in the blast": what follows the head only says which one; the head is who speaks.
  const modified = POST_MODIFIER.exec(text.trim());
  const modifiedHead = modified ? tokenize(modified[1]!).filter((t) => t.isWord) : [];
  // A capital on the head is a name's ("Kevin Lynch on …"), unless it only opens the sentence ("Officials familiar with …").
  const headCapital = modifiedHead.length > 0 && isCapitalized(modifiedHead.at(-1)) && !(modifiedHead.length === 1 && isGroupHead(modifiedHead[0]!.lower));
  if (modified && !headCapital) {
    const headReading = readPhrase(modified[1]!, "");
    // What the head is not ("a senior official familiar with the report"), the modifier's noun cannot make it.
    if (
      !headReading &&
      !DOCUMENT_NOUNS.includes(
        tokenize(modified[1]!)
          .filter((t) => t.isWord)
          .pop()!.lower,
      )
    )
      return null;
    if (headReading && headReading.type !== "pronoun") {
      // "a source familiar with the first official findings" is told apart only by what follows it.
      if (headReading.type === "anonymous" && /^(?:an?|one)\s+source$/i.test(modified[1]!.trim()))
        return { type: "name", name: capitalize(text.trim().replace(/^(?:an?|one)\s+/i, "")), kind: "other", text, gender: "unknown", group: true };
      return { ...headReading, text };
    }
  }
  // "sources in Hezbollah and the Amal Movement", "sources close to the family": anonymous, told apart by where they are.
  const placedSources = /^(.*?)\b(sources?\s+(?:in|within|inside|at|close\s+to)\s+.+)$/i.exec(text.trim());
  // Only a determiner or a fronted date may stand before them ("In October 2021 sources in … told").
  const beforeSources = placedSources?.[1]?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  if (placedSources && beforeSources.every((word) => /^(?:the|some|two|three|several|\d{1,4})$/.test(word) || MONTHS.includes(word)))
    return { type: "name", name: capitalize(placedSources[2]!), kind: "other", text, gender: "unknown", group: true };
  // "Newspapers in Karachi", "residents of Gemmayzeh": a group told apart by where it is.
  // "Survivors' groups in Bhopal": the group's head may follow whose it is.
  // "Funeral directors across the island": the head may carry a modifier. "In", "across", "throughout" say where the group
  // is; "of", "from" and "at" say whose people they are.
  const placedGroup =
    /^((?:the\s+|some\s+|local\s+|many\s+)?(?:[a-z]+s['’]\s+)?(?:[a-z-]+\s+)?([a-z]+))\s+(in|across|throughout|of|from|at)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}$/iu.exec(
      text.trim(),
    );
  if (placedGroup && isGroupHead(placedGroup[2]!.toLowerCase()) && !/^sources?$/i.test(placedGroup[2]!)) {
    // "Newspapers in Karachi" are told apart only by their place; "funeral directors", "survivors' groups" already are.
    const told = tokenize(placedGroup[1]!).filter((t) => t.isWord && !DETERMINERS.has(t.lower)).length > 1;
    if (!/^(in|across|throughout)$/i.test(placedGroup[3]!) || !told) return groupReading(words, text);
    return groupReading(
      tokenize(placedGroup[1]!).filter((t) => t.isWord),
      placedGroup[1]!,
    );
  }
  // "the mother of a firefighter": a relation to someone unnamed is who the text can say.
  const relation = RELATION_OF.exec(text.trim());
  if (relation) return { type: "name", name: capitalize(relation[1]!), kind: "person", text, gender: genderOf(relation[1]!), group: true };
  // "The captain of the Rhosus said", "the mayor of Beirut said": the person who holds the office speaks, not the ship or the
  // city it is of. A spokesman of a body still speaks for the body.
  const office = OFFICE_OF.exec(text.trim());
  if (office && isPersonNoun(office[2]!) && !/^spokes/.test(office[2]!))
    return { type: "name", name: capitalize(office[1]!), kind: "person", text, gender: genderOf(office[1]!), group: true, office: office[2]! };
  // "The family of Ana Berg said": her family speaks, not she.
  if (office?.[2] === "family") return { type: "name", name: capitalize(office[1]!), kind: "other", text, gender: "unknown", group: true, office: "family" };

  // "An independent investigation carried out by the engineering firm Arthur D. Little found …": whoever carried an inquiry
  // out stands behind what it found.
  const agent = INQUIRY_HEADS.has(words[words.length - 1]!.lower) ? inquiryAgent(following) : null;
  if (agent) return { type: "name", name: agent.name, kind: agent.kind, text, gender: "unknown" };

  // "A statement from the governor's office": the document's sender is inside the phrase.
  const sender = /^(.+?)\s+((?:from|by)\s+.+)$/.exec(text);
  const senderHead = sender ? tokenize(sender[1]!).filter((t) => t.isWord) : [];
  // "The company's departure report to the Korea Shipping Association": whom it was sent to does not write it.
  const addressed = /^(.+?)\s+to\s+.+$/.exec(text);
  const addressedHead = addressed ? tokenize(addressed[1]!).filter((t) => t.isWord) : [];
  const document =
    sender && DOCUMENT_NOUNS.includes(senderHead[senderHead.length - 1]?.lower ?? "")
      ? readDocument(sender[1]!, senderHead, ` ${sender[2]}`)
      : addressed && DOCUMENT_NOUNS.includes(addressedHead[addressedHead.length - 1]?.lower ?? "")
        ? readDocument(addressed[1]!, addressedHead, following)
        : readDocument(text, words, following);
  if (document) return { type: "document", document, text };

  // "Its spokesman said", "their spokeswoman": the owner the possessive refers to speaks through them.
  const possessed = /^(its|his|her|their)\s+(?:[a-z]+\s+)?(?:spokesman|spokeswoman|spokesperson)$/i.exec(text.trim());
  if (possessed) return { type: "pronoun", pronoun: POSSESSIVE_OWNERS[possessed[1]!.toLowerCase()]!, text };

  // "Snyder's spokesman", "the mayor's press office": the spokesman speaks for the owner.
  const spokesman = /^(.+?)[’']s?\s+(?:[a-z]+\s+)?(?:spokesman|spokeswoman|spokesperson|office)$/.exec(text.trim());
  if (spokesman && words.length <= 6) {
    const owner = readPhrase(spokesman[1]!, "");
    if (owner?.type === "name" || owner?.type === "description") return { ...owner, text };
  }

  // "A Nordic Shipping spokeswoman said": a spokesman of a body named before the title speaks for it.
  const spokesOf = /^(?:[Aa]n?|[Tt]he)\s+(\p{Lu}[\p{L}\p{N}&’'-]*(?:\s+\p{Lu}[\p{L}\p{N}&’'-]*){0,4})\s+(?:spokesman|spokeswoman|spokesperson)$/u.exec(
    text.trim(),
  );
  const spokenFor = spokesOf ? readPhrase(spokesOf[1]!, "") : null;
  if (spokenFor?.type === "name" && spokenFor.kind !== "person") return { ...spokenFor, text };

  // "The respondent Government", "the applicant State": in a case between states, the side is the name.
  const side = /^(?:the\s+)?(applicant|respondent|intervening|defendant|claimant)\s+(Government|State|Party)$/i.exec(text.trim());
  if (side) return { type: "name", name: `${capitalize(side[1]!.toLowerCase())} ${side[2]}`, kind: "government_body", text, gender: "unknown" };

  const head = words[words.length - 1]!;
  // "a ministry spokesman", "the company's spokeswoman": the body met earlier speaks through them.
  const body = words[words.length - 2];
  // "A police spokeswoman said": the police force speaks through her as a ministry does.
  const spokenBody = body?.lower.replace(/[’']s$/, "") ?? "";
  if (
    /^(spokesman|spokeswoman|spokesperson)$/.test(head.lower) &&
    body &&
    !isCapitalized(body) &&
    (INSTITUTION_HEADS.has(spokenBody) || spokenBody === "police")
  ) {
    return { type: "description", head: spokenBody, text };
  }
  // "The joint investigation team of prosecutors and police", "a panel of engineers": a body named by the people it
  // is made of is the body.
  const madeOf = /^(.+?)\s+of\s+([a-z]+(?:(?:,\s*|\s+and\s+)[a-z]+)*)$/.exec(text.trim());
  const bodyHead = madeOf ? madeOf[1]!.trim().split(/\s+/).pop()!.toLowerCase() : "";
  if (
    madeOf &&
    (INSTITUTION_HEADS.has(bodyHead) || /^(panel|committee|group)$/.test(bodyHead)) &&
    madeOf[2]!.split(/,\s*|\s+and\s+/).every((word) => isGroupHead(word))
  ) {
    const body = readPhrase(madeOf[1]!, following);
    if (body) return { ...body, text };
  }
  // "Survivors and local people estimated …": groups listed together; the first stands for them.
  const conjunct = /^(.+?)\s+and\s+(?:other\s+|local\s+)?[a-z][\w\s-]*$/.exec(text.trim());
  if (conjunct && isGroupHead(conjunct[1]!.trim().split(/\s+/).pop()!.toLowerCase())) {
    const first = readPhrase(conjunct[1]!, following);
    if (first) return first;
  }
  // "The government's own committee": an owner makes it a named body, not a description.
  const owned = words.some((w, i) => i < words.length - 1 && /[’']s$/.test(w.text));
  if (!owned && isDescription(words) && /^(the|this)$/i.test(words[0]!.text)) return { type: "description", head: head.lower, text };
  // "Devine's family said": a named person's family speaks as one, like "the Ortiz family".
  if (owned && head.lower === "family" && words.length === 2 && isCapitalized(words[0]!)) return groupReading(words, text);
  // "Prosecutors said": a sentence-initial capital does not make a plural noun a name.
  const headIsCommonNoun = !isCapitalized(head) || (words.length === 1 && head.start === 0) || isSentenceInitialPair(words);
  // "Diplomatic sources" can be told apart; bare "sources" stay anonymous.
  if (/^sources?$/.test(head.lower) && qualifiers(words).length > 0) return groupReading(words, text);
  if (headIsCommonNoun && ANONYMOUS_SOURCE_HEADS.has(head.lower)) return { type: "anonymous", text };
  if (headIsCommonNoun && isGroupHead(head.lower)) return groupReading(words, text);
  // "Governor Ana Berg's government", "the president's administration": the government a person heads is the one the
  // text speaks of, not a body named after the person.
  if (/^(government|administration|cabinet)$/.test(head.lower) && personOwner(words)) return { type: "description", head: "government", text };
  // "the company": a body met earlier; "the Sindh government": a body named by its modifiers.
  if (!isCapitalized(head) && (INSTITUTION_HEADS.has(head.lower) || (owned && /^(committee|group|party)$/.test(head.lower)))) {
    const content = words.filter((w) => !DETERMINERS.has(w.lower));
    if (content.length === 1) return DETERMINERS.has(words[0]!.lower) ? { type: "description", head: head.lower, text } : null;
    return groupReading(words, text);
  }
  // "the SSP", "the CEO": an abbreviated role.
  if (words.length === 2 && /^(the)$/i.test(words[0]!.text) && isAcronym(head) && TITLE_WORDS.has(head.lower)) {
    return { type: "description", head: head.lower, text };
  }
  if (DETERMINERS.has(words[0]!.lower) && ["each", "both", "some", "several", "many", "one", "six", "two", "three"].includes(words[0]!.lower)) {
    return { type: "anonymous", text };
  }
  if (head.lower === "media" || head.lower === "sources" || head.lower === "source") return { type: "anonymous", text };

  // "A military prosecutor said", "a senior official said": someone the text introduces by role, not one met before.
  if (/^(?:a|an)$/i.test(words[0]!.text) && words.length > 2 && isDescription(words)) return groupReading(words, text);
  // "said a prosecutor on the joint investigation team": an indefinite role introduces someone new, never one met
  // before; a spokesman is the voice of the body the text is about, so it is still looked up.
  if (/^(?:a|an)$/i.test(words[0]!.text) && words.length === 2 && isDescription(words) && !/^spokes/.test(head.lower)) return groupReading(words, text);
  if (isDescription(words)) return { type: "description", head: head.lower, text };
  // "A government lawyer said", "a resident told …": an indefinite noun for a person, whatever the office, introduces someone.
  if (
    /^(?:a|an)$/i.test(words[0]!.text) &&
    words.length >= 2 &&
    isPersonNoun(head.text) &&
    !/^spokes/.test(head.lower) &&
    words.slice(1, -1).every((w) => !isCapitalized(w) || isAcronym(w))
  )
    return groupReading(words, text);

  const name = nameFromWords(tokens);
  if (!name) return null;
  // "The Constitution", "the Rhosus": a personal name does not take "the".
  if (name.kind === "person" && !name.titled && words.length === 2 && /^the$/i.test(words[0]!.text))
    return { type: "name", name: name.name, kind: "other", text, gender: "unknown" };
  return { type: "name", name: name.name, kind: name.kind, text, gender: genderOf(text), ...(name.titled ? { titled: true } : {}) };
}

const POST_MODIFIER = new RegExp(
  `^(.+?)\\s+(?:${WHICH_ONE_LINKS.map((link) => link.replace(" ", "\\s+")).join("|")}|with\\s+(?:direct\\s+)?knowledge\\s+of|(?:killed|injured|wounded)\\s+in|[a-z]{3,}ed\\s+by|who\\s+[a-z]+|on|about|into)\\s+\\S.*$`,
  "i",
);
const OFFICE_OF = /^[Tt]he\s+((?:[a-z-]+\s+)?([a-z]+)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}’'-]*(?:\s+(?:of\s+|and\s+)?\p{Lu}[\p{L}\p{N}’'-]*){0,4})$/u;
const RELATION_OF =
  /^(?:the|a|an)\s+((?:mother|father|wife|husband|son|daughter|brother|sister|widow|widower|relative|cousin|uncle|aunt|friend|neighbou?r|colleague|lawyer)\s+of\s+(?:a|an|one|the)\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)$/i;

function qualifiers(words: Token[]): Token[] {
  return words.slice(0, -1).filter((w) => !DETERMINERS.has(w.lower) && !/^(unnamed|anonymous|other|various|certain|informed|reliable|some|few)$/.test(w.lower));
}

// "BP's lawyers" → "BP lawyers", "some officials" → "Officials".
/** "Governor Ana Berg's …", "Rosselló's …": the words before the possessive name a person. */
function personOwner(words: Token[]): boolean {
  const possessive = words.findIndex((w) => /[’']s$/.test(w.text));
  if (possessive < 0) return false;
  const owner = [...words.slice(0, possessive), { ...words[possessive]!, text: words[possessive]!.text.replace(/[’']s$/, "") }].filter(
    (w) => !DETERMINERS.has(w.lower),
  );
  const person = trailingPersonName(owner);
  return !!person && guessActorKind(person) === "person";
}

function groupReading(words: Token[], text: string): PhraseReading {
  let start = 0;
  while (start < words.length - 1 && DETERMINERS.has(words[start]!.lower)) start++;
  const name = words
    .slice(start)
    .filter((w) => w.lower !== "own")
    .map((w) => w.text.replace(/[’']s$/, ""))
    .join(" ");
  const display = capitalize(name);
  const guessed = guessActorKind(display);
  // "BP officials", "PILER researchers": the people of an organization speak for it.
  const ownerWord = words[start]!.text.replace(/[’']s$/, "");
  const owner = words[start] !== words[words.length - 1] && /^[A-Z0-9&-]{2,}$/.test(ownerWord) ? guessActorKind(ownerWord) : null;
  const kind: ActorKind =
    guessed === "government_body" || /^(police|prosecutors|investigators|detectives|troops|soldiers)$/.test(words[words.length - 1]!.lower)
      ? "government_body"
      : guessed === "person" || guessed === "other"
        ? owner && owner !== "person" && owner !== "other"
          ? owner
          : "other"
        : guessed;
  return { type: "name", name: display, kind, text, gender: "unknown", group: true };
}

// "Diplomatic sources", "American prosecutors": only the first word is capitalized, by position.
function isSentenceInitialPair(words: Token[]): boolean {
  return words.length === 2 && !isCapitalized(words[1]);
}

// "the rights group", "the MQM chief": role words with no proper name among them.
function isDescription(words: Token[]): boolean {
  const content = words.filter((w) => !DETERMINERS.has(w.lower));
  if (content.length === 0) return false;
  const head = content[content.length - 1]!;
  const headIsRole =
    !isAcronym(head) &&
    (TITLE_WORDS.has(head.lower) ||
      // "the jury found", "the panel concluded": the bodies that hear evidence and find are described by their kind too.
      /^(group|party|court|jury|tribunal|panel|committee|father|mother|doctor|family|ambassador|organization|organisation)$/.test(head.lower));
  if (!headIsRole) return false;
  // "the veteran Congress leader": after "the", a proper name right before a lower-case role only says whose it is.
  const whose = /^the$/i.test(words[0]!.text) && !isCapitalized(head) ? content[content.length - 2] : undefined;
  return content.every(
    (w) =>
      isAcronym(w) ||
      !isCapitalized(w) ||
      TITLE_WORDS.has(w.lower) ||
      (w !== head && (isDemonym(w.text) || w === whose)) ||
      (w === content[0] && /^(The|This)$/.test(w.text)),
  );
}

/** "reports" → "report", "studies" → "study", "analyses" → "analysis"; other words unchanged. */
function singularDocument(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ses")) return `${word.slice(0, -2)}is`;
  return word.replace(/s$/, "");
}

function readDocument(text: string, words: Token[], following: string): DocumentPhrase | null {
  // "Later reports said …", "studies show …": documents in the plural speak as one would.
  const nounIndex = findLastIndex(words, (w) => (DOCUMENT_NOUNS.includes(w.lower) || DOCUMENT_NOUNS.includes(singularDocument(w.lower))) && !isCapitalized(w));
  if (nounIndex === -1) return null;
  // The document noun must be the head: "the memo says", not "memo writer Kevin Lynch".
  if (words.slice(nounIndex + 1).some((w) => isCapitalized(w))) return null;
  const noun = words[nounIndex]!.lower;
  const determiner = DETERMINERS.has(words[0]!.lower) ? words[0]!.lower : null;
  const nounPhrase = text.slice(determiner ? words[0]!.end : 0, words[nounIndex]!.end).trim();
  const modifiers = words.slice(determiner ? 1 : 0, nounIndex);
  const year = modifiers.find((w) => /^(1[89]|20)\d\d$/.test(w.text))?.text ?? null;
  const modifierAuthor = institutionFromModifiers(modifiers);
  const link = AUTHOR_LINK.exec(following);
  const provenance =
    PROVENANCE.exec(following)?.[1]
      ?.replace(/[.\s]+$/, "")
      .trim() ?? null;
  const authorship = link && !NOT_AUTHORSHIP.test(link[1]!) ? link : null;
  const linkedAuthor = authorship ? authorFromText(authorship[3]!) : null;
  const useLink = !modifierAuthor && linkedAuthor && authorship;
  return {
    noun,
    nounPhrase,
    definite: determiner === "the" || determiner === "this",
    possessive: determiner === "his" || determiner === "her" || determiner === "its" || determiner === "their" ? determiner : null,
    author: modifierAuthor ?? linkedAuthor,
    relation: useLink ? authorship[2]!.toLowerCase() : null,
    authorText: useLink ? trimAuthorText(authorship[3]!) : null,
    detail: provenance,
    year,
  };
}

function trimAuthorText(value: string): string {
  // "Khan and Gayer" keeps its "and"; "Leon Benoit and posted on …" and "… cited by TASS" are cut.
  return value
    .replace(/\s+(?:and(?!\s+[A-Z])|in|on|at|here|last|this|who|which|cited|quoted|carried|reported|relayed|released|leaked|obtained|posted)\b.*$/, "")
    .replace(/[.\s]+$/, "")
    .trim();
}

function authorFromText(value: string): { name: string; kind: ActorKind } | null {
  // "by researchers at the University of Toronto": past the group, the name of their institution.
  // "… led by researchers at X and published in Y": a second participle phrase says where it appeared, not who wrote it.
  const authorship = value.replace(/\s+and\s+(?=[a-z]+ed\b).*$/, "");
  const named = nameFromWords(tokenize(trimAuthorText(authorship))) ?? nameFromWords(tokenize(authorship.replace(/[.\s]+$/, "")));
  if (named) return named;
  // "by the maritime network shiparrested.com": a website names its publisher, lower case or not.
  const site = /\b([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|news|io|co\.uk|org\.uk|gov|int))\b/i.exec(value);
  if (site) return { name: site[1]!, kind: "media_outlet" };
  // "a list kept by the administration": a body the text names by what it is.
  const body = /^the\s+([a-z]+)\b/.exec(trimAuthorText(value));
  return body && INSTITUTION_HEADS.has(body[1]!) ? bodyNamed(body[1]!) : null;
}

/** "the committee", "the administration" as a speaker of its own: a public body when the word says so, else an organization. */
export function bodyNamed(head: string): { name: string; kind: ActorKind } {
  const name = capitalize(head);
  const kind = guessActorKind(name);
  return { name, kind: kind === "person" || kind === "other" ? "organization" : kind };
}

// "US State Department cable" → US State Department; "Canadian government memo" → none (not a name).
function institutionFromModifiers(modifiers: Token[]): { name: string; kind: ActorKind } | null {
  const capitalized = modifiers.filter((w) => isCapitalized(w));
  if (capitalized.length === 0) return null;
  // "internal BP document": lower-case adjectives around one capitalized run; "the Voice of America piece": a name's "of".
  const firstCap = modifiers.indexOf(capitalized[0]!);
  const lastCap = modifiers.lastIndexOf(capitalized[capitalized.length - 1]!);
  if (modifiers.slice(firstCap, lastCap + 1).some((w) => !isCapitalized(w) && !/^(of|for|and|the|&)$/.test(w.lower))) return null;
  if (modifiers.slice(lastCap + 1).some((w) => !/^\d+$/.test(w.text))) return null;
  // "The Harbour Board's report": the possessive mark is no part of the author's name.
  const name = modifiers
    .slice(firstCap, lastCap + 1)
    .map((w) => w.text)
    .join(" ")
    .replace(/[’']s$/, "");
  const kind = guessActorKind(name);
  if (kind === "government_body" || kind === "organization" || kind === "court" || kind === "media_outlet") return { name, kind };
  // A name of several words that is not a person's, set before a document ("a Voice of America piece"), is its publisher.
  return kind === "other" && capitalized.length >= 2 && !looksLikePersonName(name) && !isPlaceName(name) ? { name, kind: "organization" } : null;
}

export function nameFromWords(tokens: Token[]): { name: string; kind: ActorKind; titled?: boolean } | null {
  const run = lastCapitalizedRun(tokens);
  if (run.length === 0) return null;
  // A capitalized word followed by a common noun is a modifier ("an MQM activist"), not a name.
  const lastWord = [...tokens].reverse().find((t) => t.isWord);
  if (lastWord && lastWord !== run[run.length - 1] && !isCapitalized(lastWord)) return null;
  const runText = joinRun(run);
  const joint = /^(\p{Lu}[\p{L}\p{N}’'.-]+) and (\p{Lu}[\p{L}\p{N}’'-]+)$/u.exec(runText);
  if (joint) {
    // "BP and Anadarko say": the first institution stands for them.
    const first = guessActorKind(joint[1]!);
    if (isAcronym(run[0]) || (first !== "person" && first !== "other"))
      return { name: joint[1]!, kind: first === "other" || first === "person" ? "organization" : first };
    return { name: runText, kind: "person" };
  }
  // "Martin Blunt of Imperial College London", "Karamat Ali of PILER": a person of an institution.
  const of = run.findIndex((t) => t.lower === "of");
  if (of > 1) {
    const before = run.slice(0, of);
    const personBefore = trailingPersonName(before);
    const beforeText = joinRun(before);
    if (personBefore && personBefore.includes(" ") && guessActorKind(beforeText) !== "government_body" && guessActorKind(personBefore) === "person") {
      return { name: personBefore, kind: "person" };
    }
  }
  // "the MQM's Rauf Siddiqui": the person after an owner's possessive.
  const possessive = run.findIndex((t) => /[’']s$/.test(t.text));
  if (possessive >= 0 && possessive < run.length - 2) {
    const owned = trailingPersonName(run.slice(possessive + 1));
    if (owned && owned.includes(" ") && guessActorKind(owned) === "person") return { name: owned, kind: "person" };
  }
  // "the Rift Valley", "Tahrir Square": a place, whatever its capitals.
  if (isPlaceName(runText) && guessActorKind(runText) === "other") return { name: stripLeadingArticle(runText), kind: "other" };
  const person = trailingPersonName(run);
  // A title right before the trailing name makes it a person even inside "Army Chief Gen. Raheel".
  // "The Federal Aviation Administration" is a body: "Federal" titles a person only before a person's name.
  if (person && titledName(run, person) && !endsInstitutionally(person.toLowerCase())) return { name: person, kind: "person", titled: true };
  const institutional = guessActorKind(runText);
  if (institutional !== "person" && institutional !== "other") {
    return { name: stripLeadingArticle(runText), kind: institutional };
  }
  if (person) return { name: person, kind: "person" };
  const bare = stripLeadingArticle(runText);
  if (run.length === 1 && isAcronym(run[0])) return { name: bare, kind: "organization" };
  return looksLikePersonName(bare) && !NON_NAME_WORDS.has(bare.toLowerCase()) ? { name: bare, kind: "person" } : null;
}

function titledName(run: Token[], person: string): boolean {
  const personTokens = tokenize(person).length;
  let end = run.length;
  while (end > 0 && /^(MP|MPA|MNA|MEP|Jr|Sr|QC|PhD)$/.test(run[end - 1]!.text)) end--;
  const before = run[end - personTokens - 1];
  const title = before?.text === "." ? run[end - personTokens - 2] : before;
  if (title && (TITLE_WORDS.has(title.lower) || TITLE_ABBREVIATIONS.has(title.lower))) return true;
  // "Senior Superintendent of Police Rashid Mahmood", "Chief of Army Staff Raheel Sharif".
  const start = end - personTokens - 1;
  for (let k = start; k > 0 && start - k <= 3; k--) {
    if (run[k]!.lower === "of") return TITLE_WORDS.has(run[k - 1]!.lower);
  }
  return false;
}

function stripLeadingArticle(value: string): string {
  return value.replace(/^(the|a|an)\s+/i, "");
}

function joinRun(run: Token[]): string {
  let out = "";
  for (let i = 0; i < run.length; i++) {
    const token = run[i]!;
    const previous = run[i - 1];
    out += previous && previous.end === token.start ? token.text : (out ? " " : "") + token.text;
  }
  return out;
}

function lastCapitalizedRun(tokens: Token[]): Token[] {
  let end = tokens.length - 1;
  while (end >= 0 && !isCapitalized(tokens[end])) end--;
  if (end < 0) return [];
  let start = end;
  while (start > 0) {
    const previous = tokens[start - 1]!;
    if (isCapitalized(previous) && !/^(The|A|An)$/.test(previous.text)) start--;
    else if (previous.text === "." && isCapitalized(tokens[start - 2])) start--;
    // "the Supreme Prosecutors' Office", "the Workers' Party": a plural possessive inside the name.
    else if (
      /^['’]$/.test(previous.text) &&
      previous.start === tokens[start - 2]?.end &&
      /s$/.test(tokens[start - 2]!.text) &&
      isCapitalized(tokens[start - 2])
    )
      start--;
    else if (isNameConnector(previous) && connectsToCapitalized(tokens, start - 1)) start--;
    // "the Fact-Finding Mission on Myanmar", "the Committee on Foreign Affairs": a body named for its subject.
    else if (previous.lower === "on" && isCapitalized(tokens[start - 2]) && BODIES_ON_A_SUBJECT.test(tokens[start - 2]!.lower)) start--;
    else break;
  }
  return tokens.slice(start, end + 1);
}

const BODIES_ON_A_SUBJECT = /^(mission|committee|subcommittee|commission|council|panel|conference|force|group|inquiry|tribunal|board|centre|center|institute)$/;

function isNameConnector(token: Token): boolean {
  return /^(of|for|the|al|bin|&|and)$/i.test(token.text);
}

// "Office of the United Nations": connectors chain back to a capitalized word.
function connectsToCapitalized(tokens: Token[], index: number): boolean {
  let i = index - 1;
  while (i >= 0 && isNameConnector(tokens[i]!)) i--;
  return i >= 0 && isCapitalized(tokens[i]) && !/^(The|A|An)$/.test(tokens[i]!.text);
}

/** "Conservative MP Leon Benoit" → "Leon Benoit". */
export function trailingPersonName(run: Token[]): string | null {
  const kept: Token[] = [];
  let last = run.length - 1;
  // Post-nominal titles: "Alistair Burt MP".
  while (last > 0 && /^(MP|MPA|MNA|MEP|Jr|Sr|QC|PhD)$/.test(run[last]!.text)) last--;
  for (let i = last; i >= 0; i--) {
    const token = run[i]!;
    if (token.text === ".") {
      const initials = run[i - 1]?.text ?? "";
      if (kept.length && (/^[A-Z]$/.test(initials) || isPersonInitials(`${initials}.`))) {
        kept.unshift(token);
        continue;
      }
      break;
    }
    // "B.K. Shukla", "A.P.J. Abdul Kalam": initials written together before the name are part of it, not an acronym.
    if (kept.length && run[i + 1]?.text === "." && isPersonInitials(`${token.text}.`)) {
      kept.unshift(token);
      continue;
    }
    const bare = token.lower.replace(/[’']s$/, "");
    if (!isCapitalized(token) || (isAcronym(token) && token.text.length > 1)) break;
    // "BP's Tony Hayward": an owner before the name.
    if (kept.length > 0 && /[’']s$/.test(token.text)) break;
    if (TITLE_WORDS.has(bare) || NON_NAME_WORDS.has(bare) || STOP_WORDS.has(bare) || DETERMINERS.has(bare)) break;
    if (guessActorKind(token.text) !== "person" && guessActorKind(token.text) !== "other") break;
    kept.unshift(token);
  }
  const words = kept.filter((t) => t.isWord);
  if (words.length === 0) return null;
  const name = joinRun(kept).replace(/[’']s$/, "");
  if (words.length === 1) {
    // A lone word of two letters is a name only when a title vouches for it ("Mr. Wu"); longer ones stand alone ("Baqri").
    const precededByTitle = last + 1 > kept.length;
    return precededByTitle || words[0]!.text.length > 2 ? name : null;
  }
  return name;
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
