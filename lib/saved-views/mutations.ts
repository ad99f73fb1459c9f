// Saving and deleting claims-table views, each with its audit event in the same transaction. Anyone
// signed in keeps private views; sharing one with the desk takes the editor role; only its owner
// deletes a view.
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { roleAllows } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { DeleteViewInput, SaveViewInput } from "@/lib/saved-views/schema";

const viewColumns = { id: true, name: true, query: true, shared: true } as const;

export interface SavedViewSummary {
  id: number;
  name: string;
  query: string;
  shared: boolean;
}

export async function saveView(prisma: Db, input: SaveViewInput, user: SessionUser): Promise<SavedViewSummary> {
  if (input.shared && !roleAllows(user.role, "editor")) {
    throw new ForbiddenError("Viewers keep private views only; an editor can share one with the desk.");
  }
  return prisma.$transaction(async (tx) => {
    if (await tx.savedView.findUnique({ where: { userId_name: { userId: user.id, name: input.name } }, select: { id: true } })) {
      throw new ValidationError("Some fields need attention.", { name: [`You already have a view named “${input.name}”; choose another name.`] });
    }
    const view = await tx.savedView.create({ data: { userId: user.id, ...input }, select: viewColumns });
    await recordAudit(tx, { userId: user.id, entityType: "saved_view", entityId: view.id, action: "create", after: view });
    return view;
  });
}

export async function deleteView(prisma: Db, input: DeleteViewInput, user: SessionUser): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const view = await tx.savedView.findUnique({ where: { id: input.id }, select: { ...viewColumns, userId: true } });
    if (!view) throw new NotFoundError("That view no longer exists.");
    if (view.userId !== user.id) throw new ForbiddenError("Only the person who saved a view can delete it.");
    await tx.savedView.delete({ where: { id: view.id } });
    const { userId: _owner, ...before } = view;
    await recordAudit(tx, { userId: user.id, entityType: "saved_view", entityId: view.id, action: "delete", before });
  });
}
