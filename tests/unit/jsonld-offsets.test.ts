// Web Annotation counts code points, the app UTF-16 units: the two agree until a character beyond
// U+FFFF, and converting there and back lands on the same quote.
import { describe, expect, test } from "vitest";
import { codePointOffset, hasAstralCharacters, utf16Offset } from "@/lib/jsonld/offsets";

const TEXTS = [
  "The mayor said the bridge reopens on Monday.",
  "Residents posted 🙂 and 🇵🇰 online. The mayor said the bridge reopens on Monday.",
  "الطاف حسین نے کہا کہ ایم کیو ایم بے قصور ہے 👨‍👩‍👧 — the family emoji joins four code points",
];

describe("TextPositionSelector offsets", () => {
  test.each(TEXTS)("every quote boundary converts to code points and back: %s", (text) => {
    const quote = text.includes("mayor") ? "the bridge reopens on Monday" : "the family emoji";
    const start = text.indexOf(quote);
    const [codeStart, codeEnd] = [codePointOffset(text, start)!, codePointOffset(text, start + quote.length)!];
    expect(Array.from(text).slice(codeStart, codeEnd).join("")).toBe(quote);
    expect([utf16Offset(text, codeStart), utf16Offset(text, codeEnd)]).toEqual([start, start + quote.length]);
  });

  test("only texts beyond the Basic Multilingual Plane differ", () => {
    expect(TEXTS.map(hasAstralCharacters)).toEqual([false, true, true]);
    expect(codePointOffset(TEXTS[1]!, TEXTS[1]!.indexOf("online"))).toBe(TEXTS[1]!.indexOf("online") - 3);
  });

  test("an offset inside a surrogate pair or past the end has no code point position", () => {
    const text = "a🙂b";
    expect(codePointOffset(text, 2)).toBeUndefined();
    expect(codePointOffset(text, 5)).toBeUndefined();
    expect(utf16Offset(text, 4)).toBeUndefined();
    expect([codePointOffset(text, 3), utf16Offset(text, 2)]).toEqual([2, 3]);
  });
});
