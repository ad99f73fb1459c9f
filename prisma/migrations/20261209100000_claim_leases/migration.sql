-- Review-queue leases (issue 17, item 1): the queue hands a claim to one editor at a time. A lease
-- lasts a couple of minutes, is renewed while the card is open, and goes on a decision or when it
-- runs out (lib/claims/leases.ts); one row per claim, so two editors cannot hold the same claim.
CREATE TABLE "claim_leases" (
    "claim_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "claim_leases_pkey" PRIMARY KEY ("claim_id")
);
CREATE INDEX "claim_leases_user_id_idx" ON "claim_leases"("user_id");
ALTER TABLE "claim_leases" ADD CONSTRAINT "claim_leases_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claim_leases" ADD CONSTRAINT "claim_leases_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
