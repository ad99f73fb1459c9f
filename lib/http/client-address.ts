// Whose address a request comes from, under an explicit trust model: the socket's peer, unless the
// operator says how many reverse proxies stand in front (TRUSTED_PROXY_HOPS), in which case the
// address that many hops back in X-Forwarded-For. A client's own X-Forwarded-For entries are never
// believed beyond that count, so an invented header cannot pick the address a throttle counts.

/** Set by the server (scripts/serve.ts) on every request; any value a client sends is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-claimbase-client-address";

/** Loopback and IPv4-mapped forms read as one address ("::ffff:10.0.0.1" is "10.0.0.1"). */
function canonical(address: string): string {
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  return trimmed.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

/**
 * The chain of hops is X-Forwarded-For's entries followed by the socket's peer; each trusted proxy
 * appended the address it received from, so the client is `hops` entries before the peer.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer ?? ""].map(canonical);
  const index = Math.max(0, chain.length - 1 - Math.max(0, hops));
  return chain[index] || "unknown";
}

/** The address the server resolved, for code that only sees the headers (next-auth's authorize). */
export function clientAddressFrom(headers: Record<string, unknown> | Headers | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value.trim() ? value.trim() : "unknown";
}
