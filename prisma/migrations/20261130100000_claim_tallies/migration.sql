-- Claim counts by speaker and status, kept by the database as the claims change, so that the
-- dashboard and the actors list (most quoted first) do not count a million claims per view.
-- Each statement that inserts, deletes or changes the speaker or status of claims appends
-- its net change as rows of deltas (no row is updated in place: concurrent saves and imports
-- never wait for each other here); the sum of the deltas per key is the count.
-- compact_claim_tallies() folds the rows into one per key; imports, the seed and detection
-- runs call it.
CREATE TABLE "claim_tallies" (
    "id" BIGSERIAL NOT NULL,
    "speaker_id" INTEGER,
    "status" "claim_status" NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "claim_tallies_pkey" PRIMARY KEY ("id")
);

CREATE FUNCTION claim_tallies_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, count(*) FROM inserted_claims GROUP BY speaker_id, status;
  RETURN NULL;
END $$;

CREATE FUNCTION claim_tallies_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, -count(*) FROM deleted_claims GROUP BY speaker_id, status;
  RETURN NULL;
END $$;

-- Only claims whose speaker or status changed count (a deleted actor's claims are updated
-- to no speaker by the foreign key, which passes here too).
CREATE FUNCTION claim_tallies_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, sum(delta) FROM (
    SELECT o.speaker_id, o.status, -1 AS delta
    FROM old_claims o JOIN new_claims n ON n.id = o.id
    WHERE o.speaker_id IS DISTINCT FROM n.speaker_id OR o.status <> n.status
    UNION ALL
    SELECT n.speaker_id, n.status, 1 AS delta
    FROM old_claims o JOIN new_claims n ON n.id = o.id
    WHERE o.speaker_id IS DISTINCT FROM n.speaker_id OR o.status <> n.status
  ) changes
  GROUP BY speaker_id, status
  HAVING sum(delta) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION claim_tallies_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM claim_tallies;
  RETURN NULL;
END $$;

CREATE TRIGGER claims_tally_insert AFTER INSERT ON claims
  REFERENCING NEW TABLE AS inserted_claims FOR EACH STATEMENT EXECUTE FUNCTION claim_tallies_after_insert();
CREATE TRIGGER claims_tally_delete AFTER DELETE ON claims
  REFERENCING OLD TABLE AS deleted_claims FOR EACH STATEMENT EXECUTE FUNCTION claim_tallies_after_delete();
CREATE TRIGGER claims_tally_update AFTER UPDATE ON claims
  REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims FOR EACH STATEMENT EXECUTE FUNCTION claim_tallies_after_update();
CREATE TRIGGER claims_tally_truncate AFTER TRUNCATE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION claim_tallies_after_truncate();

-- Folds the keys that have more than one row into one row with their sum (a key that sums to
-- zero goes). Safe beside saves (rows committed after it started are left alone) and beside
-- another compaction (rows that one already deleted are skipped).
CREATE FUNCTION compact_claim_tallies() RETURNS void LANGUAGE sql AS $$
  WITH split AS (
    SELECT coalesce(speaker_id, 0) AS speaker_key, status FROM claim_tallies GROUP BY 1, 2 HAVING count(*) > 1
  ), gone AS (
    DELETE FROM claim_tallies t USING split
    WHERE coalesce(t.speaker_id, 0) = split.speaker_key AND t.status = split.status
    RETURNING t.speaker_id, t.status, t.delta
  )
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, sum(delta) FROM gone GROUP BY speaker_id, status HAVING sum(delta) <> 0;
$$;

-- Counts every claim afresh. For a bulk load that disables the insert trigger while it loads,
-- as it drops the indexes (npm run bench:seed); not for a database in use.
CREATE FUNCTION rebuild_claim_tallies() RETURNS void LANGUAGE sql AS $$
  DELETE FROM claim_tallies;
  INSERT INTO claim_tallies (speaker_id, status, delta)
  SELECT speaker_id, status, count(*) FROM claims GROUP BY speaker_id, status;
$$;

SELECT rebuild_claim_tallies();
