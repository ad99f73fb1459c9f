import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { SignOutEverywhere } from "./sign-out-everywhere";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your account" };

// The signed-in person's own page: who they are here, and a way to end every session they have.
export default async function AccountPage() {
  const user = await requirePageRole("viewer");
  return (
    <section>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd data-testid="account-email">{user.email}</dd>
        <dt>Name</dt>
        <dd>{user.name ?? "—"}</dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
      </dl>
      <h2>Notifications</h2>
      <p>
        <Link href="/account/notifications">Choose what you are notified about</Link> in your <Link href="/inbox">inbox</Link>.
      </p>
      <h2>Sessions</h2>
      <p>
        Signed in on a shared computer, or lost a device? Sign out everywhere ends every session of this account, this one included. A password reset, a role
        change and disabling the account by an admin do the same.
      </p>
      <SignOutEverywhere />
    </section>
  );
}
