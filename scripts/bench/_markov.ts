import { readFileSync, readdirSync } from "node:fs";
import { createRandom } from "@/scripts/bench/corpus";
const text = readdirSync("seed/documents").map((f) => readFileSync(`seed/documents/${f}`, "utf8")).join("\n");
const order = Number(process.argv[2] ?? 1);
const words = text.split(/\s+/).filter(Boolean);
const chain = new Map<string, string[]>();
const starts: string[][] = [];
for (let i = 0; i + order < words.length; i++) {
  const key = words.slice(i, i + order).join(" ");
  (chain.get(key) ?? chain.set(key, []).get(key)!).push(words[i + order]!);
  if (i > 0 && /[.!?]["”]?$/.test(words[i - 1]!) && /^[A-Z"“]/.test(words[i]!)) starts.push(words.slice(i, i + order));
}
const random = createRandom(1);
const pick = <T>(a: T[]) => a[Math.floor(random() * a.length)]!;
function sentence(): string {
  for (;;) {
    const out = [...pick(starts)];
    while (out.length < 80) {
      const next = chain.get(out.slice(-order).join(" "));
      if (!next) break;
      const w = pick(next);
      out.push(w);
      if (/[.!?]["”]?$/.test(w) && out.length > 6) break;
    }
    const s = out.join(" ");
    if (s.length >= 50 && s.length <= 400 && /[.!?]["”]?$/.test(s)) return s;
  }
}
const n = Number(process.argv[3] ?? 10);
const qs = Array.from({ length: n }, sentence);
if (n <= 20) console.log(qs.join("\n"));
else console.log(JSON.stringify(qs));
console.error("distinct words", new Set(words.map((w) => w.toLowerCase())).size, "starts", starts.length);
