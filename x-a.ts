import { speakerOf } from "./tests/helpers/extracted-claims";
const cases: [string, string][] = [
  ["The Commissioner of the London Fire Brigade, Dany Cotton, told the inquiry that she would not change anything.", "would not change anything"],
  ["The chief executive of the port company, Hassan Koraytem, said the cargo was dangerous.", "cargo was dangerous"],
  ["The head of the coast guard, Kim Suk-kyun, said the boats had arrived late.", "boats had arrived late"],
  ["The spokesman for the ministry, Ali Raza, said the figure was wrong.", "figure was wrong"],
];
for (const [t, f] of cases) console.log(speakerOf(t, f), "|", t);
