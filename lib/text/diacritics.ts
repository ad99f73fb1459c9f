// One way to fold accents: "Médecins Sans Frontières" → "Medecins Sans Frontieres".

/** Decomposes and drops combining marks, so names compare with and without their accents. */
export function stripDiacritics(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}/gu, "");
}
