-- The topics list counts each topic's claims by stance: with the stance in the index the
-- count is an index-only scan instead of a heap visit per claim (npm run bench: the topics
-- page took 220 ms at a million claims). The topic filter and detection's topic channel
-- (same topic, opposite stance) use the same index; it replaces the one on topic_id alone.
DROP INDEX "claims_topic_id_idx";
CREATE INDEX "claims_topic_id_stance_idx" ON "claims"("topic_id", "stance");
