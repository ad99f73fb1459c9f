// The app stores offsets as JavaScript string indices (UTF-16 code units); W3C Web Annotation's
// TextPositionSelector counts Unicode code points. They differ only after a character outside the
// Basic Multilingual Plane (an emoji), so only such texts need converting.

/** Whether the text holds a character beyond U+FFFF (a surrogate pair in JavaScript). */
export function hasAstralCharacters(text: string): boolean {
  return /[\uD800-\uDBFF]/.test(text);
}

/** The code point position of a UTF-16 offset; undefined when it splits a pair or lies past the end. */
export function codePointOffset(text: string, offset: number): number | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  let codePoints = 0;
  for (let index = 0; index < offset; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      if (index + 1 === offset) return undefined;
      index++;
    }
    codePoints++;
  }
  return codePoints;
}

/** The UTF-16 offset of a code point position; undefined past the end. */
export function utf16Offset(text: string, codePoints: number): number | undefined {
  if (codePoints < 0) return undefined;
  let offset = 0;
  for (let count = 0; count < codePoints; count++) {
    if (offset >= text.length) return undefined;
    const unit = text.charCodeAt(offset);
    offset += unit >= 0xd800 && unit <= 0xdbff && offset + 1 < text.length ? 2 : 1;
  }
  return offset;
}
