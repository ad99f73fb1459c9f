// The views a user sees: their own, private or shared, and those the rest of the desk shares.
import "server-only";
import { readDb, type Db } from "@/lib/db/client";
import type { VisibleView } from "@/lib/saved-views/schema";

export async function listVisibleViews(userId: number, prisma: Db = readDb()): Promise<VisibleView[]> {
  const views = await prisma.savedView.findMany({
    where: { OR: [{ userId }, { shared: true }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, query: true, shared: true, userId: true, user: { select: { name: true, email: true } } },
  });
  // Mine first, then the desk's.
  return views
    .map(({ userId: owner, user, ...view }) => ({ ...view, mine: owner === userId, owner: user.name ?? user.email }))
    .sort((a, b) => Number(b.mine) - Number(a.mine));
}
