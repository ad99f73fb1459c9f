// What crosses into notifications: a notification of the caller's own inbox, how far "Mark all read"
// goes, the inbox page's cursor, and the kinds left on in the preferences form.
import { z } from "zod";
import { NOTIFICATION_KIND_NAMES } from "@/lib/notifications/kinds";
import { optional, recordId } from "@/lib/validation/zod";

export const markNotificationReadSchema = z.object({ id: recordId("Missing notification", "Not a valid notification id") });
export type MarkNotificationReadInput = z.infer<typeof markNotificationReadSchema>;

/** Up to the newest notification the page showed: one that arrived since stays unread. */
export const markAllNotificationsReadSchema = z.object({
  throughId: recordId("Missing the newest notification shown; reload the inbox", "Not a valid notification id; reload the inbox"),
});
export type MarkAllNotificationsReadInput = z.infer<typeof markAllNotificationsReadSchema>;

const kindName = z.enum(NOTIFICATION_KIND_NAMES, {
  error: (issue) => `Not a kind of notification: ${String(issue.input).slice(0, 50)} (the kinds are ${NOTIFICATION_KIND_NAMES.join(", ")})`,
});

/** The checked boxes: a form sends one value per checked box, none when all are off. */
export const updateNotificationPreferencesSchema = z.object({
  enabled: z.preprocess((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(kindName)),
});
export type UpdateNotificationPreferencesInput = z.infer<typeof updateNotificationPreferencesSchema>;

/** The inbox page's query string: `before` pages to older notifications. */
export const inboxParamsSchema = z.object({ before: optional(recordId("Not a page position of the inbox; start again from the newest")) });
