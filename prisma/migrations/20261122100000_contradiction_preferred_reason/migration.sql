-- Why an editor prefers one claim of a contradiction over the other.
ALTER TABLE "contradictions" ADD COLUMN "preferred_reason" TEXT;
