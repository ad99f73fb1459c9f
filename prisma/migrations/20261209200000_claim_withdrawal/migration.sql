-- Withdrawn claims (issue 17, item 2): a claim an editor withdraws keeps its row and its history
-- but leaves the lists, the review queue, the exports, the reader's highlights, the counts and
-- contradiction detection until an editor restores it. withdrawn_at is when; the audit trail says who.
ALTER TABLE "claims" ADD COLUMN "withdrawn_at" TIMESTAMPTZ(3);

-- The few withdrawn claims, for the filters that leave them out of contradiction pairs and for the
-- reader's list of them.
CREATE INDEX "claims_withdrawn_idx" ON "claims"("source_id", "id") WHERE "withdrawn_at" IS NOT NULL;

-- The claim tallies (migration 20261130100000_claim_tallies) count claims that are not withdrawn:
-- withdrawing counts as leaving, restoring as coming back.
CREATE OR REPLACE FUNCTION claim_tallies_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, count(*) FROM inserted_claims WHERE withdrawn_at IS NULL GROUP BY speaker_id, status;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION claim_tallies_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, -count(*) FROM deleted_claims WHERE withdrawn_at IS NULL GROUP BY speaker_id, status;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION claim_tallies_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, sum(delta) FROM (
    SELECT o.speaker_id, o.status, -1 AS delta
    FROM old_claims o JOIN new_claims n ON n.id = o.id
    WHERE o.withdrawn_at IS NULL
      AND (o.speaker_id IS DISTINCT FROM n.speaker_id OR o.status <> n.status OR n.withdrawn_at IS NOT NULL)
    UNION ALL
    SELECT n.speaker_id, n.status, 1 AS delta
    FROM old_claims o JOIN new_claims n ON n.id = o.id
    WHERE n.withdrawn_at IS NULL
      AND (o.speaker_id IS DISTINCT FROM n.speaker_id OR o.status <> n.status OR o.withdrawn_at IS NOT NULL)
  ) changes
  GROUP BY speaker_id, status
  HAVING sum(delta) <> 0;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rebuild_claim_tallies() RETURNS void LANGUAGE sql AS $$
  DELETE FROM claim_tallies;
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, count(*) FROM claims WHERE withdrawn_at IS NULL GROUP BY speaker_id, status;
$$;
