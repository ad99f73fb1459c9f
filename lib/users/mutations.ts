// Account changes, each in one transaction with its audit event; a password (or its hash) never
// appears in the audit trail. `actorId` is the admin making the change, null for the command line.
// A role change, disabling, re-enabling and a password reset end the account's sessions (sessionVersion).
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { DomainError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ChangeUserRoleInput, CreateUserInput, ResetUserPasswordInput, SetUserActiveInput } from "@/lib/users/schema";

const auditedColumns = { id: true, email: true, name: true, role: true, active: true } as const;

type Tx = Prisma.TransactionClient;
export type UserSummary = Prisma.UserGetPayload<{ select: typeof auditedColumns }>;

async function lockedUser(tx: Tx, id: number): Promise<UserSummary> {
  // Row locks on every active admin (and the target) serialize concurrent demotions, so two
  // admins cannot each remove the other and leave none.
  await tx.$queryRaw`SELECT id FROM users WHERE (role = 'admin' AND active) OR id = ${id} ORDER BY id FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id }, select: auditedColumns });
  if (!user) throw new NotFoundError("That user no longer exists.");
  return user;
}

async function assertAnAdminRemains(tx: Tx, verb: "demote" | "disable"): Promise<void> {
  const admins = await tx.user.count({ where: { role: "admin", active: true } });
  if (admins === 0) {
    throw new DomainError(`You cannot ${verb} the last active admin. Make another user an admin first.`, 409);
  }
}

export async function createUser(prisma: Db, input: CreateUserInput, actorId: number | null): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ValidationError("Some fields need attention.", { email: ["A user with this email already exists."] });
    }
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: auditedColumns });
    await recordAudit(tx, { userId: actorId, entityType: "user", entityId: user.id, action: "create", after: user });
    return user;
  });
}

export async function changeUserRole(prisma: Db, input: ChangeUserRoleInput, actorId: number): Promise<UserSummary> {
  return prisma.$transaction(async (tx) => {
    const before = await lockedUser(tx, input.id);
    if (before.role === input.role) return before;
    const after = await tx.user.update({ where: { id: input.id }, data: { role: input.role, sessionVersion: { increment: 1 } }, select: auditedColumns });
    await assertAnAdminRemains(tx, "demote");
    await recordAudit(tx, { userId: actorId, entityType: "user", entityId: after.id, action: "change_role", before, after });
    return after;
  });
}

export async function setUserActive(prisma: Db, input: SetUserActiveInput, actorId: number): Promise<UserSummary> {
  return prisma.$transaction(async (tx) => {
    const before = await lockedUser(tx, input.id);
    if (before.active === input.active) return before;
    const after = await tx.user.update({ where: { id: input.id }, data: { active: input.active, sessionVersion: { increment: 1 } }, select: auditedColumns });
    await assertAnAdminRemains(tx, "disable");
    await recordAudit(tx, { userId: actorId, entityType: "user", entityId: after.id, action: input.active ? "enable" : "disable", before, after });
    return after;
  });
}

/** `reactivate` (the command line's reset) also re-enables a disabled account. */
export async function resetUserPassword(
  prisma: Db,
  input: ResetUserPasswordInput,
  actorId: number | null,
  options: { reactivate?: boolean } = {},
): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const before = await lockedUser(tx, input.id);
    const after = await tx.user.update({
      where: { id: input.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, ...(options.reactivate ? { active: true } : {}) },
      select: auditedColumns,
    });
    await recordAudit(tx, { userId: actorId, entityType: "user", entityId: after.id, action: "reset_password", before, after });
    return after;
  });
}

/** "Sign out everywhere": every session of this account ends at its next request, this one included. */
export async function signOutEverywhere(prisma: Db, userId: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: auditedColumns });
    await recordAudit(tx, { userId, entityType: "user", entityId: user.id, action: "sign_out_everywhere" });
  });
}
