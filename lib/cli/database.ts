// The database a command-line tool works on: DATABASE_URL, else the running app's embedded one, else its
// own embedded one; migrated first, one connection, released however the work ends.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";

export async function withMigratedDatabase<T>(work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, 1);
    try {
      return await work(prisma);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.release();
  }
}
