// npm run eval:check-labels -- <subject dir> — does every labelled substring of a conflict
// set (its conflicts, look-alikes and pooled judgments) land in an extracted claim? Reads the subject's manifest.json and labels.json, runs each
// document through the import reader and the extractor (no database), and prints every
// substring that matches no claim, or matches only across two claims.
import path from "node:path";
import { runCli } from "@/lib/cli/run";
import { loadConflictSubject, plainText } from "@/scripts/eval/conflict-sets";

await runCli(async () => {
  const dirs = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  if (!dirs.length) throw new Error("usage: npm run eval:check-labels -- tests/fixtures/conflicts/<subject> [more …]");
  let problems = 0;
  for (const dir of dirs) {
    const subject = await loadConflictSubject(path.resolve(dir));
    const judged = subject.labels.judged;
    const quotes = subject.documents.flatMap((document) => document.claims.map((claim) => plainText(claim.quote)));
    console.log(
      `${subject.name}: ${subject.documents.length} documents, ${quotes.length} claims, ` +
        `${subject.labels.conflicts.length} conflicts, ${subject.labels.nonConflicts.length} look-alike non-conflicts` +
        (judged ? `, ${judged.conflicts.length} judged conflicts and ${judged.notConflicts.length} judged not (pooled)` : ""),
    );
    for (const document of subject.documents) console.log(`  ${document.file}: ${document.claims.length} claims`);
    for (const entry of [...subject.labels.conflicts, ...subject.labels.nonConflicts, ...(judged?.conflicts ?? []), ...(judged?.notConflicts ?? [])]) {
      for (const side of [entry.a, entry.b]) {
        for (const substring of side) {
          const needle = plainText(substring);
          const hits = quotes.filter((quote) => quote.includes(needle)).length;
          if (hits === 0) {
            problems += 1;
            const inText = subject.documents.some((document) => plainText(document.text).includes(needle));
            console.log(`  MISSING ${inText ? "(in the text, but not inside one claim)" : "(not in any document)"} — ${entry.label}: "${substring}"`);
          }
        }
      }
    }
  }
  if (problems) throw new Error(`${problems} labelled substring(s) match no claim`);
  console.log("every labelled substring lands in a claim");
});
