// Runs once when the Next.js server boots. `npm start` already checks the session secret;
// this catches `next start` run by hand (or by a process manager) without one.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitUnlessAuthSecretConfigured } = await import("@/lib/auth/bootstrap");
    exitUnlessAuthSecretConfigured();
  }
}
