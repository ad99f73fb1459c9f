-- Undo (issue 18, item 4). An editor's action that wrote several audit events (a bulk change on N
-- claims, an actor merge) is one action: its events share `action_id`, set by the mutation. Undoing
-- it writes new events (action "undo") whose `undoes_action_id` names the action undone, so the
-- trail stays append-only and "already undone" is one indexed lookup (lib/undo).
-- The app role keeps SELECT and INSERT only on audit_events (20261207100000_app_role); new columns
-- of a table it may INSERT into need no grant of their own.
ALTER TABLE "audit_events" ADD COLUMN "action_id" UUID;
ALTER TABLE "audit_events" ADD COLUMN "undoes_action_id" UUID;
-- The events of one action, to undo them together.
CREATE INDEX "audit_events_action_id_idx" ON "audit_events"("action_id");
-- Whether an action was undone already.
CREATE INDEX "audit_events_undoes_action_id_idx" ON "audit_events"("undoes_action_id");
-- "My recent actions": a user's newest actions.
CREATE INDEX "audit_events_user_id_action_id_id_idx" ON "audit_events"("user_id", "id") WHERE "action_id" IS NOT NULL;
