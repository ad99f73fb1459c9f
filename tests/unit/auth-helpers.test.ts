import { describe, expect, test } from "vitest";
import { canEdit, isAdmin, roleAllows } from "@/lib/auth/roles";
import { safeCallbackPath } from "@/lib/auth/paths";
import { diffFields, formatValue } from "@/lib/audit/diff";
import { describeSignInError } from "@/lib/auth/sign-in-errors";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, resolveClientAddress } from "@/lib/http/client-address";

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

  test("without trusted proxies the socket's peer is the address, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("192.0.2.5", "10.9.9.9", 0)).toBe("192.0.2.5");
    expect(resolveClientAddress("::ffff:192.0.2.5", undefined, 0)).toBe("192.0.2.5");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  test("behind N trusted proxies the address is N hops back; entries a client wrote before them are ignored", () => {
    // The client wrote "10.9.9.9"; the one proxy appended the real client 203.0.113.7 and connected from 127.0.0.1.
    expect(resolveClientAddress("127.0.0.1", "10.9.9.9, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(resolveClientAddress("127.0.0.1", ["10.9.9.9", "203.0.113.7, 10.0.0.2"], 2)).toBe("203.0.113.7");
    // More hops than entries: the first entry is as far back as anyone vouches for.
    expect(resolveClientAddress("127.0.0.1", "203.0.113.7", 5)).toBe("203.0.113.7");
  });

  test.each([
    ["CredentialsSignin", "Email or password is wrong."],
    ["Throttled14", "Too many failed sign-ins for this account from your address. Try again in 14 minutes."],
    ["Throttled1", "Too many failed sign-ins for this account from your address. Try again in 1 minute."],
    ["SignInUnavailable", "Sign-in is unavailable right now. Try again in a moment; if it persists, tell your administrator."],
    ["Your account is suspended, call +1 555 0100", "Sign-in failed. Try again."],
    ["<img src=x onerror=alert(1)>", "Sign-in failed. Try again."],
    ["Invalid `prisma.signInAttempt.findFirst()` invocation: Code: `55000`", "Sign-in failed. Try again."],
  ])("the sign-in page shows %j as %j, never the text itself", (code, shown) => {
    expect(describeSignInError(code)).toBe(shown);
  });

  test("sign-in reads only the address the server resolved", () => {
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "192.0.2.5", "x-forwarded-for": "10.9.9.9" })).toBe("192.0.2.5");
    expect(clientAddressFrom({ "x-forwarded-for": "10.9.9.9", "x-real-ip": "10.9.9.8" })).toBe("unknown");
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
