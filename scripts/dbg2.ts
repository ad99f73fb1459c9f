import { computeFacets } from "@/lib/facets";
const qs = ["Mirza confessed to killing 13 people, yet he was implicated in two murders only.", "About 300 people were killed in the month of June, the death toll reached 600 deaths in two months and 2,000 deaths in a year."];
for (const q of qs) { const f = computeFacets({ quote: q }); console.log(f.terms, JSON.stringify(f.quantities.map(x=>[x.text,x.measure,x.low,x.allowLow,x.allowHigh])), f.dates); }
