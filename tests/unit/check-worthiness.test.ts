// Check-worthiness on real sentences of the labelled sets: figures, accusations, denials and a
// named source score high; questions, wishes, forum talk, captions and bylines score low.
import { describe, expect, test } from "vitest";
import { checkWorthiness, computeFacets, DEFAULT_CHECK_WORTHINESS_THRESHOLD } from "@/lib/facets";

function score(quote: string, speakerName: string | null = null, cue: string | null = null) {
  const input = { quote, cue, speakerName };
  return checkWorthiness({ ...input, facets: computeFacets(input) });
}

describe("check-worthiness", () => {
  test.each([
    ["Karachi commissioner Roshan Shaikh said the death toll stood at 258, down from the 289 announced on Wednesday.", "Roshan Shaikh", "said"],
    ["The MQM has officially denied that he was ever one of its members.", "MQM", "denied"],
    ["BP has challenged this calculation saying that it is overestimated.", "BP", "saying"],
    [
      "A separate internal BP document dated April 27 gave a low estimate of 1,063, a best guess of 5,758 and a high estimate of 14,266 barrels per day.",
      null,
      null,
    ],
    [
      "The Buk launcher that destroyed Malaysia Airlines flight MH17 belonged to the 53rd Anti-Aircraft Missile Brigade of the Russian army.",
      "Joint Investigation Team",
      "said",
    ],
  ])("worth checking: %s", (quote, speaker, cue) => {
    expect(score(quote, speaker, cue).score).toBeGreaterThanOrEqual(DEFAULT_CHECK_WORTHINESS_THRESHOLD + 15);
  });

  test.each([
    ["May Allah grant patience to every family in Baldia."],
    ["Keep it civil please, last warning in this thread."],
    ["Saw this on the wire last night, reposting it for the folks who don't follow the news."],
    ["Oil gushes from the Macondo well on July 12, 2010, in an image from a BP video feed."],
    ["Renee Fontenot covers energy and the environment."],
    ["PPP's Agha Siraj Durrani could not be contacted."],
    ["Funny how the uncertainty always runs in BP's direction."],
    ["Is anyone still following the trial?"],
  ])("nothing to check: %s", (quote) => {
    expect(score(quote).score).toBeLessThan(DEFAULT_CHECK_WORTHINESS_THRESHOLD);
  });

  test("the reasons say what counted", () => {
    const result = score("Karachi commissioner Roshan Shaikh said the death toll stood at 258.", "Roshan Shaikh", "said");
    expect(result.reasons).toEqual(expect.arrayContaining(["a figure", "said by Roshan Shaikh"]));
    expect(score("Keep it civil please, last warning in this thread.").reasons).toContain("talk about the page or thread");
  });

  test("the score stays within 0–100", () => {
    const high = score(
      "Police said the MQM killed 17 people on 12 May 2007 and the MQM denied that 17 were killed, blaming the PPP and the ANP for 40 deaths.",
      "Police",
      "said",
    );
    expect(high.score).toBeLessThanOrEqual(100);
    expect(score("Thanks, God bless, keep it civil in this thread?").score).toBeGreaterThanOrEqual(0);
  });
});
