import { createThrowawayDatabase } from "@/scripts/bench/database";
import { seedCorpus } from "@/scripts/bench/seed";
import { capturingClient, timeStatements } from "@/scripts/bench/sql";
import { parseClaimTableParams } from "@/lib/claims/schema";
import { createPrismaClient } from "@/lib/db/client";
import { generateCandidates } from "@/lib/contradictions/candidates";
const n = Number(process.argv[2] ?? 10000);
const db = await createThrowawayDatabase("probe");
try {
  const t0 = performance.now();
  await seedCorpus(db.url, { claims: n, largeSourceClaims: 3000, baseline: false, log: console.error });
  console.log("seed s", (performance.now() - t0) / 1000);
  const capturing = capturingClient(db.url);
  (globalThis as any).claimbasePrisma = capturing.prisma;
  const { listClaims } = await import("@/lib/claims/queries");
  const { getSourceWithClaims } = await import("@/lib/sources/queries");
  for (const q of ["", "q=detained", "speaker=1", "citedVia=Dawn", "origin=editor"]) {
    const st = await capturing.capture(() => listClaims(parseClaimTableParams(new URLSearchParams(q)).value, { prisma: capturing.prisma }));
    const d = await timeStatements(db.url, st, { samples: 5, concurrent: true });
    console.log(q, st.length, d.median.toFixed(1), d.p95.toFixed(1));
  }
  const st = await capturing.capture(() => getSourceWithClaims("bench-large-compilation"));
  console.log(st.map((s) => s.sql.slice(0, 300)), st.map(s=>JSON.stringify(s.values).slice(0,100)));
  const d = await timeStatements(db.url, st, { samples: 5, concurrent: false });
  console.log("reader", d.median.toFixed(1), d.p95.toFixed(1));
  await capturing.close();
  const prisma = createPrismaClient(db.url, 2);
  const t1 = performance.now();
  const r = await generateCandidates(prisma);
  console.log("candidates", r.pairs.length, r.comparisons, (performance.now() - t1) / 1000);
  await prisma.$disconnect();
} finally {
  if (!process.env.KEEP) await db.drop(); else console.log(db.url);
}
