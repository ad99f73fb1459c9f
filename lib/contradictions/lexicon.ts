// The words detection reads; the rules in rules/ use them.

export interface Phrase {
  pattern: RegExp;
  /** How surely the phrase rebuts something rather than merely sounding negative. */
  strength: number;
  /** A reported act of rebutting ("denied") rather than a judgement ("baseless"). */
  act?: boolean;
}

const WITNESS_DENIAL =
  /\b(?:never|(?:did|do|does|had|have|has)\s*(?:not|n[’']t))\s+(?:hear|heard|see|saw|seen|receive|received|get|got|notice|noticed)\s+(?:it|that|this|them|any\s+such|such\s+an?|anything\s+of\s+the\s+kind)\b/i;

export const DISPUTE_PHRASES: Phrase[] = [
  { pattern: /\b(?:denied|denies|deny|denying)\b/i, strength: 1, act: true },
  { pattern: /\b(?:denial|denials)\b/i, strength: 0.6 },
  { pattern: /\b(?:disputes?|disputed|disputing)\b/i, strength: 1, act: true },
  { pattern: /\b(?:refuted|refutes?|refuting|rebutted|rebuts?)\b/i, strength: 1, act: true },
  { pattern: /\brefused to (?:accept|believe)\b/i, strength: 0.9, act: true },
  { pattern: /\b(?:baseless|unfounded|groundless|fabricated|concocted|cooked)\b/i, strength: 1 },
  { pattern: /\bnot true\b|\buntrue\b|\b(?:no|devoid of) truth\b/i, strength: 1 },
  { pattern: /\b(?:inaccurate|false|falsehood|lying)\b|\b(?:mere|are|were|all|these|those|such|pack of) lies\b/i, strength: 0.9 },
  { pattern: /\b(?:are|is|was|were|been) wrong\b|\bwrongly\b/i, strength: 0.9 },
  { pattern: /\b(?:ridiculous|absurd|nonsense|misleading|naive|mockery|propaganda|a ruse|malign)\b/i, strength: 0.8 },
  {
    pattern:
      /\b(?:rejec(?:ts|ted)|dismiss(?:es|ed)|discount(?:s|ed)|scoff(?:s|ed)\s+at|ridicul(?:es|ed))\s+(?:the|this|that|these|those|such|any|all)\s+(?:\w+\s+)?(?:claims?|allegations?|assertions?|notions?|reports?|charges?|accusations?|suggestions?|statements?|theory|theories|speculation|idea|criticism)\b/i,
    strength: 0.8,
    act: true,
  },
  // "brushed aside an accusation", "shrugged off the criticism"
  {
    pattern: /\b(?:brush(?:ed|es|ing)?\s+aside|shrug(?:ged|s|ging)?\s+off|wav(?:ed|es|ing)\s+(?:away|off|aside)|pushed\s+back\s+(?:against|on))\b/i,
    strength: 0.9,
    act: true,
  },
  { pattern: /\b(?:contested|contradicted|contradicts|countered|insisted)\b/i, strength: 0.6, act: true },
  { pattern: /\bno\b[^.;:]{0,80}\bever\b|\bnor has (?:he|she|it|they) ever\b|\bneither\b[^.;]{0,40}\bnor\b[^.;]{0,60}\bever\b/i, strength: 0.8 },
  { pattern: /\bnever\b/i, strength: 0.5 },
  // "Survivors say they never heard it": a witness who did not perceive what was just claimed disputes it.
  { pattern: WITNESS_DENIAL, strength: 0.9 },
];

/** Dispute wording that points back at what was just said ("disputes that", "this notion"). */
/**
 * A denial that points back at something said before ("denied that.", "rejected this", "denied the
 * claim"). "That" before a clause ("denied that the group had stored arms") is a complementizer: the
 * denial states its own content, and "it" before a verb ("denied it had") is that clause's subject,
 * unless the clause opens on a pronoun ("denied that he was ever a member"): then it is about whoever
 * was just named, and answers what was just said of them.
 */
export const POINTS_BACK = new RegExp(
  `${/\b(?:disputes?|disputed|denied|denies|refuted|rejected|rejects)\s+(?:that(?=\s*(?:[.,;:!?)"”’]|$)|\s+(?:claims?|reports?|allegations?|accounts?|versions?|story|stor(?:y|ies)|statements?|charges?|accusations?|assertions?|suggestions?|notion|figures?|numbers?|estimates?)\b|\s+(?:he|she|they|it|his|her|their|its)\b)|this|it(?!\s+(?:had|has|was|is|were|would|could|did|will|should)\b)|these|those|the claim|the report|the allegation)\b|^\W*(?:that|this|it)\s+(?:is|was)\s+(?:simply\s+|completely\s+|totally\s+)?(?:not true|untrue|false|wrong|ridiculous|baseless)|\b(?:this|that|the) (?:notion|accusation|allegation|claim|charge|suggestion|theory|speculation|idea)s?\b|\bany of that\b/i.source}|${WITNESS_DENIAL.source}`,
  "i",
);

export const CONTRAST_STRONG =
  /^\W*(?:despite (?:this|that|these|it)|contrary to (?:this|that|these|what)|on the contrary|in contrast|but,? (?:the )?fact is|the fact is)\b/i;
export const CONTRAST = /^\W*(?:however|nevertheless|nonetheless|but|yet)\b/i;

/** Words that report something said or written: what a speaker can disown is a statement of theirs. */
export const SPEECH_REPORT =
  /\b(?:said|says|say|saying|told|tells|stated?|states|statements?|confess(?:ed|es|ion|ions)?|admit(?:s|ted)?|admissions?|claim(?:s|ed)?|quoted?|quotes|interviews?|interviewed|remarks?|comments?|words|wrote|writes|written|tweet(?:s|ed)?|posted|declared?|testif(?:y|ied|ies)|testimony|according to|attributed)\b/i;

export const DISOWNING =
  /\b(?:(?:does|did|do)\s*(?:not|n[’']t)\s+recall|no recollection of (?:making|saying|writing)|(?:does|did)\s*(?:not|n[’']t)\s+believe (?:he|she|they) made|never (?:said|made|wrote)|did\s*(?:not|n[’']t)\s+(?:say|make|write) (?:it|that|the)|(?:didn[’']t|did not) know that (?:that )?was being attributed|attributed to (?:me|him|her|them)[^.]{0,40}\b(?:not|never|n[’']t)\b)/i;

export const ACCUSING =
  /\b(?:violen\w*|kill\w*|murder\w*|tortur\w*|terror\w*|criminal\w*|crimes?|extortion|kidnapp?\w*|abduct\w*|atrocit\w*|thug\w*|militan\w*|mafia|riots?|responsible|guilty|blam\w*|accus\w*|attack\w*|instigat\w*|perpetrat\w*|mastermind|links? (?:to|with)|behind the|involve(?:d|ment) in|abus\w*|imprison\w*)\b/i;

export const EXCULPATING =
  /\b(?:victims?|innocent|no knowledge|no idea|no information|did not sanction|not involved|never (?:been )?(?:involved|linked)|renounced|malign|conspirac\w*|biased|no recollection|fair trial|no affiliation|not (?:a|the) (?:terrorist|criminal)|(?:is|are|was|were) wrong|false|baseless|untrue|not true|propaganda|insisted that they had no)\b/i;

/** A negation right before an accusing word: "never been involved in", "no … violence". */
export const NEGATED_ACCUSATION = new RegExp(
  `\\b(?:not|never|no|neither|nor|without|n[’']t)\\b(?:\\W+\\w+){0,3}?\\W+(?:ever\\W+)?(?:been\\W+)?${ACCUSING.source.slice(2)}`,
  "i",
);

export const ANTONYMS: [RegExp, RegExp][] = [
  [/\bconvicted\b/i, /\bacquitted\b/i],
  [/\bguilty\b/i, /\binnocent\b/i],
  [/\bconfirmed\b/i, /\b(?:denied|rejected)\b/i],
  [/\b(?:supported|backed|endorsed)\b/i, /\b(?:opposed|rejected|condemned)\b/i],
  [/\baccepted\b/i, /\brejected\b/i],
  [/\blegal(?:ly)?\b/i, /\billegal(?:ly)?\b/i],
  [/\baware\b/i, /\bunaware\b/i],
  [/\bknew\b/i, /\b(?:did not|didn[’']t) know\b/i],
  // A level against a limit: "fallen below the federal limit" / "remained above the federal limit".
  [
    /\b(?:below|under|within)\s+(?:the\s+)?(?:\w+\s+)?(?:limit|threshold|standard|level|target)\b/i,
    /\b(?:above|over|exceed(?:ed|s|ing)?|beyond)\s+(?:the\s+)?(?:\w+\s+)?(?:limit|threshold|standard|level|target)\b/i,
  ],
  [/\bsafe\b/i, /\bunsafe\b/i],
];
