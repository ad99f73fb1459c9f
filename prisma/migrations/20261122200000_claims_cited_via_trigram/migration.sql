-- "Cited via contains …" in the claims table is ILIKE '%…%': without a trigram index every
-- claim is read to count the matches (npm run bench: 80 ms of SQL at a million claims).
CREATE INDEX "claims_cited_via_idx" ON "claims" USING GIN ("cited_via" gin_trgm_ops);
