import "server-only";
import { readDb } from "@/lib/db/client";

const userColumns = { id: true, email: true, name: true, role: true, active: true, createdAt: true } as const;

export async function listUsers() {
  return readDb().user.findMany({ select: userColumns, orderBy: [{ active: "desc" }, { email: "asc" }] });
}

export async function listUserEmails() {
  return readDb().user.findMany({ select: { id: true, email: true }, orderBy: { email: "asc" } });
}
