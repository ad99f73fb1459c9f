// Roles and what each may do. An unknown role is denied everything.
export const ROLES = ["admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function roleAllows(actual: unknown, required: Role): boolean {
  return isRole(actual) && RANK[actual] >= RANK[required];
}

/** For pages: whether to show create/edit/review controls. The actions check again. */
export function canEdit(user: { role: unknown } | null | undefined): boolean {
  return !!user && roleAllows(user.role, "editor");
}

export function isAdmin(user: { role: unknown } | null | undefined): boolean {
  return !!user && roleAllows(user.role, "admin");
}
