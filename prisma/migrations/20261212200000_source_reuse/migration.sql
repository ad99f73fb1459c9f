-- Reposts and heavy reuse between sources (issue 21, item 2). source_reuse holds one row per
-- (repeating source, original source): the share of the repeating document's words found in the
-- original, the reused passages as character offsets into both texts, whether the repeating text
-- names the original, and an editor's decision. source_fingerprints holds each source's LSH band
-- keys (MinHash signatures of overlapping word windows, lib/reuse/signature.ts): a new document's
-- candidates are the sources sharing a key, found through the index, never by comparing it with
-- every source.
CREATE TYPE "reuse_status" AS ENUM ('proposed', 'confirmed', 'dismissed');

CREATE TABLE "source_reuse" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "original_id" INTEGER NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,
    "passages" JSONB NOT NULL DEFAULT '[]',
    "attributed" BOOLEAN NOT NULL DEFAULT false,
    "status" "reuse_status" NOT NULL DEFAULT 'proposed',
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "method" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "source_reuse_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "source_reuse_not_itself" CHECK ("source_id" <> "original_id"),
    CONSTRAINT "source_reuse_share_range" CHECK ("share" >= 0 AND "share" <= 1)
);
-- One row per pair, and the repeating source's page ("This document repeats …").
CREATE UNIQUE INDEX "source_reuse_source_id_original_id_key" ON "source_reuse"("source_id", "original_id");
-- The original's page ("Repeated by …") and the original's foreign key.
CREATE INDEX "source_reuse_original_id_idx" ON "source_reuse"("original_id");
CREATE INDEX "source_reuse_decided_by_id_idx" ON "source_reuse"("decided_by_id");
ALTER TABLE "source_reuse" ADD CONSTRAINT "source_reuse_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "source_reuse" ADD CONSTRAINT "source_reuse_original_id_fkey" FOREIGN KEY ("original_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "source_reuse" ADD CONSTRAINT "source_reuse_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "source_fingerprints" (
    "key" BIGINT NOT NULL,
    "source_id" INTEGER NOT NULL,
    -- The source text the keys were computed from; a changed text is fingerprinted again.
    "text_sha256" CHAR(64) NOT NULL,
    CONSTRAINT "source_fingerprints_pkey" PRIMARY KEY ("key", "source_id")
);
-- The candidate lookup (key = ANY(…)) walks the primary key; refreshing a source's keys uses this one.
CREATE INDEX "source_fingerprints_source_id_idx" ON "source_fingerprints"("source_id");
ALTER TABLE "source_fingerprints" ADD CONSTRAINT "source_fingerprints_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
