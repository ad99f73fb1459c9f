import { requirePageRole } from "@/lib/auth/session";
import { MAIN_CONTENT_ID, SiteHeader } from "./_components/site-header";
import { CleanFilterLinks } from "./_components/clean-filter-links";

// Every admin page needs a session; pages that need more call requirePageRole themselves.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole("viewer");
  return (
    <div className="shell">
      <SiteHeader user={user} />
      <CleanFilterLinks />
      <main className="content" id={MAIN_CONTENT_ID} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
