// Signs a test in as someone without a browser: vi.mock the session module with
// `mockSessionModule()`, then `signInAs(user)` / `signInAs(null)` before each call.
import { vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";

let current: SessionUser | null = null;

export function signInAs(user: SessionUser | null): void {
  current = user;
}

export function sessionUserFor(role: Role, id = 1): SessionUser {
  return { id, email: `${role}@example.test`, name: role, role };
}

/**
 * Use as: vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));
 * getSessionUser (and so withRole / actionWithRole) then sees whoever signInAs() set. Only
 * getSessionUser is replaced: requirePageRole still reads the real session.
 */
export function mockSessionModule<M extends object>(original: M): M {
  return { ...original, getSessionUser: vi.fn(async () => current) };
}
