import Link from "next/link";

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">Claimbase</Link>
        <nav aria-label="Main">
          <Link href="/">Sources</Link>
        </nav>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
