// Turns a failure to reach Postgres into one line an operator can act on.

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"]);

export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object") {
    const { code, errors } = error as { code?: unknown; errors?: unknown };
    if (typeof code === "string") return code;
    // node's AggregateError (IPv4 and IPv6 both refused) keeps the codes inside.
    if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  }
  return undefined;
}

export function connectionFailureMessage(url: string, error: unknown): string | undefined {
  const code = errorCode(error);
  const where = describeDatabaseUrl(url);
  if (code && CONNECTION_CODES.has(code)) {
    return `Cannot reach PostgreSQL at ${where} (${code}). Start the server or fix DATABASE_URL; unset DATABASE_URL to use the embedded database.`;
  }
  if (code === "3D000") {
    return `Database at ${where} does not exist. Create it (createdb) or fix DATABASE_URL.`;
  }
  if (code === "28P01" || code === "28000") {
    return `PostgreSQL at ${where} refused the credentials in DATABASE_URL (${code}).`;
  }
  return undefined;
}
