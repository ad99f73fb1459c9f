// next-auth: email + password, JWT sessions whose role and active flag are re-read on every request,
// and an optional OpenID Connect provider.
import type { NextAuthOptions, User as NextAuthUser } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isRole, type Role } from "@/lib/auth/roles";
import { verifyPassword } from "@/lib/auth/password";
import { logSignInAttempt, normalizeEmail, throttleMessage, throttleWaitMinutes } from "@/lib/auth/throttle";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** As the proxy in front of Next reports it. */
export function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" && real.trim()) || "unknown";
}

/** Throws when throttled: next-auth passes a thrown message through to the sign-in page. */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  address: string,
  now: Date = new Date(),
): Promise<NextAuthUser | null> {
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const key = { email: normalizeEmail(parsed.data.email), address };
  const prisma = db();
  const wait = await throttleWaitMinutes(prisma, key, now);
  if (wait > 0) {
    await logSignInAttempt(prisma, key, false, now);
    throw new Error(throttleMessage(wait));
  }
  const user = await prisma.user.findUnique({ where: { email: key.email }, omit: { passwordHash: false } });
  const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash);
  const success = !!user && user.active && passwordOk;
  await logSignInAttempt(prisma, key, success, now);
  if (!success) return null;
  return { id: String(user.id), email: user.email, name: user.name };
}

const tokenUserSchema = z.object({ uid: z.number().int().positive() });

export interface TokenState {
  uid?: number;
  role?: Role;
  active: boolean;
}

/** Re-reads role and active flag on every request, so disabling a user takes effect at once; binds OIDC logins by email. */
export async function refreshToken(token: JWT, signedInUser?: { email?: string | null }): Promise<JWT & TokenState> {
  const prisma = db();
  let uid = tokenUserSchema.safeParse(token).data?.uid;
  if (signedInUser?.email) {
    const found = await prisma.user.findUnique({ where: { email: normalizeEmail(signedInUser.email) }, select: { id: true } });
    uid = found?.id;
  }
  if (!uid) return { ...token, uid: undefined, role: undefined, active: false };
  const user = await prisma.user.findUnique({ where: { id: uid }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user || !user.active || !isRole(user.role)) return { ...token, uid, role: undefined, active: false };
  return { ...token, uid: user.id, email: user.email, name: user.name, role: user.role, active: true };
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
        authorize: (credentials, request) => authorizeCredentials(credentials, clientAddress(request?.headers)),
      }),
      ...(oidc ? [oidc] : []),
    ],
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
