// The page for an address with nothing behind it (and for notFound() in any page). Next's own
// version carries an inline <style> without the CSP nonce, which the policy blocks; this one uses the app's
// stylesheet, and a signed-in visitor keeps the menu to find their way on.
import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";
import { MAIN_CONTENT_ID, SiteHeader } from "./(admin)/_components/site-header";

export const metadata = { title: "Not found" };

export default async function NotFound() {
  const user = await getSessionUser();
  const message = (
    <>
      <h1>Not found</h1>
      <p role="alert">There is nothing at this address. It may have been merged into another record or removed.</p>
      <p>
        <Link href={user ? "/" : "/login"}>{user ? "Back to the dashboard" : "Sign in"}</Link>
      </p>
    </>
  );
  if (!user)
    return (
      <main className="auth-page" id={MAIN_CONTENT_ID} tabIndex={-1}>
        {message}
      </main>
    );
  return (
    <div className="shell">
      <SiteHeader user={user} />
      <main className="content narrow" id={MAIN_CONTENT_ID} tabIndex={-1}>
        {message}
      </main>
    </div>
  );
}
