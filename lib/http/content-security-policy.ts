// The Content-Security-Policy of every page, set by proxy.ts with a fresh nonce per response. Next
// reads the policy from the request and puts the nonce on its own scripts; any other script, an
// injected inline one included, is refused. The headers that are the same on every response
// (frame, sniffing, referrer, permissions) and the API's policy are in next.config.js.

/** Request header that carries the nonce to server components that render a <script> themselves. */
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

export function pageContentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonce'd scripts load are trusted; dev's fast refresh needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Stylesheets are the app's files; dev injects <style> tags without a nonce.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // Style attributes only size bars (flex-grow); they cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
