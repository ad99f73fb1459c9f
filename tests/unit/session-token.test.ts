import { describe, expect, test } from "vitest";
import { encode, decode } from "next-auth/jwt";
import { sessionTokenValue } from "@/lib/auth/session";

const NAME = "next-auth.session-token";

describe("the session token read from the request's cookies", () => {
  test("a whole cookie is taken as it is, other cookies ignored", () => {
    expect(
      sessionTokenValue(
        [
          { name: "other", value: "x" },
          { name: NAME, value: "abc" },
        ],
        NAME,
      ),
    ).toBe("abc");
  });

  test("a token next-auth split into chunks is joined in the chunks' order, not the cookies'", async () => {
    const secret = "a-test-secret-of-enough-length-0123456789";
    const token = await encode({ token: { uid: 7, email: "e@x.test", name: "E".repeat(3000) }, secret });
    const parts = [token.slice(0, 1500), token.slice(1500, 3000), token.slice(3000)];
    const cookies = [
      { name: `${NAME}.2`, value: parts[2]! },
      { name: `${NAME}.0`, value: parts[0]! },
      { name: "next-auth.csrf-token", value: "csrf" },
      { name: `${NAME}.1`, value: parts[1]! },
    ];
    const joined = sessionTokenValue(cookies, NAME);
    expect(joined).toBe(token);
    await expect(decode({ token: joined!, secret })).resolves.toMatchObject({ uid: 7, email: "e@x.test" });
  });

  test("no session cookie, or only look-alike names, is no token", () => {
    expect(sessionTokenValue([], NAME)).toBeUndefined();
    expect(
      sessionTokenValue(
        [
          { name: `${NAME}.evil`, value: "x" },
          { name: `${NAME}x`, value: "y" },
        ],
        NAME,
      ),
    ).toBeUndefined();
  });
});
