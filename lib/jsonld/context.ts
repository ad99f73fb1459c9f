// The inline @context of the export (no remote context: it must expand offline, and outlive any
// server): the public vocabularies' prefixes, the Claimbase vocabulary for what has no public term,
// and the coercions that keep values plain JSON (dates, JSON literals, ordered lists).
import { TABLE_MAPPERS } from "@/lib/jsonld/registry";

export const SCHEMA_ORG = "https://schema.org/";
export const WEB_ANNOTATION = "http://www.w3.org/ns/oa#";
/** Claimbase's own terms: Admiralty codes, stance, cue, status, version, facets … (described in the README). */
export const CLAIMBASE_VOCABULARY = "urn:claimbase:vocab:";
/** The format of the file; the import refuses another. */
export const FORMAT_VERSION = 1;
export const DATASET_ID = "urn:claimbase:export";

function buildContext(): Record<string, unknown> {
  const context: Record<string, unknown> = {
    "@version": 1.1,
    schema: SCHEMA_ORG,
    oa: WEB_ANNOTATION,
    xsd: "http://www.w3.org/2001/XMLSchema#",
    cb: CLAIMBASE_VOCABULARY,
  };
  for (const mapper of TABLE_MAPPERS) {
    for (const [property, coercion] of mapper.coercions()) {
      if (!coercion) continue;
      const existing = context[property];
      // One property, one meaning: two tables may not coerce it differently.
      if (existing && JSON.stringify(existing) !== JSON.stringify(coercion)) throw new Error(`${property} is coerced two ways in lib/jsonld/mappers`);
      context[property] = coercion;
    }
  }
  return context;
}

export const JSONLD_CONTEXT: Readonly<Record<string, unknown>> = buildContext();
