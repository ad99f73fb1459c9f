import { createThrowawayDatabase } from "@/scripts/bench/database";
import { seedCorpus } from "@/scripts/bench/seed";
const n = Number(process.argv[2] ?? 10000);
const db = await createThrowawayDatabase("probe");
await seedCorpus(db.url, { claims: n, largeSourceClaims: 3000, baseline: false });
console.log(db.url);
