// Closed word lists the extractor reasons with. Kept in one place so that tuning attribution on a new
// corpus means editing data, not control flow.

/** Verbs that introduce reported speech or a stated position, in every inflection we match literally. */
export const SPEECH_VERBS: readonly string[] = [
  "said", "says", "say", "told", "tells", "tell", "wrote", "writes", "claimed", "claims", "claim", "alleged",
  "alleges", "allege", "denied", "denies", "deny", "disputes", "disputed", "dispute", "added", "adds",
  "stated", "states", "noted", "notes", "insisted", "insists", "argued", "argues", "warned", "warns",
  "explained", "explains", "confirmed", "confirms", "acknowledged", "acknowledges", "acknowledge",
  "admitted", "admits", "asserted", "asserts", "maintained", "maintains", "estimated", "estimates",
  "suggested", "suggests", "revealed", "reveals", "disclosed", "discloses", "disclose", "pointed out",
  "points out", "point out", "recalled", "recalls", "commented", "believes", "believed", "reported",
  "predicted", "complained", "demanded", "urged", "repeated", "recounted", "boasted", "lamented",
  "responded", "replied", "announced", "declared", "stressed", "emphasized", "emphasised", "accused",
  "accuses", "blamed", "blames", "refuted", "rejected", "expressed", "indicated", "hinted", "vowed",
  "pledged", "threatened", "elaborated", "termed", "concluded", "testified", "conceded", "countered",
  "agreed", "assured", "observed", "remarked", "contended", "contends", "charged", "described", "pleaded", "pleads",
  "describes", "referred to", "asked", "feared", "proposed", "cautioned", "cautions", "reiterated", "affirmed",
  "underlined", "underscored", "clarified", "objected", "protested", "questioned", "doubted", "tweeted",
  "informed", "projected", "reckoned", "reckons", "highlighted", "mentioned", "wondered", "conceded",
  "concedes", "acknowledges", "insist", "maintain", "argue", "contend", "believe", "stressing",
  "predicts", "assured", "briefed", "certified", "swore", "attested", "advised", "recommended", "counters",
  "replies", "responds", "alleging", "demands",
];

/** Cues that name a document rather than a speaker ("the memo says"). */
export const DOCUMENT_NOUNS: readonly string[] = [
  "memo", "memorandum", "cable", "report", "assessment", "document", "paper", "study", "statement",
  "letter", "letters", "decision", "ruling", "judgment", "judgement", "suit", "lawsuit", "complaint",
  "article", "agreement", "motion", "petition", "affidavit", "transcript", "communique", "release",
  "survey", "review", "analysis", "research", "probe", "audit", "findings", "verdict", "indictment", "chargesheet",
  "sheet", "list", "tally", "figures", "data", "records", "register", "census", "poll", "fir", "dossier", "minutes",
];

/** Document nouns that may be resolved to one another ("a memo" … "the cable adds" … "the report says"). */
export const INTERCHANGEABLE_DOCUMENT_NOUNS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(["memo", "memorandum", "cable"]),
  new Set(["report", "assessment", "document", "paper", "study", "research", "analysis", "probe", "audit", "findings"]),
  new Set(["list", "tally", "figures", "data", "records", "register"]),
];

/** Heads of vague sources: attributable to nobody in particular ("sources said", "some say"). */
export const ANONYMOUS_SOURCE_HEADS: ReadonlySet<string> = new Set([
  "source", "sources", "reports", "some", "others", "people", "insiders", "media", "observers",
]);

/**
 * Heads of groups that speak as one ("officials said", "BP's lawyers argued", "shopkeepers said"): the
 * group is the speaker, named by its phrase ("BP officials", "Government experts", "Shopkeepers").
 */
export const GROUP_HEADS: ReadonlySet<string> = new Set([
  "analysts", "analyst", "witness", "witnesses", "critics", "colleagues", "neighbours", "neighbors", "experts",
  "relatives", "residents", "diplomats", "groups", "officials", "prosecutors", "authorities", "agencies",
  "investigators", "police", "members", "scientists", "researchers", "engineers", "lawyers", "attorneys", "doctors",
  "workers", "survivors", "shopkeepers", "traders", "merchants", "villagers", "activists", "protesters",
  "families", "students", "teachers", "economists", "legislators", "lawmakers", "senators", "teams", "staff",
  "employees", "managers", "executives", "regulators", "inspectors", "firefighters", "rescuers", "medics",
  "nurses", "locals", "victims", "owners", "organisers", "organizers", "leaders", "spokesmen", "authors",
  "commissioners", "judges", "detectives", "troops", "soldiers", "rebels", "separatists", "militants",
  "passengers", "crew", "parents", "voters", "campaigners", "unions", "environmentalists", "specialists",
  "federations", "associations", "firms", "companies", "governments", "ministries", "agencies", "bodies",
]);

