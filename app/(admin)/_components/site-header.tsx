// The top bar of every signed-in page (and of the not-found page): the main menu, the inbox with its
// unread count, and who is signed in.
import Link from "next/link";
import { canEdit, isAdmin } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { unreadLabel, unreadNotificationCount } from "@/lib/notifications/queries";
import { SignOutButton } from "./sign-out-button";
import { MenuToggle } from "./menu-toggle";

export async function SiteHeader({ user }: { user: SessionUser }) {
  const unread = await unreadNotificationCount(user.id);
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        Claimbase
      </Link>
      <MenuToggle>
        <nav aria-label="Main">
          <Link href="/">Dashboard</Link>
          <Link href="/sources">Sources</Link>
          <Link href="/claims">Claims</Link>
          <Link href="/review">Review</Link>
          <Link href="/contradictions">Contradictions</Link>
          <Link href="/propositions">Propositions</Link>
          <Link href="/actors">Actors</Link>
          <Link href="/topics">Topics</Link>
          {canEdit(user) && <Link href="/import">Import</Link>}
          {isAdmin(user) && <Link href="/users">Users</Link>}
          {isAdmin(user) && <Link href="/audit">Audit log</Link>}
        </nav>
        <div className="account">
          <Link href="/inbox" className="inbox-link" data-testid="inbox-link">
            Inbox
            {unread > 0 && (
              <>
                {" "}
                <span className="unread-count" data-testid="unread-count">
                  {unreadLabel(unread)}
                  <span className="visually-hidden"> unread</span>
                </span>
              </>
            )}
          </Link>
          <Link href="/account" data-testid="signed-in-user">
            {user.email}
          </Link>{" "}
          <span className="badge" data-testid="signed-in-role">
            {user.role}
          </span>
          <SignOutButton />
        </div>
      </MenuToggle>
    </header>
  );
}

/** The first thing Tab reaches on every page; `main` carries the id. */
export function SkipLink() {
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      Skip to content
    </a>
  );
}

export const MAIN_CONTENT_ID = "main-content";
