// Password hashing with Node's scrypt, which runs on libuv's thread pool, so hashing never holds the
// event loop (40 sign-ins at once leave other requests answered). Hashes made earlier with bcrypt
// (bcryptjs) still verify, and are replaced by a scrypt hash on the account's next sign-in.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import bcrypt from "bcryptjs";

// N = 2^15, r = 8, p = 1: 32 MiB and tens of milliseconds per hash, on a pool thread.
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_LENGTH = 32;
const PREFIX = "scrypt";

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password.normalize("NFKC"), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, KEY_LENGTH);
  return [PREFIX, COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

async function verifyScrypt(password: string, hash: string): Promise<boolean> {
  const [prefix, n, r, p, salt, key] = hash.split("$");
  if (prefix !== PREFIX || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem };
  const actual = await derive(password, Buffer.from(salt, "base64"), options, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A bcrypt hash from before the move to scrypt ("$2a$…", "$2b$…"). */
function isBcrypt(hash: string): boolean {
  return /^\$2[aby]\$/.test(hash);
}

/** True when the hash should be replaced by one made now (an older algorithm or cost). */
export function passwordNeedsRehash(hash: string): boolean {
  return isBcrypt(hash) || !hash.startsWith(`${PREFIX}$${COST.N}$${COST.r}$${COST.p}$`);
}

// Compared against when the account does not exist, with the same algorithm and cost, so a missing
// account takes as long to reject as a wrong password and response times do not reveal which exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    await verifyScrypt(password, await (dummyHash ??= hashPassword("no such account")));
    return false;
  }
  return isBcrypt(hash) ? bcrypt.compare(password, hash) : verifyScrypt(password, hash);
}
