// Candidate lookup keys: MinHash signatures (bloom-filters' MinHash) of overlapping windows of
// shingles, cut into LSH bands. Windowing is what lets a partial repost be found: three paragraphs
// copied into a long page share whole windows with the original even though the two documents'
// overall resemblance is low. Two windows resembling each other by 0.6 (Jaccard) share a band key
// with probability 1 − (1 − 0.6⁴)¹⁶ ≈ 0.9, and a copied passage spans several windows. Pure: no database.
import { createHash } from "node:crypto";
import { MinHash } from "bloom-filters";
import { shingles, type Token } from "@/lib/reuse/shingles";

export const WINDOW_SHINGLES = 40;
export const WINDOW_STEP = 20;
export const BANDS = 16;
export const ROWS_PER_BAND = 4;
const HASHES = BANDS * ROWS_PER_BAND;
type HashFunction = ConstructorParameters<typeof MinHash>[1][number];

function isPrime(value: number): boolean {
  if (value < 2 || value % 2 === 0) return value === 2;
  for (let divisor = 3; divisor * divisor <= value; divisor += 2) if (value % divisor === 0) return false;
  return true;
}

/** MinHash computes (a·x + b) mod c in doubles: with a, b, x below c ≈ 2²⁶ the product stays exact (< 2⁵³). */
const MODULUS = (() => {
  let candidate = 2 ** 26;
  while (!isPrime(candidate)) candidate++;
  return candidate;
})();

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

// Fixed hash functions (the library's factory draws random ones): stored keys must stay comparable across runs.
const HASH_FUNCTIONS: HashFunction[] = Array.from({ length: HASHES }, (_, index) => {
  const bytes = digest(`claimbase-reuse-minhash-${index}`);
  return { a: 1 + (bytes.readUInt32BE(0) % (MODULUS - 1)), b: bytes.readUInt32BE(4) % MODULUS, c: MODULUS };
});

function shingleValue(shingle: string): number {
  return digest(shingle).readUInt32BE(0) % MODULUS;
}

/** The [start, end) shingle windows: overlapping by half, the last one ending at the text's end. */
export function windows(count: number): Array<[number, number]> {
  if (count === 0) return [];
  if (count <= WINDOW_SHINGLES) return [[0, count]];
  const result: Array<[number, number]> = [];
  for (let start = 0; start + WINDOW_SHINGLES < count; start += WINDOW_STEP) result.push([start, start + WINDOW_SHINGLES]);
  result.push([count - WINDOW_SHINGLES, count]);
  return result;
}

/** A signed 64-bit key (a Postgres BIGINT) for one band of one window's signature. */
function bandKey(band: number, rows: readonly number[]): bigint {
  return digest(`${band}:${rows.join(",")}`).readBigInt64BE(0);
}

/** The distinct LSH band keys of a text's windows; none for a text shorter than one shingle. */
export function fingerprintKeys(tokens: readonly Token[]): bigint[] {
  const values = shingles(tokens).map(shingleValue);
  const keys = new Set<bigint>();
  for (const [start, end] of windows(values.length)) {
    const minHash = new MinHash(HASHES, HASH_FUNCTIONS);
    minHash.bulkLoad(values.slice(start, end));
    const signature = minHash._signature;
    for (let band = 0; band < BANDS; band++) keys.add(bandKey(band, signature.slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND)));
  }
  return [...keys];
}
