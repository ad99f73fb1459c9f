// What I am notified about (issue 18, item 3): one checkbox per kind, all on until turned off.
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { notificationPreferences } from "@/lib/notifications/queries";
import { NotificationPreferencesForm } from "../../_components/notification-preferences-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Notifications" };

export default async function NotificationPreferencesPage() {
  const user = await requirePageRole("viewer");
  const preferences = await notificationPreferences(user.id);
  return (
    <section>
      <h1>Notifications</h1>
      <p>
        Notifications arrive in your <Link href="/inbox">inbox</Link>; the menu shows how many are unread. Turn off a kind and no new ones of it are sent to
        you; those already there stay.
      </p>
      <NotificationPreferencesForm preferences={preferences} />
    </section>
  );
}