/** "Police", "BP officials", "Shopkeepers": a group named by a plural head speaks as "they". */
export function isPluralGroupName(name: string): boolean {
  const last = (name.split(" ").pop() ?? "").toLowerCase();
  return GROUP_HEADS.has(last) && (/[^s]s$/.test(last) || last === "police");
}

/**
 * Singular institution nouns. "The company said" / "the ministry said" refers back to an institution the
 * reader has met; "the fire department", "the Sindh government" name one by their modifiers.
 */
export const INSTITUTION_HEADS: ReadonlySet<string> = new Set([
  "company", "firm", "ministry", "department", "agency", "board", "commission", "council", "union", "bank",
  "airline", "operator", "government", "administration", "team", "panel", "tribunal", "authority", "office",
  "inquiry", "investigation", "federation", "association", "manufacturer", "regulator", "military", "army",
  "embassy", "consulate", "prosecution", "defence", "defense", "campaign", "coalition", "institute", "utility",
  "service", "bureau", "unit", "brigade", "command", "directorate", "cabinet", "parliament", "congress", "senate",
  "watchdog", "municipality", "inspectorate", "corporation", "secretariat", "fund",
]);

/** Capitals and seats of power that stand for their government ("Moscow denied", "the Kremlin said"). */
export const SEATS_OF_GOVERNMENT: ReadonlySet<string> = new Set([
  "moscow", "kremlin", "the kremlin", "washington", "white house", "the white house", "pentagon", "the pentagon",
  "downing street", "whitehall", "kyiv", "kiev", "beijing", "tehran", "islamabad", "new delhi", "delhi", "london",
  "paris", "berlin", "ankara", "riyadh", "kabul", "the hague", "brussels", "tokyo", "seoul", "pyongyang", "damascus",
  "baghdad", "cairo", "ottawa", "canberra", "elysee", "the elysee", "rawalpindi", "dhaka", "colombo", "kathmandu",
]);
/** Honorifics and ranks stripped before matching names (multi-word forms first). */
export const HONORIFICS: readonly string[] = [
  "the honourable", "the honorable", "lieutenant general", "major general", "brigadier general",
  "lt gen", "lt-gen", "maj gen", "maj-gen", "mr justice", "madam justice", "mr", "mrs", "ms", "miss", "dr",
  "prof", "professor", "gen", "general", "lt", "col", "colonel", "capt", "captain", "maj", "major", "sir",
  "justice", "judge", "hon", "sen", "senator", "rev", "sheikh", "begum", "representative", "rep",
  "congressman", "congresswoman", "rear admiral", "rear adm", "vice admiral", "vice adm", "admiral", "adm",
  "superintendent", "supt", "sgt", "sergeant", "lieutenant", "commander", "cdr", "gov", "governor", "mayor",
];

/** Abbreviated titles whose period neither ends a sentence nor a name ("Rep. Markey", "Rear Adm. Mary Landry"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "dr", "prof", "lt", "gen", "col", "maj", "capt", "cpt", "sgt", "cdr", "adm", "brig",
  "gov", "sen", "rep", "reps", "rev", "hon", "st", "sr", "jr", "mt", "ft", "supt", "insp", "cmdr", "amb", "atty",
  "pres", "sec", "maj-gen", "lt-gen",
]);

/** Title and role words that precede a name in news copy ("Conservative MP Leon Benoit"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "gen", "general", "lt", "lt-gen", "maj-gen", "col",
  "colonel", "capt", "captain", "maj", "major", "sir", "justice", "judge", "hon", "honourable", "sen",
  "senator", "mp", "mpa", "mna", "minister", "president", "prime", "chief", "governor", "ambassador",
  "chairman", "chairperson", "convener", "secretary", "director", "director-general", "dg", "ssp", "spokesman",
  "spokeswoman", "spokesperson", "leader", "mayor", "consul", "commissioner", "clerk", "speaker", "deputy",
  "vice", "co-chairman", "founder", "member", "organizer", "chapter", "interior", "foreign", "presidential",
  "executive", "assistant", "former", "then", "nazim", "city", "rabbi", "sheikh", "begum", "sindh",
  "federal", "provincial", "senior", "junior", "joint", "acting", "late", "dear", "inspector", "officer",
  "representative", "rep", "reps", "congressman", "congresswoman", "congressmember", "admiral", "adm", "rear",
  "vice-admiral", "commander", "cdr", "cmdr", "lieutenant", "sergeant", "sgt", "brigadier", "brig", "superintendent",
  "supt", "insp", "gov", "atty", "attorney", "prosecutor", "premier", "chancellor", "king", "queen", "prince",
  "sheriff", "constable", "marshal", "ceo", "chief executive", "spokesperson", "envoy", "delegate", "coroner",
]);

/** Words that make a capitalized run an institution rather than a person, by kind. */
export const GOVERNMENT_MARKERS: readonly string[] = [
  "office", "department", "ministry", "agency", "government", "govt", "police", "rangers", "army",
  "council", "parliament", "embassy", "consulate", "commission", "commissioner", "immigration", "cabinet",
  "state", "fbi", "cia", "isi", "ispr", "rcmp", "csis", "scotland yard", "border", "military", "forces", "service",
  "intelligence", "board", "division", "secretariat", "senate", "assembly", "house of commons", "washington",
];

