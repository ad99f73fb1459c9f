// Start-up checks for sign-in: the session secret and the first admin account.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { normalizeEmail } from "@/lib/auth/throttle";

export const DEMO_ADMIN_EMAIL = "admin@claimbase.local";
export const MIN_PASSWORD_LENGTH = 10;

export const MISSING_SECRET_MESSAGE =
  "NEXTAUTH_SECRET is not set: it is required in production against a configured database (generate one with `openssl rand -base64 32`).";

/** Outside production (or embedded) a generated secret is kept in the data directory, so sessions survive restarts. */
export async function ensureAuthSecret(options: { embedded: boolean; production: boolean; dataDir: string }): Promise<string> {
  const configured = env().NEXTAUTH_SECRET ?? env().AUTH_SECRET;
  if (configured) return configured;
  if (options.production && !options.embedded) throw new Error(MISSING_SECRET_MESSAGE);
  const file = path.join(options.dataDir, "auth-secret");
  const stored = await readFile(file, "utf8").catch(() => "");
  if (stored.trim()) return stored.trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { encoding: "utf8", mode: 0o600 });
  await chmod(file, 0o600);
  return secret;
}

/** For `next start` run without `npm start`: the same rule, checked when the server boots. */
export function assertAuthSecretConfigured(): void {
  const settings = env();
  if (settings.NODE_ENV === "production" && !settings.CLAIMBASE_EMBEDDED && !settings.NEXTAUTH_SECRET && !settings.AUTH_SECRET) {
    throw new Error(MISSING_SECRET_MESSAGE);
  }
}

export interface FirstAdminResult {
  created: boolean;
  email?: string;
  /** Only for a generated password, so the caller can print it once. */
  generatedPassword?: string;
}

/** Makes sure someone can sign in; an existing account is never overwritten. */
export async function ensureFirstAdmin(prisma: PrismaClient, options: { embedded: boolean; log: (line: string) => void }): Promise<FirstAdminResult> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!!ADMIN_EMAIL !== !!ADMIN_PASSWORD) throw new Error("Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither.");
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    const email = normalizeEmail(ADMIN_EMAIL);
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`ADMIN_EMAIL is not an email address: ${ADMIN_EMAIL}`);
    if (ADMIN_PASSWORD.length < MIN_PASSWORD_LENGTH) throw new Error(`ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) return { created: false, email };
    await createAdmin(prisma, email, ADMIN_PASSWORD);
    options.log(`Created the admin account ${email} from ADMIN_EMAIL.`);
    return { created: true, email };
  }
  if (await prisma.user.count({ where: { role: "admin", active: true } })) return { created: false };
  if (!options.embedded) {
    options.log("No admin account yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create one.");
    return { created: false };
  }
  if (await prisma.user.findUnique({ where: { email: DEMO_ADMIN_EMAIL }, select: { id: true } })) {
    options.log(`The demo admin ${DEMO_ADMIN_EMAIL} is disabled or demoted; no active admin remains.`);
    return { created: false };
  }
  const password = randomBytes(12).toString("base64url");
  await createAdmin(prisma, DEMO_ADMIN_EMAIL, password);
  options.log("Created the first admin account (shown only this once):");
  options.log(`  email:    ${DEMO_ADMIN_EMAIL}`);
  options.log(`  password: ${password}`);
  return { created: true, email: DEMO_ADMIN_EMAIL, generatedPassword: password };
}

async function createAdmin(prisma: PrismaClient, email: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: "Administrator", role: "admin", passwordHash } });
    await recordAudit(tx, {
      userId: null,
      entityType: "user",
      entityId: user.id,
      action: "create",
      after: { email: user.email, name: user.name, role: user.role, active: user.active },
    });
  });
}

/** Server boot (instrumentation.ts): one clear line and a non-zero exit instead of a stack. */
export function exitUnlessAuthSecretConfigured(): void {
  try {
    assertAuthSecretConfigured();
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
}
