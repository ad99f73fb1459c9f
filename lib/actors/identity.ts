// Which stored actor an extracted speaker is: by canonical key, by alias, then (people only) by a compatible
// name. When two stored people could match, none is chosen: a new actor is safer than a wrong merge.
import { distance } from "fastest-levenshtein";
import { canonicalActorKey } from "@/lib/extract/actors";
import type { ActorKind, ExtractedSpeaker } from "@/lib/extract";

export interface KnownActor {
  id: number;
  name: string;
  normalizedName: string;
  kind: ActorKind;
  aliases: string[];
}

interface PersonName {
  given: string | null;
  surname: string;
}

// "Lee Joon-seok", "Park Geun-hye", "Kim Suk-kyun": a romanized Korean name writes the family name first and the
// two-syllable given name joined by a hyphen, so "Lee" alone is the family name, not a given name.
const FAMILY_NAME_FIRST = /^\p{Lu}\p{Ll}{1,4} \p{Lu}\p{Ll}+-\p{Ll}+$/u;

function personName(key: string, display: string): PersonName | null {
  const tokens = key.split(" ").filter(Boolean);
  if (tokens.length === 0) return null;
  if (FAMILY_NAME_FIRST.test(display.trim())) return { given: tokens.slice(1).join(" "), surname: tokens[0]! };
  return { given: tokens.length > 1 ? tokens[0]! : null, surname: tokens[tokens.length - 1]! };
}

/** "ed" ~ "edward", "e" ~ "edward", "edward" ~ "edward"; "ed" !~ "ted". */
function givenNamesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 1 ? long.startsWith(short) : short.length >= 2 && long.startsWith(short)) return true;
  // "Mustaa Kamal" is "Mustafa Kamal" with a letter dropped, "Mohamed" is "Mohammed": one letter more or
  // less in a long given name. A changed letter is another name ("Maria", "Mario").
  return short.length >= 5 && long.length === short.length + 1 && distance(a, b) === 1;
}

export class ActorDirectory<A extends KnownActor = KnownActor> {
  private readonly byKey = new Map<string, A>();
  private readonly byAlias = new Map<string, A>();
  private readonly bySurname = new Map<string, A[]>();

  constructor(actors: Iterable<A> = []) {
    for (const actor of actors) this.add(actor);
  }

  add(actor: A): void {
    if (!this.byKey.has(actor.normalizedName)) this.byKey.set(actor.normalizedName, actor);
    for (const alias of actor.aliases) {
      if (!this.byAlias.has(alias)) this.byAlias.set(alias, actor);
      const key = canonicalActorKey(alias);
      if (!this.byAlias.has(key)) this.byAlias.set(key, actor);
    }
    if (actor.kind !== "person") return;
    const name = personName(actor.normalizedName, actor.name);
    if (!name) return;
    const list = this.bySurname.get(name.surname) ?? [];
    if (!list.includes(actor)) list.push(actor);
    this.bySurname.set(name.surname, list);
  }

  resolve(speaker: ExtractedSpeaker): A | null {
    const key = canonicalActorKey(speaker.name);
    const exact = this.byKey.get(key) ?? this.byAlias.get(speaker.name) ?? this.byAlias.get(key);
    if (exact || speaker.kind !== "person") return exact ?? null;
    return this.compatiblePerson(key, speaker.name);
  }

  private compatiblePerson(key: string, display: string): A | null {
    const name = personName(key, display);
    if (!name) return null;
    const sameSurname = this.bySurname.get(name.surname) ?? [];
    const matches = sameSurname.filter((actor) => {
      const stored = personName(actor.normalizedName, actor.name)!;
      if (name.given === null || stored.given === null) return true;
      return givenNamesCompatible(name.given, stored.given);
    });
    return matches.length === 1 ? matches[0]! : null;
  }
}
