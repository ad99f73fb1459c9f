// Which highlights the reader shows (by status and speaker) and where "next unreviewed" goes.
// Client-safe: the reader runs it on the layout it fetched.
import type { ReaderMarkClaim } from "@/lib/sources/highlight";

/** "" means any. `speaker` is a name, or AUTHOR_VOICE for claims without a speaker. */
export interface ReaderFilters {
  status: string;
  speaker: string;
}

export const AUTHOR_VOICE = "(author's voice)";
export const NO_READER_FILTERS: ReaderFilters = { status: "", speaker: "" };

export function claimShown(claim: ReaderMarkClaim, filters: ReaderFilters): boolean {
  if (filters.status && claim.status !== filters.status) return false;
  if (filters.speaker && (claim.speaker ?? AUTHOR_VOICE) !== filters.speaker) return false;
  return true;
}

/** The speakers of a source's claims, most claims first, for the speaker filter. */
export function readerSpeakers(claims: readonly ReaderMarkClaim[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const claim of claims) counts.set(claim.speaker ?? AUTHOR_VOICE, (counts.get(claim.speaker ?? AUTHOR_VOICE) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * The unreviewed claim after (or before) the open one in text order, among those the filters show;
 * from the top (or the end) when none is open or it is not in the list; null when there is none that way.
 */
export function nextUnreviewed(
  claims: readonly ReaderMarkClaim[],
  currentId: number | null,
  direction: 1 | -1,
  shown: (claim: ReaderMarkClaim) => boolean = () => true,
): number | null {
  const at = currentId === null ? -1 : claims.findIndex((claim) => claim.id === currentId);
  const start = at === -1 ? (direction === 1 ? 0 : claims.length - 1) : at + direction;
  for (let index = start; index >= 0 && index < claims.length; index += direction) {
    const claim = claims[index]!;
    if (claim.status === "unreviewed" && shown(claim)) return claim.id;
  }
  return null;
}
