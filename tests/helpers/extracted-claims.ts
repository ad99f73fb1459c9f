// The claim the extractor draws from a text that holds a fragment, and who it says speaks: the two questions the
// attribution rule tests ask of every sentence.
import { extractClaims } from "../../lib/extract/claims";
import type { ExtractedClaim } from "../../lib/extract/types";

/** The one claim of `text` whose quote holds `fragment`; throws when none or several do. */
export function claimWith(text: string, fragment: string): ExtractedClaim {
  const matches = extractClaims(text).filter((claim) => claim.quote.includes(fragment));
  if (matches.length !== 1) throw new Error(`${matches.length} claims hold ${JSON.stringify(fragment)}`);
  return matches[0]!;
}

/** The speaker's name of that claim, or null when the text says no one stands behind it. */
export function speakerOf(text: string, fragment: string): string | null {
  return claimWith(text, fragment).speaker?.name ?? null;
}
