-- Detection runs started from the contradictions page become jobs (issue 19, item 1): the row is
-- the run's record as before, and the pg-boss queue 'detection' carries its id to the worker that
-- scripts/serve.ts starts. A run whose worker stopped is queued again (attempts), and fails with a
-- sentence after the last attempt. Runs from `npm run detect` run in their own process (by_worker false).
ALTER TABLE "detection_runs"
    ADD COLUMN "by_worker" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "claimed_at" TIMESTAMPTZ(3);

SELECT pgboss.create_queue('detection', '{"policy":"standard","retryLimit":0,"expireInSeconds":86400}'::jsonb);
