-- Check-worthiness (lib/facets/check-worthiness.ts): how much a claim gives an editor to check,
-- 0–100, computed with the facets and refreshed with them (FACETS_VERSION 6). Claims stored
-- before this migration hold 50 until detection refreshes their facets.
ALTER TABLE "claims" ADD COLUMN "check_worthiness" SMALLINT NOT NULL DEFAULT 50;

-- The review queue's default order, most check-worthy first, then source order: one index walk
-- per step (keyset on the expression, so that every key ascends).
CREATE INDEX "claims_check_worthiness_queue_idx" ON "claims" ((100 - "check_worthiness"), "source_id", "start_offset", "id");
