-- Origin counts of each proposition (issue 21, items 2 and 4; lib/propositions/queries.ts), kept so that
-- the propositions list, the claims table's "single origin" filter and the exports can filter in SQL.
-- The counts come from traceOrigins (lib/propositions/origins.ts), which is TypeScript; `fingerprint`
-- hashes what they depend on (members, their sources, speakers and cited-via), and every read first
-- recomputes the rows whose fingerprint no longer matches, so a count is never stale when read.
CREATE TABLE "proposition_origins" (
    "proposition_id" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "sources" INTEGER NOT NULL,
    "independent_origins" INTEGER NOT NULL,
    "circular" BOOLEAN NOT NULL,
    -- The origin most sources rest on, named by the circular-reporting warning.
    "main_origin" TEXT,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "proposition_origins_pkey" PRIMARY KEY ("proposition_id")
);
-- The "single origin" filter.
CREATE INDEX "proposition_origins_independent_origins_idx" ON "proposition_origins"("independent_origins");
ALTER TABLE "proposition_origins" ADD CONSTRAINT "proposition_origins_proposition_id_fkey" FOREIGN KEY ("proposition_id") REFERENCES "propositions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
