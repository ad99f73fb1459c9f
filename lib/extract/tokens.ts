// A regex tokenizer: attribution patterns need exact offsets and a stable notion of "word", without a second pass through wink.

import { TITLE_ABBREVIATIONS } from "./lexicon";

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
}

// Words keep internal apostrophes, hyphens, periods and ampersands: "MQM’s", "Maj-Gen", "U.S", "Q&A".
const TOKEN = /[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*|\S/gu;

export function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  for (const match of value.matchAll(TOKEN)) {
    const text = match[0];
    const start = match.index ?? 0;
    tokens.push({ text, lower: text.toLowerCase(), start, end: start + text.length, isWord: /[\p{L}\p{N}]/u.test(text[0] ?? "") });
  }
  return tokens;
}

export function isCapitalized(token: Token | undefined): boolean {
  // "al-Hussein", "bin-Laden": a name whose lower-case particle is joined to it by a hyphen.
  return !!token && token.isWord && /^(?:(?:al|el|ul|bin|ibn|abu|abd)-)?\p{Lu}/u.test(token.text);
}

export function isAcronym(token: Token | undefined): boolean {
  return !!token && token.isWord && /^[\p{Lu}\d][\p{Lu}\d.&-]+$/u.test(token.text) && /\p{Lu}/u.test(token.text);
}

/** Abbreviations whose following period belongs to the name ("Mr. Baqri", "U.S. officials"). */
export function isAbbreviation(token: Token | undefined): boolean {
  if (!token || !token.isWord) return false;
  return TITLE_ABBREVIATIONS.has(token.lower) || token.lower === "no" || /^[A-Z]$/.test(token.text) || /^(?:[A-Z]\.)+[A-Z]$/.test(token.text);
}

export const OPENING_QUOTES = new Set(["“", "«"]);
export const CLOSING_QUOTES = new Set(["”", "»"]);

export function isQuoteMark(token: Token | undefined): boolean {
  return !!token && (token.text === '"' || OPENING_QUOTES.has(token.text) || CLOSING_QUOTES.has(token.text));
}
