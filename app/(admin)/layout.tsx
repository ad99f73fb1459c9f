import Link from "next/link";
import { canEdit, isAdmin } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { SignOutButton } from "./_components/sign-out-button";

// Every admin page needs a session; pages that need more call requirePageRole themselves.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole("viewer");
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          Claimbase
        </Link>
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
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
