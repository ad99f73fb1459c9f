// Shared by proxy.ts and the session helpers; no server-only imports so the proxy stays light.

/** The path of the page being rendered, as proxy.ts forwards it; for the sign-in round trip. */
export const PATH_HEADER = "x-claimbase-path";

export function safeCallbackPath(value: string | null | undefined): string {
  // Only same-site paths: "/claims?x=1" yes, "//evil.example" and "https://…" no.
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}
