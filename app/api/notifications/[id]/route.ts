// GET /api/notifications/[id] — open one of my notifications: mark it read and go to what it is about
import { withRole } from "@/lib/auth/with-role";
import { openNotificationResponse } from "@/lib/notifications/http";

export const dynamic = "force-dynamic";

// The inbox links here with a plain <a> (never prefetched), so only following the link marks an item read.
// A GET that writes: it changes nothing but the caller's own read mark, so another site triggering it does no harm.
export const GET = withRole<{ params: Promise<{ id: string }> }>("viewer", async (_request, { params, user }) => openNotificationResponse(await params, user));
