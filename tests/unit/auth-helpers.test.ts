import { describe, expect, test } from "vitest";
import { canEdit, isAdmin, roleAllows } from "@/lib/auth/roles";
import { safeCallbackPath } from "@/lib/auth/paths";
import { diffFields, formatValue } from "@/lib/audit/diff";
import { clientAddress } from "@/lib/auth/options";

describe("roles", () => {
  test.each([
    ["admin", "admin", true],
    ["admin", "editor", true],
    ["admin", "viewer", true],
    ["editor", "admin", false],
    ["editor", "editor", true],
    ["editor", "viewer", true],
    ["viewer", "admin", false],
    ["viewer", "editor", false],
    ["viewer", "viewer", true],
    ["superuser", "viewer", false],
    ["", "viewer", false],
    [undefined, "viewer", false],
    ["Admin", "viewer", false],
  ] as const)("%s may act as %s: %s", (actual, required, allowed) => {
    expect(roleAllows(actual, required)).toBe(allowed);
  });

  test("only editors and admins see edit controls; only admins see user management", () => {
    expect([canEdit({ role: "viewer" }), canEdit({ role: "editor" }), canEdit({ role: "admin" }), canEdit(null), canEdit({ role: "owner" })]).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect([isAdmin({ role: "editor" }), isAdmin({ role: "admin" }), isAdmin(undefined)]).toEqual([false, true, false]);
  });
});

describe("sign-in round trip", () => {
  test.each([
    ["/claims?status=approved", "/claims?status=approved"],
    ["/", "/"],
    ["//evil.example/phish", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    [null, "/"],
  ])("callback %s goes to %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  test("the throttle keys on the first forwarded address", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" })).toBe("203.0.113.7");
    expect(clientAddress({ "x-real-ip": "198.51.100.2" })).toBe("198.51.100.2");
    expect(clientAddress({})).toBe("unknown");
  });
});

describe("audit diffs", () => {
  test("lists only the fields that changed, with before and after", () => {
    const before = { stance: "supports", speakerId: 4, notes: null, version: 3, updatedAt: "2026-01-01T00:00:00Z", quote: "same" };
    const after = { stance: "opposes", speakerId: null, notes: "Checked against the cable", version: 4, updatedAt: "2026-01-02T00:00:00Z", quote: "same" };
    expect(diffFields(before, after)).toEqual([
      { field: "stance", before: "supports", after: "opposes" },
      { field: "speakerId", before: "4", after: "—" },
      { field: "notes", before: "—", after: "Checked against the cable" },
    ]);
  });

  test("a creation shows every field as new and a deletion every field as gone", () => {
    expect(diffFields(null, { email: "a@example.test", role: "viewer" })).toEqual([
      { field: "email", before: "—", after: "a@example.test" },
      { field: "role", before: "—", after: "viewer" },
    ]);
    expect(diffFields({ title: "Gone" }, undefined)).toEqual([{ field: "title", before: "Gone", after: "—" }]);
  });

  test("long values are clipped and lists are readable", () => {
    expect(formatValue("x".repeat(1000))).toMatch(/^x{300}… \(1000 characters\)$/);
    expect(formatValue(["MQM", "Muttahida Qaumi Movement"])).toBe("MQM, Muttahida Qaumi Movement");
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });
});
