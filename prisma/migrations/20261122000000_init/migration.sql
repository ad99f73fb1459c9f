-- Extensions Prisma cannot declare for us: trigram similarity for contradiction
-- candidates and fuzzy search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "source_kind" AS ENUM ('news', 'blog', 'opinion', 'encyclopedia', 'compilation', 'forum', 'official_document', 'court_record', 'other');

-- CreateEnum
CREATE TYPE "reliability" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- CreateEnum
CREATE TYPE "actor_kind" AS ENUM ('person', 'organization', 'government_body', 'media_outlet', 'court', 'other');

-- CreateEnum
CREATE TYPE "attribution" AS ENUM ('direct_quote', 'paraphrase', 'author_voice', 'reported');

-- CreateEnum
CREATE TYPE "stance" AS ENUM ('supports', 'opposes', 'neutral', 'unclear');

-- CreateEnum
CREATE TYPE "source_stance" AS ENUM ('endorses', 'reports', 'disputes');

-- CreateEnum
CREATE TYPE "claim_status" AS ENUM ('unreviewed', 'in_review', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "claim_origin" AS ENUM ('extracted', 'editor');

-- CreateEnum
CREATE TYPE "anchor_status" AS ENUM ('anchored', 'reanchored', 'orphaned');

-- CreateEnum
CREATE TYPE "contradiction_kind" AS ENUM ('negation', 'dispute', 'numeric', 'date', 'attribution', 'other');

-- CreateEnum
CREATE TYPE "contradiction_status" AS ENUM ('candidate', 'confirmed', 'dismissed');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'editor', 'viewer');

-- CreateTable
CREATE TABLE "sources" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "source_kind" NOT NULL DEFAULT 'other',
    "publisher" TEXT,
    "author" TEXT,
    "url" TEXT,
    "published_date" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "text" TEXT NOT NULL,
    "text_sha256" CHAR(64) NOT NULL,
    "reliability" "reliability" NOT NULL DEFAULT 'F',
    "notes" TEXT,
    "origin_file" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actors" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "normalized_name" TEXT NOT NULL,
    "kind" "actor_kind" NOT NULL DEFAULT 'other',
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "actors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topics" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "topics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" SERIAL NOT NULL,
    "source_id" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start_offset" INTEGER NOT NULL,
    "end_offset" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "anchor_status" "anchor_status" NOT NULL DEFAULT 'anchored',
    "speaker_id" INTEGER,
    "cue" TEXT,
    "attribution" "attribution" NOT NULL DEFAULT 'author_voice',
    "cited_via" TEXT,
    "stance" "stance" NOT NULL DEFAULT 'unclear',
    "source_stance" "source_stance" NOT NULL DEFAULT 'reports',
    "credibility" SMALLINT NOT NULL DEFAULT 6,
    "topic_id" INTEGER,
    "status" "claim_status" NOT NULL DEFAULT 'unreviewed',
    "origin" "claim_origin" NOT NULL DEFAULT 'extracted',
    "notes" TEXT,
    "reviewer_id" INTEGER,
    "reviewed_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "extractor_version" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contradictions" (
    "id" SERIAL NOT NULL,
    "claim_a_id" INTEGER NOT NULL,
    "claim_b_id" INTEGER NOT NULL,
    "kind" "contradiction_kind" NOT NULL DEFAULT 'other',
    "status" "contradiction_status" NOT NULL DEFAULT 'candidate',
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "detected_by" TEXT NOT NULL,
    "explanation" TEXT,
    "rationale" TEXT,
    "preferred_claim_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contradictions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT,
    "role" "role" NOT NULL DEFAULT 'viewer',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sources_slug_key" ON "sources"("slug");

-- CreateIndex
CREATE INDEX "sources_text_sha256_idx" ON "sources"("text_sha256");

-- CreateIndex
CREATE UNIQUE INDEX "actors_normalized_name_key" ON "actors"("normalized_name");

-- CreateIndex
CREATE UNIQUE INDEX "topics_slug_key" ON "topics"("slug");

-- CreateIndex
CREATE INDEX "claims_source_id_start_offset_idx" ON "claims"("source_id", "start_offset");

-- CreateIndex
CREATE INDEX "claims_status_id_idx" ON "claims"("status", "id");

-- CreateIndex
CREATE INDEX "claims_speaker_id_idx" ON "claims"("speaker_id");

-- CreateIndex
CREATE INDEX "claims_topic_id_idx" ON "claims"("topic_id");

-- CreateIndex
CREATE INDEX "claims_reviewer_id_idx" ON "claims"("reviewer_id");

-- CreateIndex
CREATE INDEX "claims_updated_at_idx" ON "claims"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "claims_source_id_start_offset_end_offset_key" ON "claims"("source_id", "start_offset", "end_offset");

-- CreateIndex
CREATE INDEX "contradictions_claim_b_id_idx" ON "contradictions"("claim_b_id");

-- CreateIndex
CREATE INDEX "contradictions_preferred_claim_id_idx" ON "contradictions"("preferred_claim_id");

-- CreateIndex
CREATE INDEX "contradictions_status_score_idx" ON "contradictions"("status", "score");

-- CreateIndex
CREATE UNIQUE INDEX "contradictions_claim_a_id_claim_b_id_key" ON "contradictions"("claim_a_id", "claim_b_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "sign_in_attempts_email_address_created_at_idx" ON "sign_in_attempts"("email", "address", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_created_at_idx" ON "audit_events"("entity_type", "entity_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_user_id_created_at_idx" ON "audit_events"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "actors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "topics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contradictions" ADD CONSTRAINT "contradictions_claim_a_id_fkey" FOREIGN KEY ("claim_a_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contradictions" ADD CONSTRAINT "contradictions_claim_b_id_fkey" FOREIGN KEY ("claim_b_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contradictions" ADD CONSTRAINT "contradictions_preferred_claim_id_fkey" FOREIGN KEY ("preferred_claim_id") REFERENCES "claims"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What Prisma cannot express (see the /// comments in schema.prisma) --------------------

-- A pair is stored once, lower claim id first, and never pairs a claim with itself.
ALTER TABLE "contradictions" ADD CONSTRAINT "contradictions_ordered_pair_check" CHECK ("claim_a_id" < "claim_b_id");

-- Offsets are JavaScript string indices into sources.text, end exclusive.
ALTER TABLE "claims" ADD CONSTRAINT "claims_offsets_check" CHECK ("start_offset" >= 0 AND "end_offset" > "start_offset");
ALTER TABLE "claims" ADD CONSTRAINT "claims_credibility_check" CHECK ("credibility" BETWEEN 1 AND 6);

-- Full-text search on claim text: a generated tsvector column and its GIN index.
ALTER TABLE "claims" ADD COLUMN "search_vector" tsvector
    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce("quote", ''))) STORED;
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector");

-- Trigram similarity on claim text (contradiction candidates, fuzzy search).
CREATE INDEX "claims_quote_trgm_idx" ON "claims" USING GIN ("quote" gin_trgm_ops);

-- The audit trail is append-only: refuse UPDATE and DELETE at the database level.
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_events_append_only"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
CREATE TRIGGER "audit_events_no_truncate"
    BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();
