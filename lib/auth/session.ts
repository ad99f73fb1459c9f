// Who is signed in, for server components, server actions and route handlers.
import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decode, encode, type JWT } from "next-auth/jwt";
import { z } from "zod";
import { authSecret, refreshToken, sessionCookie, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { ROLES, roleAllows, type Role } from "@/lib/auth/roles";
import { PATH_HEADER, safeCallbackPath } from "@/lib/auth/paths";

export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
}

const sessionUserSchema = z.object({
  id: z.number().int().positive(),
  email: z.string(),
  name: z.string().nullable().catch(null),
  role: z.enum(ROLES),
});

/**
 * Null when anonymous, disabled or holding an unknown role.
 *
 * The same checks as next-auth's getServerSession (the token decrypted, then the jwt callback,
 * refreshToken, re-reads the account: role, active flag, session version, signed-out sessions),
 * without its per-call work that no page needs: a fresh CSRF token and the session token encrypted
 * again on every request (README: Performance). The token is renewed only when half its life has
 * passed, and only where a response can set a cookie (server actions, route handlers).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const secret = authSecret();
  if (!secret) return null;
  const jar = await cookies();
  const { name, secure } = sessionCookie();
  const value = sessionTokenValue(jar.getAll(), name);
  if (!value) return null;
  let token: JWT | null;
  try {
    token = await decode({ token: value, secret });
  } catch {
    return null;
  }
  if (!token) return null;
  const state = await refreshToken(token);
  if (!state.active) return null;
  const parsed = sessionUserSchema.safeParse({ id: state.uid, email: state.email ?? "", name: state.name ?? null, role: state.role });
  if (!parsed.success) return null;
  if (typeof token.exp === "number" && token.exp * 1000 - Date.now() < (SESSION_MAX_AGE_SECONDS * 1000) / 2) {
    await renewSessionCookie(jar, { name, secure }, state, secret);
  }
  return parsed.data;
});

type CookieJar = Awaited<ReturnType<typeof cookies>>;

/** The session token, whole or (next-auth splits large ones) from its chunks name.0, name.1, … */
export function sessionTokenValue(all: { name: string; value: string }[], name: string): string | undefined {
  const whole = all.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const prefix = `${name}.`;
  const chunks = all
    .filter((cookie) => cookie.name.startsWith(prefix) && /^\d+$/.test(cookie.name.slice(prefix.length)))
    .sort((a, b) => Number(a.name.slice(prefix.length)) - Number(b.name.slice(prefix.length)));
  return chunks.length ? chunks.map((chunk) => chunk.value).join("") : undefined;
}

async function renewSessionCookie(jar: CookieJar, cookie: { name: string; secure: boolean }, token: JWT, secret: string): Promise<void> {
  const value = await encode({ token, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  try {
    jar.set(cookie.name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: cookie.secure, maxAge: SESSION_MAX_AGE_SECONDS });
  } catch {
    // A page (server component) cannot set cookies; the next server action or route handler will.
  }
}

/** Anonymous visitors go to the sign-in page and come back; a weaker role sees a plain explanation. */
export async function requirePageRole(role: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const path = safeCallbackPath((await headers()).get(PATH_HEADER));
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (!roleAllows(user.role, role)) redirect(`/forbidden?role=${role}`);
  return user;
}
