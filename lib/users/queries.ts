import "server-only";
import { db } from "@/lib/db/client";

const userColumns = { id: true, email: true, name: true, role: true, active: true, createdAt: true } as const;

export async function listUsers() {
  return db().user.findMany({ select: userColumns, orderBy: [{ active: "desc" }, { email: "asc" }] });
}

export async function listUserEmails() {
  return db().user.findMany({ select: { id: true, email: true }, orderBy: { email: "asc" } });
}
