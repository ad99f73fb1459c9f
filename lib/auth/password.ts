// Password hashing with bcrypt (bcryptjs: pure JavaScript, nothing to download at install).
import bcrypt from "bcryptjs";

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

// Compared against when the account does not exist, so a missing account takes as long
// to reject as a wrong password and response times do not reveal which emails exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? (await (dummyHash ??= hashPassword("no such account"))));
  return matches && !!hash;
}
