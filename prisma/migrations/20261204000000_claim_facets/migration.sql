-- Claim facets (lib/facets): what each claim says, stored as JSON for the claim panel and
-- the contradiction rules, and as lookup keys ("e:mqm", "den:mqm", "q:people:death") for
-- detection's candidate channels. A run copies the keys into a temporary btree table
-- (lib/contradictions/candidates.ts): a GIN index returns a common key's posting list whole,
-- so it would cost every write and serve no read. facets_version tells detection which claims
-- to recompute after lib/facets changes.
ALTER TYPE "contradiction_kind" ADD VALUE IF NOT EXISTS 'revision';
ALTER TYPE "contradiction_kind" ADD VALUE IF NOT EXISTS 'accusation_denial';

ALTER TABLE "claims"
  ADD COLUMN "facets" JSONB,
  ADD COLUMN "facet_keys" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "facets_version" TEXT;
