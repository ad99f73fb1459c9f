// The page for an address with nothing behind it (and for notFound() in any page). Next's own
// version carries an inline <style> without the CSP nonce, which the policy blocks; this one uses the app's stylesheet.
import Link from "next/link";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="auth-page">
      <h1>Not found</h1>
      <p role="alert">There is nothing at this address. It may have been merged into another record or removed.</p>
      <p>
        <Link href="/">Back to the dashboard</Link>
      </p>
    </main>
  );
}
