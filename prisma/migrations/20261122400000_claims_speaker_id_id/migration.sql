-- "Contradictions where either claim is by this speaker" reads the speaker's claim ids: with
-- the id in the index that is an index-only scan, not a heap visit per claim (npm run bench:
-- 0.7 s for the speaker quoted 93,000 times in a million claims). Replaces the index on
-- speaker_id alone; the claims table's speaker filter and the actors list use it the same way.
DROP INDEX "claims_speaker_id_idx";
CREATE INDEX "claims_speaker_id_id_idx" ON "claims"("speaker_id", "id");
