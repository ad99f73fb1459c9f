// Who is signed in, for server components, server actions and route handlers.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { z } from "zod";
import { buildAuthOptions } from "@/lib/auth/options";
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

/** Null when anonymous, disabled or holding an unknown role. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(buildAuthOptions())) as { user?: unknown } | null;
  const parsed = sessionUserSchema.safeParse(session?.user);
  return parsed.success ? parsed.data : null;
});

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
