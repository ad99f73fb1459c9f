// The one place that reads process.env: every setting is validated here, once.
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

/** "https://claims.example.org" yes; a path, a query, credentials or a scheme other than http(s) no. */
function isOrigin(entry: string): boolean {
  if (!URL.canParse(entry)) return false;
  const url = new URL(entry);
  return /^https?:$/.test(url.protocol) && url.origin === entry.replace(/\/$/, "").toLowerCase();
}

/** "a, b ," → ["a", "b"]. */
const commaSeparated = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  );

/** "https://a.example, http://b.example:8080" → the normalized origins. */
const originList = commaSeparated.pipe(
  z.array(
    z
      .string()
      .refine(isOrigin, "ALLOWED_ORIGINS must list origins like https://claims.example.org (scheme, host and port only), separated by commas")
      .transform((entry) => new URL(entry).origin),
  ),
);

/** "postgres://replica-1/db, postgres://replica-2/db" → the URLs; an entry is named by its position, never echoed (it may hold a password). */
const databaseUrlList = commaSeparated.superRefine((entries, context) => {
  entries.forEach((entry, index) => {
    if (!URL.canParse(entry) || !/^postgres(ql)?:$/.test(new URL(entry).protocol)) {
      context.addIssue({
        code: "custom",
        message: `DATABASE_REPLICA_URL entry ${index + 1} is not a postgres:// URL: list replica URLs like postgresql://user@replica-host:5432/claimbase, separated by commas`,
      });
    }
  });
});

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(z.string().url("DATABASE_URL must be a postgres:// URL").optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Streaming replicas that serve page reads and exports (README: Reads on replicas). */
  DATABASE_REPLICA_URL: databaseUrlList,
  /** How long after a save an editor's reads stay on the primary, so that they see it at once. */
  DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS: z.coerce.number().int().min(1).max(300).default(5),
  /** The tables' owner, for migrations; the app itself connects with DATABASE_URL (README: Security). */
  MIGRATION_DATABASE_URL: optionalString.pipe(z.string().url("MIGRATION_DATABASE_URL must be a postgres:// URL").optional()),
  /**
   * The role the web app's connections take (SET ROLE): DML only, no DDL, append-only audit. Set it
   * to "none" when DATABASE_URL already logs in as a least-privileged role that is not its member.
   */
  DATABASE_APP_ROLE: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? "claimbase_app" : value.trim()))
    .pipe(z.string().regex(/^(|none|[a-z_][a-z0-9_]{0,62})$/, "DATABASE_APP_ROLE must be a role name (lower case) or none")),
  /** Beside the app's pool: the number of exports that can run at once. */
  EXPORT_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(4),
  /**
   * HTTP server processes (scripts/serve.ts, node:cluster): by default one per core, at most 4.
   * Always 1 on the embedded database (one session) and with `npm run dev`.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  /** Set by `npm start` when it serves the embedded PGlite database. */
  CLAIMBASE_EMBEDDED: optionalString,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** How many reverse proxies stand in front of the app; their X-Forwarded-For entries are believed (README: Security). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Origins besides the app's own whose pages may send changes (comma-separated, README: Security). */
  ALLOWED_ORIGINS: originList,
  /** Where the embedded database and the demo secrets live. */
  DATA_DIR: optionalString,
  NEXTAUTH_SECRET: optionalString,
  AUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString,
  ADMIN_EMAIL: optionalString,
  ADMIN_PASSWORD: optionalString,
  OIDC_ISSUER: optionalString,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString,
  /** Niceness of background threads (import, judging): 0 shares the cores evenly with requests (README: Performance). */
  BACKGROUND_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Set to see the stack of a command-line failure. */
  CLAIMBASE_DEBUG: optionalString,
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5 * 1024 * 1024),
});

export type Env = z.infer<typeof envSchema>;

const checkedEnvSchema = envSchema.superRefine((value, context) => {
  if (value.DATABASE_REPLICA_URL.length > 0 && (!value.DATABASE_URL || value.CLAIMBASE_EMBEDDED)) {
    context.addIssue({
      code: "custom",
      path: ["DATABASE_REPLICA_URL"],
      message: "DATABASE_REPLICA_URL needs DATABASE_URL: the embedded database has no replicas (unset DATABASE_REPLICA_URL or set DATABASE_URL)",
    });
  }
});

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = checkedEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${lines.join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The environment, or null when it is invalid: for error paths that must not throw again. */
export function envOrNull(): Env | null {
  try {
    return env();
  } catch {
    return null;
  }
}

/** For scripts that change the environment after start-up (the embedded launcher, tests). */
export function resetEnvCache(): void {
  cached = undefined;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Run `npm start` (it starts an embedded database) or set DATABASE_URL.");
  }
  return url;
}

/** Migrations run as the tables' owner. */
export function migrationDatabaseUrl(): string {
  return env().MIGRATION_DATABASE_URL ?? databaseUrl();
}

/** The role the web app's connections take, or null to stay the connecting user. */
export function appDatabaseRole(): string | null {
  const role = env().DATABASE_APP_ROLE;
  return role === "none" || role === "" ? null : role;
}

/** The replicas' URLs; none when DATABASE_REPLICA_URL is unset, and then every read goes to DATABASE_URL. */
export function replicaUrls(): string[] {
  return env().DATABASE_REPLICA_URL;
}

export function readYourWritesSeconds(): number {
  return env().DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS;
}

export function poolSize(): number {
  return env().CLAIMBASE_EMBEDDED ? 1 : env().DATABASE_POOL_SIZE;
}

export function importMaxBytes(): number {
  return env().IMPORT_MAX_BYTES;
}
