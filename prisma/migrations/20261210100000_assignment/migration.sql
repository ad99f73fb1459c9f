-- Assignment (issue 18, item 1): a source, a claim or a contradiction can be given to one editor
-- (lib/assignments). A claim without an assignee of its own belongs to its source's assignee, so a
-- desk splits a source by giving it to one editor and some of its claims to another.
ALTER TABLE "sources" ADD COLUMN "assignee_id" INTEGER;
ALTER TABLE "claims" ADD COLUMN "assignee_id" INTEGER;
ALTER TABLE "contradictions" ADD COLUMN "assignee_id" INTEGER;

-- "My work", the "assigned to" filter and the review queue's mine-first order.
CREATE INDEX "sources_assignee_id_idx" ON "sources"("assignee_id");
CREATE INDEX "claims_assignee_id_id_idx" ON "claims"("assignee_id", "id");
CREATE INDEX "contradictions_assignee_id_idx" ON "contradictions"("assignee_id");

ALTER TABLE "sources" ADD CONSTRAINT "sources_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "contradictions" ADD CONSTRAINT "contradictions_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
