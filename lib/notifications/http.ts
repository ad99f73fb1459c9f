// The inbox's links (GET /api/notifications/[id]): the notification is marked read and the browser sent on
// to what it is about with a relative 303, so a proxy in front of the app needs no address of its own.
import "server-only";
import { db } from "@/lib/db/client";
import { markOwnWrite } from "@/lib/db/read-routing";
import type { SessionUser } from "@/lib/auth/session";
import { openNotification } from "@/lib/notifications/mutations";
import { idParamsSchema } from "@/lib/validation/zod";

export async function openNotificationResponse(params: unknown, user: SessionUser): Promise<Response> {
  const parsed = idParamsSchema.safeParse(params);
  if (!parsed.success) throw parsed.error;
  const path = await openNotification(db(), parsed.data.id, user);
  // A GET that changes something: the page it leads to must show the notification read, even from a replica.
  await markOwnWrite();
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
