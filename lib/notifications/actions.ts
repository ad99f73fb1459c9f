"use server";
// Notification actions: anyone signed in reads their own inbox and chooses what it receives (viewers
// included); mutations.ts keeps each caller to their own notifications.
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import { markAllNotificationsReadSchema, markNotificationReadSchema, updateNotificationPreferencesSchema } from "@/lib/notifications/schema";
import { markAllNotificationsRead, markNotificationRead, updateNotificationPreferences, type PreferencesResult } from "@/lib/notifications/mutations";

const markRead = actionWithRole("viewer", markNotificationReadSchema, (input, user) => markNotificationRead(db(), input, user));
const markAllRead = actionWithRole("viewer", markAllNotificationsReadSchema, (input, user) => markAllNotificationsRead(db(), input, user));
const updatePreferences = actionWithRole("viewer", updateNotificationPreferencesSchema, (input, user) => updateNotificationPreferences(db(), input, user));

export async function markNotificationReadAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return refreshed(await markRead(input));
}

export async function markAllNotificationsReadAction(input: unknown): Promise<ActionResult<{ marked: number }>> {
  return refreshed(await markAllRead(input));
}

export async function updateNotificationPreferencesAction(input: unknown): Promise<ActionResult<PreferencesResult>> {
  return refreshed(await updatePreferences(input));
}
