-- Bulk on everything that matches (issue 18, item 6). A change to more claims than a request should
-- hold is a job: its input (the claims-table filters, the confirmed count and the change) waits in
-- bulk_jobs, the queue 'bulk' (pg-boss, installed by 20261208000000_import_jobs) carries the row's
-- id, and the worker (lib/bulk/jobs.ts) records progress and the outcome for the page to poll.
CREATE TYPE "bulk_job_status" AS ENUM ('queued', 'running', 'finished', 'failed');

CREATE TABLE "bulk_jobs" (
    "id" SERIAL NOT NULL,
    "requested_by" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "status" "bulk_job_status" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "bulk_jobs_pkey" PRIMARY KEY ("id")
);
-- The status route's owner check and the user's foreign key.
CREATE INDEX "bulk_jobs_requested_by_idx" ON "bulk_jobs"("requested_by");
-- The worker's look for jobs whose worker stopped.
CREATE INDEX "bulk_jobs_status_heartbeat_at_idx" ON "bulk_jobs"("status", "heartbeat_at");
ALTER TABLE "bulk_jobs" ADD CONSTRAINT "bulk_jobs_requested_by_fkey" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The queue, as the owner (the app's role may not run pg-boss's DDL).
SET LOCAL lock_timeout = 30000;
SELECT pg_advisory_xact_lock(('x' || encode(sha224((current_database() || '.pgboss.pgbosscreate-queue')::bytea), 'hex'))::bit(64)::bigint);
SELECT pgboss.create_queue('bulk', '{"policy":"standard","retryLimit":0,"expireInSeconds":86400}'::jsonb);

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'claimbase_app') THEN
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON "bulk_jobs" TO claimbase_app';
    EXECUTE 'GRANT USAGE, SELECT, UPDATE ON SEQUENCE "bulk_jobs_id_seq" TO claimbase_app';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO claimbase_app';
  END IF;
END
$$;
