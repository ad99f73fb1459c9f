// A forum thread is many voices on one page: each post is its poster's, a quoted post its quoted
// poster's. Threads written for this test in three board styles.
import { describe, expect, test } from "vitest";
import { forumPostVoices, forumVoiceAt, UNATTRIBUTED_QUOTE } from "@/lib/extract/forum-posts";
import { facetPlace } from "@/lib/claims/facets";
import { computeFacets } from "@/lib/facets";
import { sameVoice, who, type CueClaim } from "@/lib/contradictions/features";
import { detectCues } from "@/lib/contradictions/judge";
import { Vocabulary } from "@/lib/text/terms";

const VBULLETIN = [
  "HarbourTalk > Local News > The grain silo fire",
  "",
  "#1   03-11-2019, 07:40 PM",
  "dockside_dan",
  "Senior Member",
  "Join Date: Feb 2012",
  "",
  "Forty-one people died in the silo fire, the fire service confirmed tonight.",
  "",
  "#2   03-11-2019, 08:02 PM",
  "marina_kay",
  "Member",
  "",
  "Quote:",
  "Originally Posted by dockside_dan",
  "Forty-one people died in the silo fire",
  "",
  "Rubbish. Forty-four people died in the silo fire, my cousin is a paramedic there.",
  "",
  "Quote:",
  "The silo had passed its inspection in May.",
  "",
  "Passed? Nobody inspected it at all.",
].join("\n");

const PHPBB = [
  "Re: Ferry delays",
  "by tidewatcher » Mon Jun 03, 2019 9:12 am",
  "The ferry sailed two hours late.",
  "",
  "Re: Ferry delays",
  "by portlight » Mon Jun 03, 2019 9:40 am",
  "tidewatcher wrote:",
  "The ferry sailed two hours late.",
  "",
  "It left on time, I was on it.",
].join("\n");

const at = (text: string, fragment: string) => forumVoiceAt(text, text.indexOf(fragment));

describe("forum posts", () => {
  test("each post is its poster's; a quoted post is the quoted poster's, an unattributed quote no poster's", () => {
    expect(at(VBULLETIN, "Forty-one people died in the silo fire, the fire")).toBe("dockside_dan");
    expect(at(VBULLETIN, "Forty-one people died in the silo fire\n")).toBe("dockside_dan");
    expect(at(VBULLETIN, "Rubbish.")).toBe("marina_kay");
    expect(at(VBULLETIN, "The silo had passed")).toBe(UNATTRIBUTED_QUOTE);
    expect(at(VBULLETIN, "Passed? Nobody")).toBe("marina_kay");
  });

  test("phpBB bylines and “X wrote:” quotes", () => {
    expect(at(PHPBB, "It left on time")).toBe("portlight");
    expect(at(PHPBB, "The ferry sailed two hours late.")).toBe("tidewatcher");
    expect(PHPBB.lastIndexOf("The ferry sailed") > PHPBB.indexOf("tidewatcher wrote:")).toBe(true);
    expect(forumVoiceAt(PHPBB, PHPBB.lastIndexOf("The ferry sailed"))).toBe("tidewatcher");
  });

  test("a page with one post, or none, is no thread", () => {
    expect(forumPostVoices("#1\nsolo_poster\n\nThe bridge reopened on Monday.")).toEqual([]);
    expect(forumPostVoices("Police said 12 people were hurt.\n\nThe mayor said four.")).toEqual([]);
    // A numbered list line is no post header: no handle sits under it.
    expect(forumPostVoices("#1 The bridge reopened.\n#2 The ferry resumed.\nThe council met.")).toEqual([]);
  });

  test("two posters' counts of one toll conflict; a post quoting the first poster quotes the same voice", () => {
    const claimAt = (fragment: string, id: number, end = "."): CueClaim => {
      const start = VBULLETIN.indexOf(fragment);
      const quote = VBULLETIN.slice(start, VBULLETIN.indexOf(end, start) + 1).trim();
      return {
        id,
        quote,
        sourceId: 1,
        sourceTitle: "The grain silo fire",
        startOffset: start,
        speakerId: null,
        speakerName: null,
        facets: computeFacets({ quote, ...facetPlace(VBULLETIN, start) }),
      };
    };
    const first = claimAt("Forty-one people died in the silo fire, the fire", 1);
    const reply = claimAt("Forty-four people died", 2);
    expect(sameVoice(first, reply)).toBe(false);
    expect(sameVoice(first, claimAt("Forty-one people died in the silo fire\n", 3, "\n"))).toBe(true);
    expect(who(reply)).toBe("marina_kay in “The grain silo fire”");
    const vocabulary = Vocabulary.from(Array.from({ length: 200 }, (_, index) => `filler sentence number ${index} about nothing in particular`));
    const match = detectCues(first, reply, {}, vocabulary).find((found) => found.rule === "figures-conflict");
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/dockside_dan.*41.*marina_kay.*44|dockside_dan.*Forty-one.*marina_kay.*Forty-four/);
  });
});
