-- Session revocation (issue 19). Every session token carries the account's session version from
-- when it was issued; resetting the password, disabling or re-enabling the account, changing its
-- role or "sign out everywhere" bump the version, which ends every earlier session at its next request.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- Signing out ends that one session even if its cookie was copied: its id is kept here until the
-- token would have expired anyway.
CREATE TABLE "revoked_sessions" (
    "session_id" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revoked_sessions_pkey" PRIMARY KEY ("session_id")
);

CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions"("expires_at");

ALTER TABLE "revoked_sessions" ADD CONSTRAINT "revoked_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
