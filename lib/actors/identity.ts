// Which stored actor an extracted speaker is: pure, shared by ingest (which creates the actors) and
// the attribution eval (which counts actors per real person). An actor is found by its canonical key,
// then by a recorded alias (a spelling an editor merged away stays merged).
import { canonicalActorKey } from "@/lib/extract/actors";
import type { ExtractedSpeaker } from "@/lib/extract";

export interface KnownActor {
  id: number;
  name: string;
  normalizedName: string;
  aliases: string[];
}

export class ActorDirectory<A extends KnownActor = KnownActor> {
  private readonly byKey = new Map<string, A>();
  private readonly byAlias = new Map<string, A>();

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
  }

  /** The stored actor this speaker is, or null when it is someone new. */
  resolve(speaker: ExtractedSpeaker): A | null {
    const key = canonicalActorKey(speaker.name);
    return this.byKey.get(key) ?? this.byAlias.get(speaker.name) ?? this.byAlias.get(key) ?? null;
  }
}
