// The cross-site request forgery guard for everything that changes state: route handlers (through
// withRole) and server actions (in proxy.ts). Browsers send Origin with every cross-site and
// same-site POST, and a page cannot forge it, so a request whose Origin is missing, "null", or
// neither the address the browser used nor a trusted one (trustedOrigins) is refused before anything is read.
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const MISSING_ORIGIN_MESSAGE =
  "Refused: the request does not say which site sent it (no Origin header), so it could come from another site's page. Nothing was changed.";

export function foreignOriginMessage(origin: string): string {
  return `Refused: this request came from another site (${origin.slice(0, 200)}), not from Claimbase's own pages. Nothing was changed.`;
}

export interface OriginCheckedRequest {
  method: string;
  url: string;
  headers: Headers;
}

/** The host the browser addressed: a reverse proxy's X-Forwarded-Host, else Host, else the URL's. */
function addressedHost(request: OriginCheckedRequest): string {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || request.headers.get("host")?.trim() || new URL(request.url).host;
  return host.toLowerCase();
}

/** Why a state-changing request is refused, or null when it may go on; safe methods always may. */
export function originRefusal(request: OriginCheckedRequest, allowedOrigins: readonly string[]): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin")?.trim();
  if (!origin) return MISSING_ORIGIN_MESSAGE;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    // "null" (sandboxed frames, data: pages) and anything else that is no origin.
    return foreignOriginMessage(origin);
  }
  if (parsed.host.toLowerCase() === addressedHost(request)) return null;
  if (allowedOrigins.includes(parsed.origin)) return null;
  return foreignOriginMessage(origin);
}

/** ALLOWED_ORIGINS, and the address NEXTAUTH_URL says users reach the app at (a proxy may hide it from Host). */
export function trustedOrigins(): string[] {
  const { ALLOWED_ORIGINS, NEXTAUTH_URL } = env();
  return NEXTAUTH_URL && URL.canParse(NEXTAUTH_URL) ? [...ALLOWED_ORIGINS, new URL(NEXTAUTH_URL).origin] : ALLOWED_ORIGINS;
}

/**
 * The address people reach the app at, for links written into files: NEXTAUTH_URL when set (a proxy
 * may hide it), else the request's own; "" without either (the command line), leaving links as paths.
 */
export function appOrigin(request?: Request): string {
  const { NEXTAUTH_URL } = env();
  if (NEXTAUTH_URL && URL.canParse(NEXTAUTH_URL)) return new URL(NEXTAUTH_URL).origin;
  return request ? new URL(request.url).origin : "";
}

/** Throws the 403 that errorResponse turns into `{ error }` when the request's origin is refused. */
export function assertSameOrigin(request: OriginCheckedRequest): void {
  const refusal = originRefusal(request, trustedOrigins());
  if (refusal) throw new ForbiddenError(refusal);
}
