// next-auth: email + password, JWT sessions whose role and active flag are re-read on every request,
// and an optional OpenID Connect provider.
import type { NextAuthOptions, User as NextAuthUser } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isRole, type Role } from "@/lib/auth/roles";
import { hashPassword, passwordNeedsRehash, verifyPassword } from "@/lib/auth/password";
import { clientAddressFrom } from "@/lib/http/client-address";
import { logSignInAttempt, markAttemptSucceeded, normalizeEmail, reserveAttempt } from "@/lib/auth/throttle";
import { SIGN_IN_UNAVAILABLE, throttledCode } from "@/lib/auth/sign-in-errors";
import { storableText } from "@/lib/validation/zod";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const signInSchema = z.object({
  email: storableText().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

class ThrottledError extends Error {}

/**
 * Throws a code when throttled or when sign-in cannot be checked (the database is down): next-auth
 * passes a thrown message through to the sign-in page, which shows only the sentences it knows.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  address: string,
  now: Date = new Date(),
): Promise<NextAuthUser | null> {
  try {
    return await checkCredentials(credentials, address, now);
  } catch (error) {
    if (error instanceof ThrottledError) throw error;
    console.error("sign-in failed:", error);
    throw new Error(SIGN_IN_UNAVAILABLE);
  }
}

async function checkCredentials(credentials: Record<string, unknown> | undefined, address: string, now: Date = new Date()): Promise<NextAuthUser | null> {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const key = { email: normalizeEmail(parsed.data.email), address };
  const prisma = db();
  const reservation = await reserveAttempt(prisma, key, now);
  if (reservation.attemptId === null) throw new ThrottledError(throttledCode(reservation.waitMinutes));
  const user = await prisma.user.findUnique({ where: { email: key.email }, omit: { passwordHash: false } });
  const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!user || !user.active || !passwordOk) return null;
  await markAttemptSucceeded(prisma, reservation.attemptId);
  // An older hash (bcrypt) is replaced now that the password is known; the audit trail records no hashes.
  if (user.passwordHash && passwordNeedsRehash(user.passwordHash)) {
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(parsed.data.password) } });
  }
  return { id: String(user.id), email: user.email, name: user.name };
}

const tokenUserSchema = z.object({ uid: z.number().int().positive() });
const tokenSessionSchema = z.object({ sid: z.string().uuid(), sv: z.number().int().min(0) });

export interface TokenState {
  uid?: number;
  role?: Role;
  active: boolean;
  /** This session's id, refused once signed out (revoked_sessions). */
  sid?: string;
  /** The account's session version when this session began; a later version ends it. */
  sv?: number;
}

const userColumns = { id: true, email: true, name: true, role: true, active: true, sessionVersion: true } as const;

/**
 * Re-reads role and active flag on every request, so disabling a user takes effect at once; binds OIDC
 * logins by email. A session ends when the account's session version moved on or its id was signed out.
 */
export async function refreshToken(token: JWT, signedInUser?: { email?: string | null }): Promise<JWT & TokenState> {
  const prisma = db();
  const ended = { ...token, uid: undefined, role: undefined, active: false, sid: undefined, sv: undefined };
  if (signedInUser?.email) {
    const user = await prisma.user.findUnique({ where: { email: normalizeEmail(signedInUser.email) }, select: userColumns });
    if (!user || !user.active || !isRole(user.role)) return ended;
    const { id: uid, email, name, role, sessionVersion: sv } = user;
    return { ...token, uid, email, name, role, active: true, sid: randomUUID(), sv };
  }
  const uid = tokenUserSchema.safeParse(token).data?.uid;
  const session = tokenSessionSchema.safeParse(token).data;
  if (!uid || !session) return ended;
  // One statement for the account and whether this session was signed out: it runs on every request.
  const [user] = await prisma.$queryRaw<
    { id: number; email: string; name: string | null; role: string; active: boolean; sessionVersion: number; revoked: boolean }[]
  >`SELECT u.id, u.email, u.name, u.role::text AS role, u.active, u.session_version AS "sessionVersion",
      EXISTS (SELECT 1 FROM revoked_sessions r WHERE r.session_id = ${session.sid} AND r.user_id = u.id) AS revoked
    FROM users u WHERE u.id = ${uid}`;
  if (!user || !user.active || !isRole(user.role) || user.sessionVersion !== session.sv || user.revoked) return ended;
  return { ...token, uid: user.id, email: user.email, name: user.name, role: user.role, active: true };
}

/** Signing out ends this session for good, even where its cookie was copied. */
export async function revokeSession(token: JWT): Promise<void> {
  const uid = tokenUserSchema.safeParse(token).data?.uid;
  const sid = tokenSessionSchema.safeParse(token).data?.sid;
  if (!uid || !sid) return;
  const expiresAt = new Date(typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  const prisma = db();
  await prisma.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await prisma.revokedSession.upsert({ where: { sessionId: sid }, create: { sessionId: sid, userId: uid, expiresAt }, update: {} });
}

function oidcProvider(): OAuthConfig<Record<string, unknown>> | undefined {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return undefined;
  return {
    id: "oidc",
    name: OIDC_NAME ?? "single sign-on",
    type: "oauth",
    wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile) {
      return {
        id: String(profile.sub),
        email: typeof profile.email === "string" ? profile.email : null,
        name: typeof profile.name === "string" ? profile.name : null,
      };
    },
  };
}

export function oidcProviderName(): string | undefined {
  return oidcProvider()?.name;
}

function usesHttps(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** next-auth's session cookie: `__Secure-` when the app is served over https (useSecureCookies below). */
export function sessionCookie(): { name: string; secure: boolean } {
  const secure = usesHttps();
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

export function authSecret(): string | undefined {
  return env().NEXTAUTH_SECRET ?? env().AUTH_SECRET;
}

export function buildAuthOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: usesHttps(),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, request) => authorizeCredentials(credentials, clientAddressFrom(request?.headers)),
      }),
      ...(oidc ? [oidc] : []),
    ],
    events: {
      signOut: async ({ token }) => {
        if (token) await revokeSession(token);
      },
    },
    callbacks: {
      // Single sign-on only admits people an admin has already created, and active ones.
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return false;
        const email = normalizeEmail(user.email);
        const found = await db().user.findUnique({ where: { email }, select: { active: true } });
        // The provider did the authentication, so no address.
        await logSignInAttempt(db(), { email, address: "single sign-on" }, !!found?.active);
        return !!found?.active;
      },
      jwt: ({ token, user }) => refreshToken(token, user),
      session({ session, token }) {
        const state = token as JWT & TokenState;
        if (!state.active || !state.uid || !state.role) return { expires: session.expires };
        return {
          ...session,
          user: { id: state.uid, email: token.email ?? "", name: token.name ?? null, role: state.role },
        };
      },
    },
  };
}
