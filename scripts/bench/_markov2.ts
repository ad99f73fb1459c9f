import { readFileSync, readdirSync } from "node:fs";
import { createRandom } from "@/scripts/bench/corpus";
const text = readdirSync("seed/documents").map((f) => readFileSync(`seed/documents/${f}`, "utf8")).join("\n");
const mix = Number(process.argv[2] ?? 0.3);
const words = text.split(/\s+/).filter(Boolean);
const c1 = new Map<string, string[]>(); const c2 = new Map<string, string[]>();
const starts: string[][] = [];
for (let i = 0; i + 2 < words.length; i++) {
  (c1.get(words[i]!) ?? c1.set(words[i]!, []).get(words[i]!)!).push(words[i + 1]!);
  const k = words[i] + " " + words[i + 1];
  (c2.get(k) ?? c2.set(k, []).get(k)!).push(words[i + 2]!);
  if (i > 0 && /[.!?]["”]?$/.test(words[i - 1]!) && /^[A-Z"“]/.test(words[i]!)) starts.push(words.slice(i, i + 2));
}
const random = createRandom(1);
const pick = <T>(a: T[]) => a[Math.floor(random() * a.length)]!;
const syll = "ka ri mon tel sa far ba la dan hu ir zan qa pe lo vi ne ta shi ra mu go".split(" ");
const names = Array.from({ length: 20000 }, () => { let s = ""; const k = 2 + Math.floor(random() * 2); for (let i = 0; i < k; i++) s += pick(syll); return s[0]!.toUpperCase() + s.slice(1); });
function sentence(entities: string[]): string {
  for (;;) {
    const out = [...pick(starts)];
    while (out.length < 80) {
      const n2 = c2.get(out.slice(-2).join(" "));
      const n1 = c1.get(out[out.length - 1]!);
      const next = n2 && random() >= mix ? n2 : n1;
      if (!next) break;
      let w = pick(next);
      if (/^[A-Z][a-z]+[,.]?$/.test(w) && random() < 0.5) w = w.replace(/^[A-Z][a-z]+/, pick(entities));
      if (/^\d+$/.test(w)) w = String(Math.floor(random() * 5000));
      out.push(w);
      if (/[.!?]["”]?$/.test(w) && out.length > 6) break;
    }
    const s = out.join(" ");
    if (s.length >= 50 && s.length <= 400 && /[.!?]["”]?$/.test(s)) return s;
  }
}
const n = Number(process.argv[3] ?? 10);
const qs: string[] = [];
for (let s = 0; qs.length < n; s++) { const ents = Array.from({ length: 6 }, () => pick(names)); for (let i = 0; i < 25 && qs.length < n; i++) qs.push(sentence(ents)); }
if (n <= 20) console.log(qs.join("\n")); else console.log(JSON.stringify(qs));
