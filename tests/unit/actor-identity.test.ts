// One actor per person across documents: "Rep. Markey" in one story and "Representative Ed Markey"
// in another are the same person; two Khans are not merged on a guess.
import { describe, expect, test } from "vitest";

import { ActorDirectory, type KnownActor } from "../../lib/actors/identity";
import { canonicalActorKey } from "../../lib/extract/actors";
import type { ActorKind } from "../../lib/extract/types";

let nextId = 1;
function actor(name: string, kind: ActorKind = "person", aliases: string[] = []): KnownActor {
  return { id: nextId++, name, normalizedName: canonicalActorKey(name), kind, aliases };
}

describe("ActorDirectory", () => {
  const markey = actor("Ed Markey");
  const directory = new ActorDirectory([markey, actor("Imran Khan"), actor("Altaf Hussain"), actor("BP", "organization")]);

  test("a bare surname from 'Rep. Markey' is the one stored Markey", () => {
    expect(directory.resolve({ name: "Markey", kind: "person" })).toBe(markey);
  });

  test("given names that are a short form or an initial match; a middle initial may be missing", () => {
    expect(directory.resolve({ name: "Edward J. Markey", kind: "person" })).toBe(markey);
    expect(directory.resolve({ name: "E. Markey", kind: "person" })).toBe(markey);
  });

  test("a different given name is a different person", () => {
    expect(directory.resolve({ name: "Ted Markey", kind: "person" })).toBeNull();
  });

  test("one letter more or less in a long given name is a slip of the pen; one letter changed is another name", () => {
    const kamal = actor("Mustafa Kamal");
    const mohammed = actor("Mohammed Hanif");
    const lopez = actor("Maria Lopez");
    const people = new ActorDirectory([kamal, mohammed, lopez]);
    expect(people.resolve({ name: "Mustaa Kamal", kind: "person" })).toBe(kamal);
    expect(people.resolve({ name: "Mohamed Hanif", kind: "person" })).toBe(mohammed);
    expect(people.resolve({ name: "Mario Lopez", kind: "person" })).toBeNull();
    expect(people.resolve({ name: "Mustafa Kamali", kind: "person" })).toBeNull();
  });

  test("when two stored people could match, none is chosen", () => {
    const two = new ActorDirectory([actor("Imran Khan"), actor("Ayub Khan")]);
    expect(two.resolve({ name: "Khan", kind: "person" })).toBeNull();
    expect(two.resolve({ name: "Imran Khan", kind: "person" })?.name).toBe("Imran Khan");
  });

  test("organizations are matched by name and alias only, never by a last word", () => {
    const bodies = new ActorDirectory([
      actor("Justice Department", "government_body"),
      actor("Energy Department", "government_body", ["Department of Energy"]),
    ]);
    expect(bodies.resolve({ name: "Department", kind: "government_body" })).toBeNull();
    expect(bodies.resolve({ name: "Department of Energy", kind: "government_body" })?.name).toBe("Energy Department");
  });

  test("a spelling an editor merged away (an alias) resolves to the actor it was merged into", () => {
    const merged = actor("Wasey Jalil", "person", ["Wasay Jalil"]);
    expect(new ActorDirectory([merged]).resolve({ name: "Wasay Jalil", kind: "person" })).toBe(merged);
  });

  test("a full name finds a person first stored under the surname alone", () => {
    const bare = actor("Barbier");
    expect(new ActorDirectory([bare]).resolve({ name: "Carl Barbier", kind: "person" })).toBe(bare);
  });
});
