// ESLint (flat config): typescript-eslint, the Next plugin, and import boundaries that state
// the architecture. `npm run lint` runs it with Prettier's check; CI fails on any finding.
import tseslint from "typescript-eslint";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import claimbase from "./scripts/lint/client-imports.js";

const restrict = (patterns) => ["error", { patterns }];

export default tseslint.config(
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "coverage/**", "test-artifacts/**", "next-env.d.ts", "**/*.d.ts"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin, claimbase },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "claimbase/client-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Pure text → claims: nothing of the app, no database.
    files: ["lib/text/**", "lib/extract/**"],
    rules: {
      "no-restricted-imports": restrict([
        {
          group: ["@/lib/*", "!@/lib/text", "!@/lib/text/**", "!@/lib/extract", "!@/lib/extract/**"],
          message: "lib/text and lib/extract are pure: they import only each other.",
        },
        { group: ["@/app/*", "@prisma/*", "pg", "next/*", "server-only"], message: "lib/text and lib/extract are pure: no app, database or framework." },
      ]),
    },
  },
  {
    files: ["lib/text/**"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ["@/lib/*", "!@/lib/text", "!@/lib/text/**"], message: "lib/text is the bottom layer: it imports nothing of the app." },
        { group: ["@/app/*", "@prisma/*", "pg", "next/*", "server-only"], message: "lib/text is pure: no app, database or framework." },
      ]),
    },
  },
  {
    // Domains own their code; the export reads them, never the other way.
    files: ["lib/**"],
    ignores: ["lib/export/**", "lib/text/**", "lib/extract/**"],
    rules: { "no-restricted-imports": restrict([{ group: ["@/lib/export/*", "@/app/*"], message: "No domain imports from lib/export or app/." }]) },
  },
  {
    // Ingest (plan, write) is below import (formats, preview, the form's answers): seed and import share it.
    files: ["lib/ingest/**"],
    rules: {
      "no-restricted-imports": restrict([
        { group: ["@/lib/export/*", "@/app/*"], message: "No domain imports from lib/export or app/." },
        { group: ["@/lib/import", "@/lib/import/*"], message: "lib/ingest is below lib/import: it never imports it." },
      ]),
    },
  },
  {
    // Routes stay thin: data access goes through lib/<domain>.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": restrict([
        {
          group: ["@/lib/db/client", "@/lib/db/client.*", "@/lib/generated/prisma/client"],
          message: "app/ never imports the database client: call a lib/<domain> function.",
        },
      ]),
    },
  },
  {
    // One validator per kind of value: ids, counts and page numbers go through lib/validation/zod.ts
    // (recordId, formInt), which keep them within the int4 columns and refuse "1e3" or "0x10".
    files: ["app/**", "lib/**"],
    ignores: ["lib/validation/**", "lib/env.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='z'][property.name='coerce']", message: "Use recordId or formInt from lib/validation/zod.ts." },
      ],
    },
  },
  prettier,
);
