// ESLint rule: a client component ("use client") never imports a server-only module — one
// that says `import "server-only"`, the database client or the generated Prisma client.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ALWAYS_SERVER = [/^@\/lib\/db\//, /^@\/lib\/generated\/prisma\/client$/, /^server-only$/, /^node:/];
const serverOnlyCache = new Map();

function resolveAlias(specifier) {
  if (!specifier.startsWith("@/")) return null;
  const base = path.join(ROOT, specifier.slice(2));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && !candidate.endsWith(path.sep)) {
      try {
        if (readFileSync(candidate, "utf8") !== undefined) return candidate;
      } catch {
        // a directory: try the next candidate
      }
    }
  }
  return null;
}

function isServerOnly(specifier) {
  if (ALWAYS_SERVER.some((pattern) => pattern.test(specifier))) return true;
  const file = resolveAlias(specifier);
  if (!file) return false;
  if (!serverOnlyCache.has(file)) serverOnlyCache.set(file, /^\s*import\s+["']server-only["'];?\s*$/m.test(readFileSync(file, "utf8")));
  return serverOnlyCache.get(file);
}

export const clientImports = {
  meta: {
    type: "problem",
    docs: { description: "client components must not import server-only modules" },
    messages: { serverOnly: "A client component cannot import {{specifier}}: it is server-only." },
    schema: [],
  },
  create(context) {
    const directives = context.sourceCode.ast.body.filter((node) => node.type === "ExpressionStatement" && node.directive);
    if (!directives.some((node) => node.directive === "use client")) return {};
    return {
      ImportDeclaration(node) {
        if (node.importKind === "type") return;
        const specifier = node.source.value;
        if (typeof specifier === "string" && isServerOnly(specifier)) context.report({ node, messageId: "serverOnly", data: { specifier } });
      },
    };
  },
};

export default { rules: { "client-imports": clientImports } };
