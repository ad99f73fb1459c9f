-- Contradiction detection runs in the background (at a million claims it takes many
-- minutes): each run is a row the contradictions page follows, and at most one runs at a time.
CREATE TYPE "detection_run_status" AS ENUM ('running', 'finished', 'failed', 'abandoned');

CREATE TABLE "detection_runs" (
    "id" SERIAL NOT NULL,
    "status" "detection_run_status" NOT NULL DEFAULT 'running',
    "started_by_id" INTEGER,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "report" JSONB,
    "error" TEXT,

    CONSTRAINT "detection_runs_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "detection_runs_started_at_idx" ON "detection_runs"("started_at");

-- One run at a time, whichever server or command starts it.
CREATE UNIQUE INDEX "detection_runs_one_running" ON "detection_runs" ((true)) WHERE "status" = 'running';

ALTER TABLE "detection_runs" ADD CONSTRAINT "detection_runs_started_by_id_fkey"
    FOREIGN KEY ("started_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
