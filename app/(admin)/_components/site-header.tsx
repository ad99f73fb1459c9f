// The top bar of every signed-in page (and of the not-found page): the main menu and who is signed in.
import Link from "next/link";
import { canEdit, isAdmin } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";
import { MenuToggle } from "./menu-toggle";

export function SiteHeader({ user }: { user: SessionUser }) {
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
          <Link href="/actors">Actors</Link>
          <Link href="/topics">Topics</Link>
          {canEdit(user) && <Link href="/import">Import</Link>}
          {isAdmin(user) && <Link href="/users">Users</Link>}
          {isAdmin(user) && <Link href="/audit">Audit log</Link>}
        </nav>
        <div className="account">
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
