// Keyset cursors and search-headline parsing for the claims table. Pure functions.
import { keysetCursor, type CursorKey } from "@/lib/validation/zod";

export function encodeCursor(keys: unknown[]): string {
  return Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
}

/** The cursor's keys, or null for one this table did not make (the page schema has already said so). */
export function decodeCursor(cursor: string | undefined, keys: readonly CursorKey[]): (string | number)[] | null {
  if (!cursor) return null;
  const parsed = keysetCursor(keys).safeParse(cursor);
  return parsed.success ? parsed.data : null;
}

export interface HeadlinePart {
  text: string;
  match: boolean;
}

/** Splits ts_headline output whose matches are wrapped in \u0001 … \u0002. */
export function splitHeadline(headline: string): HeadlinePart[] {
  const parts: HeadlinePart[] = [];
  let match = false;
  let buffer = "";
  for (const character of headline) {
    if (character === "\u0001" || character === "\u0002") {
      if (buffer) parts.push({ text: buffer, match });
      buffer = "";
      match = character === "\u0001";
    } else buffer += character;
  }
  if (buffer) parts.push({ text: buffer, match });
  return parts;
}
