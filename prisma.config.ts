import "dotenv/config";
import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here (see scripts/prisma-generate.mjs);
// migrations are applied by `npm run db:migrate`. The URL is optional so that generation
// works on a machine without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/claimbase" },
});
