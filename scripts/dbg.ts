import { readFile } from "node:fs/promises";
import { computeFacets } from "@/lib/facets";
import { loadConflictSubject, plainText } from "@/scripts/eval/conflict-sets";
const subject = await loadConflictSubject(process.argv[2]!);
const claims = subject.documents.flatMap((d) => d.claims);
const find = (sub: string) => claims.find((c) => plainText(c.quote).includes(plainText(sub)));
for (const entry of subject.labels.conflicts.filter((e) => !process.argv[3] || e.label.includes(process.argv[3]))) {
  const a = find(entry.a[0]!); const b = find(entry.b[0]!);
  console.log(`\n## ${entry.label}`);
  for (const c of [a, b]) { if (!c) continue; const f = computeFacets({ quote: c.quote, cue: c.cue, speakerName: c.speaker?.name });
    console.log(`  [${c.speaker?.name ?? "-"} | ${c.cue ?? "-"}] ${c.quote.slice(0, 140)}`);
    console.log(`     acts=${JSON.stringify(f.acts.map(x=>[x.act,x.cue,x.targets]))} q=${JSON.stringify(f.quantities.map(q=>[q.text,q.measure,q.rate,q.low,q.allowLow,q.allowHigh,q.bound]))} p=${JSON.stringify(f.predicate)}`); }
}
