// Accounts with known passwords for integration and browser tests.
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { hashPassword } from "@/lib/auth/password";

export interface TestUser extends SessionUser {
  password: string;
}

export async function createUser(
  prisma: Db,
  role: Role,
  options: { email?: string; password?: string; active?: boolean; name?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? `${role}@example.test`;
  const password = options.password ?? `${role}-password-123`;
  const user = await prisma.user.create({
    data: { email, name: options.name ?? `Test ${role}`, role, active: options.active ?? true, passwordHash: await hashPassword(password) },
  });
  return { id: user.id, email: user.email, name: user.name, role, password };
}

/** One account per role: admin@example.test, editor@example.test, viewer@example.test. */
export async function createRoleUsers(prisma: Db): Promise<Record<Role, TestUser>> {
  return {
    admin: await createUser(prisma, "admin"),
    editor: await createUser(prisma, "editor"),
    viewer: await createUser(prisma, "viewer"),
  };
}
