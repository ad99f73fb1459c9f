-- Propositions (issue 21, item 1; lib/propositions): claims across sources that state the same thing.
-- A grouping run proposes them, with a reason per member; editors confirm a proposition, move a claim
-- out of it (split), or merge two. A member an editor placed ("editor") is never moved by a later run;
-- a run only re-places the members it placed itself ("system"). A claim belongs to at most one
-- proposition. Speakers get an Admiralty reliability (A–F) of their own, for grading each hop of a
-- claim's chain (speaker → cited document → source → repost). The app role gets the new tables through
-- the default privileges of 20261207100000_app_role.
CREATE TYPE "proposition_status" AS ENUM ('proposed', 'confirmed');
CREATE TYPE "member_placement" AS ENUM ('system', 'editor');

CREATE TABLE "propositions" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,
    "status" "proposition_status" NOT NULL DEFAULT 'proposed',
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "propositions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "propositions_status_id_idx" ON "propositions"("status", "id");
CREATE INDEX "propositions_decided_by_id_idx" ON "propositions"("decided_by_id");
ALTER TABLE "propositions" ADD CONSTRAINT "propositions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "proposition_members" (
    "claim_id" INTEGER NOT NULL,
    "proposition_id" INTEGER NOT NULL,
    "placement" "member_placement" NOT NULL DEFAULT 'system',
    -- Why the run put it here ("the same figure as #12: 552 tonnes"), or the editor's note.
    "reason" TEXT,
    "placed_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "proposition_members_pkey" PRIMARY KEY ("claim_id")
);
CREATE INDEX "proposition_members_proposition_id_idx" ON "proposition_members"("proposition_id");
CREATE INDEX "proposition_members_placed_by_id_idx" ON "proposition_members"("placed_by_id");
ALTER TABLE "proposition_members" ADD CONSTRAINT "proposition_members_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "proposition_members" ADD CONSTRAINT "proposition_members_proposition_id_fkey" FOREIGN KEY ("proposition_id") REFERENCES "propositions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "proposition_members" ADD CONSTRAINT "proposition_members_placed_by_id_fkey" FOREIGN KEY ("placed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "actors" ADD COLUMN "reliability" "reliability" NOT NULL DEFAULT 'F';
