// Keyset cursors and search-headline parsing for the claims table. Pure functions.

export function encodeCursor(keys: unknown[]): string {
  return Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const keys: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(keys) || keys.length !== length) return null;
    if (!keys.every((key) => (typeof key === "number" && Number.isSafeInteger(key)) || (typeof key === "string" && key.length <= 40))) return null;
    return keys as (string | number)[];
  } catch {
    return null;
  }
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
