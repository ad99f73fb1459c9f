-- Discussion (issue 18, item 2): comment threads on a claim, a contradiction or a source
-- (lib/comments). A thread names its subject by type and id; editors resolve and reopen it. A
-- comment keeps every earlier wording in comment_edits, and the users its @mentions named when it
-- was last saved in comment_mentions. The app role gets these tables through the default privileges
-- of 20261207100000_app_role, as saved_views did.
CREATE TYPE "comment_entity" AS ENUM ('claim', 'contradiction', 'source');

CREATE TABLE "comment_threads" (
    "id" SERIAL NOT NULL,
    "entity_type" "comment_entity" NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" INTEGER,
    CONSTRAINT "comment_threads_pkey" PRIMARY KEY ("id")
);
-- The threads of one claim, contradiction or source, oldest first (panels and exports).
CREATE INDEX "comment_threads_entity_type_entity_id_id_idx" ON "comment_threads"("entity_type", "entity_id", "id");
CREATE INDEX "comment_threads_created_by_id_idx" ON "comment_threads"("created_by_id");
CREATE INDEX "comment_threads_resolved_by_id_idx" ON "comment_threads"("resolved_by_id");

CREATE TABLE "comments" (
    "id" SERIAL NOT NULL,
    "thread_id" INTEGER NOT NULL,
    "author_id" INTEGER,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);
-- A thread's comments in order.
CREATE INDEX "comments_thread_id_id_idx" ON "comments"("thread_id", "id");
CREATE INDEX "comments_author_id_idx" ON "comments"("author_id");

CREATE TABLE "comment_edits" (
    "id" SERIAL NOT NULL,
    "comment_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "comment_edits_pkey" PRIMARY KEY ("id")
);
-- A comment's earlier wordings in order.
CREATE INDEX "comment_edits_comment_id_id_idx" ON "comment_edits"("comment_id", "id");

CREATE TABLE "comment_mentions" (
    "comment_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    CONSTRAINT "comment_mentions_pkey" PRIMARY KEY ("comment_id", "user_id")
);
CREATE INDEX "comment_mentions_user_id_idx" ON "comment_mentions"("user_id");

ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "comment_threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "comment_edits" ADD CONSTRAINT "comment_edits_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
