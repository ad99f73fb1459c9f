import { describe, expect, test } from "vitest";

import { canonicalActorKey, guessActorKind, normalizeActorName, PersonNameResolver } from "../../lib/extract/actors";
import { extractClaims } from "../../lib/extract/claims";
import type { ActorKind } from "../../lib/extract/types";
import { seedDocument, seedDocumentIds } from "./extract-seed-corpus";

describe("normalizeActorName", () => {
  test.each([
    ["Mr. Baqri", "baqri"],
    ["Syed Safdar Ali Baqri", "syed safdar ali baqri"],
    ["Lt. Gen. Rizwan Akhtar", "rizwan akhtar"],
    ["Lt Gen Ahmed Shuja Pasha", "ahmed shuja pasha"],
    ["Maj-Gen. Asim Bajwa", "asim bajwa"],
    ["Dr Farooq Sattar", "farooq sattar"],
    ["Mrs.  Begum   Asmat Siddiqui", "asmat siddiqui"],
    ["Prof. Ayesha Siddiqa", "ayesha siddiqa"],
    ["General Pervez Musharraf", "pervez musharraf"],
    ["Mr. Justice Allan Lufty", "allan lufty"],
    ["MQM-Canada", "mqm canada"],
    ["MQM Canada", "mqm canada"],
    ["Privy Council Office", "privy council office"],
    ["Jeay Sindh Students' Federation", "jeay sindh students federation"],
    ["Zulfiqar Mírza", "zulfiqar mirza"],
  ])("%j → %j", (name, expected) => {
    expect(normalizeActorName(name)).toBe(expected);
  });
});

describe("canonicalActorKey matches one actor across documents", () => {
  test.each([
    ["Syed Mustafa Kamal", "Mustafa Kamal"],
    ["Dr. Aafia Siddiqui", "Afia Siddiqui"],
    ["Mr Altaf Hussain", "Altaf Hussain"],
    ["The Associated Press", "Associated Press"],
    ["MQM-Canada", "MQM Canada"],
  ])("%j and %j share a key", (a, b) => {
    expect(canonicalActorKey(a)).toBe(canonicalActorKey(b));
  });

  test.each([
    ["Wajid Khan", "Imran Khan"],
    ["Farooq Sattar", "Imran Farooq"],
    ["MQM-A", "MQM-H"],
  ])("%j and %j stay apart", (a, b) => {
    expect(canonicalActorKey(a)).not.toBe(canonicalActorKey(b));
  });
});

describe("guessActorKind", () => {
  test.each<[string, ActorKind]>([
    ["Leon Benoit", "person"],
    ["Mr. Baqri", "person"],
    ["Privy Council Office", "government_body"],
    ["Department of Homeland Security", "government_body"],
    ["Sindh Rangers", "government_body"],
    ["Saudi Arabia", "government_body"],
    ["Federal Court of Canada", "court"],
    ["Amnesty International", "organization"],
    ["MQM", "organization"],
    ["Conservatives", "organization"],
    ["Associated Press", "media_outlet"],
    ["DawnNews", "media_outlet"],
    ["The Express Tribune", "media_outlet"],
  ])("%j is %s", (name, kind) => {
    expect(guessActorKind(name)).toBe(kind);
  });
});

describe("PersonNameResolver", () => {
  test("a surname resolves to the fullest earlier form", () => {
    const resolver = new PersonNameResolver();
    resolver.observe("Syed Safdar Ali Baqri", 10);
    expect(resolver.resolve("Mr. Baqri", 200)).toBe("Syed Safdar Ali Baqri");
  });

  test("two people sharing a surname: the nearest earlier one wins", () => {
    const resolver = new PersonNameResolver();
    resolver.observe("Wajid Khan", 10);
    resolver.observe("Imran Khan", 500);
    expect(resolver.resolve("Mr. Khan", 100)).toBe("Wajid Khan");
    expect(resolver.resolve("Khan", 600)).toBe("Imran Khan");
  });

  test("a leading place is not part of the name", () => {
    const resolver = new PersonNameResolver(new Set(["pakistan"]));
    resolver.observe("Pakistan Anne Patterson", 10);
    expect(resolver.resolve("Patterson", 50)).toBe("Anne Patterson");
  });

  test("an unknown name is returned without titles", () => {
    expect(new PersonNameResolver().resolve("Mr. Justice Allan Lufty", 0)).toBe("Allan Lufty");
  });
});

describe("speakers across the seed corpus", () => {
  test("000: every reference to Mr. Baqri is the one actor Syed Safdar Ali Baqri", () => {
    const names = new Set(extractClaims(seedDocument("000").text).flatMap((c) => (c.speaker ? [c.speaker.name] : [])));
    expect(names).toContain("Syed Safdar Ali Baqri");
    expect([...names].filter((name) => /Baqri/.test(name))).toEqual(["Syed Safdar Ali Baqri"]);
  });

  test.each(seedDocumentIds())("seed document %s: no speaker name carries an honorific or a heading", (id) => {
    for (const claim of extractClaims(seedDocument(id).text)) {
      if (!claim.speaker) continue;
      expect(claim.speaker.name).not.toMatch(/^(Mr|Mrs|Ms|Dr|Lt|Gen)\b\.?\s/);
      expect(claim.speaker.name.split(/\s+/).length).toBeLessThanOrEqual(9);
    }
  });
});
