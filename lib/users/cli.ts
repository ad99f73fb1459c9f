// npx tsx lib/users/cli.ts create EMAIL --role admin|editor|viewer | reset-password EMAIL
// Accounts from the terminal, for when nobody can sign in; audited as made by the system.
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { createUser, resetUserPassword } from "@/lib/users/mutations";
import { ROLES } from "@/lib/auth/roles";

const USAGE = "usage: npx tsx lib/users/cli.ts create EMAIL --role admin|editor|viewer\n       npx tsx lib/users/cli.ts reset-password EMAIL";

const argumentsSchema = z.union([
  z.tuple([
    z.literal("create"),
    z.email("EMAIL must be an email address."),
    z.literal("--role"),
    z.enum(ROLES, { error: "--role must be admin, editor or viewer." }),
  ]),
  z.tuple([z.literal("reset-password"), z.email("EMAIL must be an email address.")]),
]);

await runCli(async () => {
  const parsed = argumentsSchema.safeParse(process.argv.slice(2));
  if (!parsed.success) throw new Error(USAGE);
  const [command, rawEmail] = parsed.data;
  const email = rawEmail.trim().toLowerCase();
  const password = randomBytes(12).toString("base64url");
  const database = await resolveDatabase();
  const prisma = createPrismaClient(database.url, 1);
  try {
    if (parsed.data[0] === "create") {
      if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) throw new Error(`${email} already exists; use reset-password.`);
      await createUser(prisma, { email, name: null, role: parsed.data[3], password }, null);
    } else {
      const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
      if (!user) throw new Error(`No account with the email ${email}.`);
      await resetUserPassword(prisma, { id: user.id, password }, null, { reactivate: true });
    }
    console.log(`${command === "create" ? "Created" : "Reset"} ${email}. Password (shown only now): ${password}`);
  } finally {
    await prisma.$disconnect();
    await database.release();
  }
});
