-- Notifications (issue 18, item 3): a per-user inbox (lib/notifications). A row names what it is
-- about by entity_type + entity_id (a claim, a contradiction or a source; no foreign key, so a
-- notification outlives what it points to and its link then finds "not found"). read_at is null
-- until the recipient opens it or marks it read. The app role gets these tables through the
-- default privileges 20261207100000_app_role set up, as saved_views does.
CREATE TYPE "notification_kind" AS ENUM ('mentioned', 'assigned', 'candidate', 'changed', 'reply');
CREATE TYPE "notification_entity" AS ENUM ('claim', 'contradiction', 'source');

CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "recipient_id" INTEGER NOT NULL,
    "actor_id" INTEGER,
    "kind" "notification_kind" NOT NULL,
    "entity_type" "notification_entity" NOT NULL,
    "entity_id" INTEGER NOT NULL,
    "excerpt" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
-- The inbox, newest first, one page at a time (keyset on id).
CREATE INDEX "notifications_recipient_id_id_idx" ON "notifications"("recipient_id", "id");
-- The unread count in every page's menu: only unread rows are indexed, so it stays cheap however
-- long the read history grows.
CREATE INDEX "notifications_unread_idx" ON "notifications"("recipient_id") WHERE "read_at" IS NULL;
CREATE INDEX "notifications_actor_id_idx" ON "notifications"("actor_id");
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The kinds a user turned off; every kind is on until a row here says otherwise.
CREATE TABLE "notification_opt_outs" (
    "user_id" INTEGER NOT NULL,
    "kind" "notification_kind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_opt_outs_pkey" PRIMARY KEY ("user_id", "kind")
);
ALTER TABLE "notification_opt_outs" ADD CONSTRAINT "notification_opt_outs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