export const COURT_MARKERS: readonly string[] = ["court", "tribunal", "judiciary", "bench"];

export const MEDIA_MARKERS: readonly string[] = [
  "times", "post", "news", "tribune", "telegraph", "guardian", "press", "herald", "journal", "gazette",
  "daily", "dawn", "dawnnews", "bbc", "reuters", "afp", "app", "associated press", "online", "television",
  "tv", "channel", "radio", "magazine", "newspaper", "geo", "ary", "express",
];

export const ORGANIZATION_MARKERS: readonly string[] = [
  "mqm", "party", "movement", "international", "watch", "committee", "organization", "organisation",
  "association", "group", "league", "federation", "union", "front", "alliance", "society", "foundation",
  "institute", "university", "conservatives", "liberals", "ppp", "anp", "pti", "psp", "jamaat", "tehreek",
  "company", "bank", "imf", "nato", "un", "united nations", "amnesty", "chapter", "coalition", "wing",
  // Company names: "Meghna Launch Services", "Ali Enterprises", "Transocean Ltd", "BP Plc".
  "services", "enterprises", "industries", "holdings", "ltd", "limited", "inc", "corp", "corporation", "plc",
  "llc", "co", "airlines", "airways", "lines", "shipping", "motors", "petroleum", "oil", "energy", "mills",
  "textiles", "manufacturing", "partners", "associates", "consortium", "trust",
];

/** Adverbs and phrases that mark an author's own statement as second-hand. */
export const HEDGES: RegExp =
  /\b(allegedly|reportedly|purportedly|supposedly|apparently|is said to|are said to|was said to|were said to|is believed to|are believed to|was believed to|were believed to|is alleged to|are alleged to|was alleged to|were reported to|is reported to|was reported to|according to press reports|speculated)\b/i;

/** Words with which a writer distances themselves from what they relay. */
export const DISTANCING: RegExp = /\b(unconvincingly|falsely|wrongly|baselessly|without (any )?evidence|dubiously|spuriously)\b/i;

/** Statements that contradict the claim just before them. */
export const REBUTTALS: RegExp =
  /\b(does not recall|did not recall|doesn[’']t recall|denied|denies|deny|disputes|disputed|refuted|rejected (the|this|that|these)|not true|untrue|is false|are false|was false|baseless|inaccurate|is wrong|are wrong|never said|did not say|no recollection)\b/i;

export { MONTH_WORDS as MONTHS, WEEKDAYS } from "@/lib/text/months";

/** Countries and world regions: actors of kind government_body, and never the first word of a person's name. */
export const COUNTRIES_AND_REGIONS: ReadonlySet<string> = new Set([
  "afghanistan", "pakistan", "india", "canada", "united states", "usa", "us", "u.s", "america", "uk",
  "united kingdom", "britain", "great britain", "england", "scotland", "ireland", "israel", "iran", "iraq",
  "china", "russia", "saudi arabia", "sri lanka", "bangladesh", "nepal", "france", "germany", "italy",
  "spain", "japan", "turkey", "qatar", "uae", "united arab emirates", "egypt", "syria", "yemen", "somalia",
  "libya", "jordan", "lebanon", "kuwait", "oman", "bahrain", "australia", "new zealand", "mexico", "brazil",
  "south africa", "nigeria", "kenya", "ukraine", "poland", "netherlands", "belgium", "sweden", "norway",
  "denmark", "switzerland", "austria", "greece", "indonesia", "malaysia", "singapore", "thailand",
  "philippines", "vietnam", "korea", "north korea", "south korea", "kashmir", "south asia", "middle east",
  "north america", "latin america", "europe", "asia", "africa", "the gulf",
]);

/** "[7][8] She stated …": an encyclopedia's citation markers that close the previous sentence. */
export const LEADING_CITATION_MARKERS = /^(?:\[(?:\d{1,3}|[a-z]|citation needed)\]\s*)+/i;
