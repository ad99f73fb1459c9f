// Shared shell for command-line entry points: one clear line on failure, no stack dump,
// non-zero exit. Set CLAIMBASE_DEBUG=1 to see the stack.
import { connectionFailureMessage } from "@/lib/db/connection-errors";
import { envOrNull } from "@/lib/env";

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`error: ${cliErrorMessage(error)}`);
    if (envOrNull()?.CLAIMBASE_DEBUG) console.error(error);
    process.exitCode = 1;
  }
}

export function cliErrorMessage(error: unknown): string {
  const url = envOrNull()?.DATABASE_URL;
  const connection = url ? connectionFailureMessage(url, error) : undefined;
  if (connection) return connection;
  return error instanceof Error ? error.message : String(error);
}
