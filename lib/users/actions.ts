"use server";
// Managing accounts: admins only. Each change writes one audit event in its transaction;
// a password (or its hash) never appears in the audit trail.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { actionWithRole, type ActionResult } from "@/lib/auth/with-role";
import { hashPassword } from "@/lib/auth/password";
import { DomainError, NotFoundError, ValidationError } from "@/lib/errors";
import { changeUserRoleSchema, createUserSchema, resetUserPasswordSchema, setUserActiveSchema } from "@/lib/users/schema";

const auditedColumns = { id: true, email: true, name: true, role: true, active: true } as const;

type Tx = Prisma.TransactionClient;

async function lockedUser(tx: Tx, id: number) {
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

const create = actionWithRole("admin", createUserSchema, async (input, actor) => {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ValidationError("Some fields need attention.", { email: ["A user with this email already exists."] });
    }
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: auditedColumns });
    await recordAudit(tx, { userId: actor.id, entityType: "user", entityId: user.id, action: "create", after: user });
    return user;
  });
});

const changeRole = actionWithRole("admin", changeUserRoleSchema, async (input, actor) => {
  return db().$transaction(async (tx) => {
    const before = await lockedUser(tx, input.id);
    if (before.role === input.role) return before;
    const after = await tx.user.update({ where: { id: input.id }, data: { role: input.role }, select: auditedColumns });
    await assertAnAdminRemains(tx, "demote");
    await recordAudit(tx, { userId: actor.id, entityType: "user", entityId: after.id, action: "change_role", before, after });
    return after;
  });
});

const setActive = actionWithRole("admin", setUserActiveSchema, async (input, actor) => {
  return db().$transaction(async (tx) => {
    const before = await lockedUser(tx, input.id);
    if (before.active === input.active) return before;
    const after = await tx.user.update({ where: { id: input.id }, data: { active: input.active }, select: auditedColumns });
    await assertAnAdminRemains(tx, "disable");
    await recordAudit(tx, { userId: actor.id, entityType: "user", entityId: after.id, action: input.active ? "enable" : "disable", before, after });
    return after;
  });
});

const resetPassword = actionWithRole("admin", resetUserPasswordSchema, async (input, actor) => {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const user = await lockedUser(tx, input.id);
    await tx.user.update({ where: { id: input.id }, data: { passwordHash } });
    // The event says the password changed, never what to.
    await recordAudit(tx, { userId: actor.id, entityType: "user", entityId: user.id, action: "reset_password", before: user, after: user });
    return user;
  });
});

// "use server" files export async functions only; the wrappers above do the checking.
type UserSummary = Awaited<ReturnType<typeof lockedUser>>;

export async function createUserAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return create(input);
}

export async function changeUserRoleAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return changeRole(input);
}

export async function setUserActiveAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return setActive(input);
}

export async function resetUserPasswordAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return resetPassword(input);
}
