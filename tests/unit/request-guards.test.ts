// The two guards every upload and every change passes: the Origin check (lib/http/origin.ts) and
// the body reader that counts bytes as they arrive (lib/http/limited-body.ts).
import { afterEach, describe, expect, test } from "vitest";
import { env, resetEnvCache } from "@/lib/env";
import { PayloadTooLargeError, readFormDataWithin } from "@/lib/http/limited-body";
import { MISSING_ORIGIN_MESSAGE, foreignOriginMessage, originRefusal, trustedOrigins } from "@/lib/http/origin";

describe("origin check", () => {
  const APP = "claims.example.org";
  const request = (method: string, headers: Record<string, string>) => ({
    method,
    url: `http://${APP}/api/import`,
    headers: new Headers({ host: APP, ...headers }),
  });

  test.each([
    ["a POST from the app's own page", "POST", { origin: `https://${APP}` }, null],
    ["the app's own page, host in another case", "POST", { origin: "https://Claims.Example.org" }, null],
    ["a POST from another port of the same host", "POST", { origin: `http://${APP}:4000` }, "foreign"],
    ["a POST from another site", "POST", { origin: "http://evil.example" }, "foreign"],
    ["a POST from a look-alike host", "POST", { origin: `https://${APP}.evil.example` }, "foreign"],
    ["a sandboxed frame or data: page (Origin: null)", "POST", { origin: "null" }, "foreign"],
    ["a POST without Origin", "POST", {}, "missing"],
    ["a PUT without Origin", "PUT", {}, "missing"],
    ["a PATCH from another site", "PATCH", { origin: "http://evil.example" }, "foreign"],
    ["a DELETE from another site", "delete", { origin: "http://evil.example" }, "foreign"],
    ["a GET from another site (changes nothing)", "GET", { origin: "http://evil.example" }, null],
    ["a GET without Origin", "GET", {}, null],
    ["a HEAD without Origin", "HEAD", {}, null],
    ["behind a proxy that names the public host", "POST", { host: "127.0.0.1:3000", "x-forwarded-host": APP, origin: `https://${APP}` }, null],
    ["behind a proxy, from another site", "POST", { host: "127.0.0.1:3000", "x-forwarded-host": APP, origin: "http://127.0.0.1:3000" }, "foreign"],
    ["an origin listed in ALLOWED_ORIGINS", "POST", { origin: "https://desk.example.net" }, null],
    ["the listed host with another scheme", "POST", { origin: "http://desk.example.net" }, "foreign"],
  ] as const)("%s", (_label, method, headers, expected) => {
    const refusal = originRefusal(request(method, headers), ["https://desk.example.net"]);
    const origin = (headers as Record<string, string>).origin ?? "";
    expect(refusal).toBe(expected === null ? null : expected === "missing" ? MISSING_ORIGIN_MESSAGE : foreignOriginMessage(origin));
  });

  test("the refusal says what happened and that nothing changed", () => {
    expect(originRefusal(request("POST", { origin: "http://evil.example" }), [])).toBe(
      "Refused: this request came from another site (http://evil.example), not from Claimbase's own pages. Nothing was changed.",
    );
    expect(originRefusal(request("POST", {}), [])).toMatch(/no Origin header.*Nothing was changed\.$/);
  });

  describe("ALLOWED_ORIGINS", () => {
    const saved = { ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
    afterEach(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      resetEnvCache();
    });

    test("a comma-separated list of origins, normalized; unset is none", () => {
      delete process.env.ALLOWED_ORIGINS;
      resetEnvCache();
      expect(env().ALLOWED_ORIGINS).toEqual([]);
      process.env.ALLOWED_ORIGINS = " https://Desk.Example.net/ , http://10.0.0.5:8080 ";
      resetEnvCache();
      expect(env().ALLOWED_ORIGINS).toEqual(["https://desk.example.net", "http://10.0.0.5:8080"]);
    });

    test("NEXTAUTH_URL's origin is trusted too: a proxy that rewrites Host without X-Forwarded-Host still works", () => {
      process.env.ALLOWED_ORIGINS = "http://10.0.0.5:8080";
      process.env.NEXTAUTH_URL = "https://claims.example.org/";
      resetEnvCache();
      expect(trustedOrigins()).toEqual(["http://10.0.0.5:8080", "https://claims.example.org"]);
      const proxied = {
        method: "POST",
        url: "http://127.0.0.1:3000/api/import",
        headers: new Headers({ host: "127.0.0.1:3000", origin: "https://claims.example.org" }),
      };
      expect(originRefusal(proxied, trustedOrigins())).toBeNull();
      expect(originRefusal({ ...proxied, headers: new Headers({ host: "127.0.0.1:3000", origin: "https://other.example.org" }) }, trustedOrigins())).toBe(
        foreignOriginMessage("https://other.example.org"),
      );
    });

    test.each(["desk.example.net", "https://desk.example.net/claims", "ftp://desk.example.net", "https://user:pw@desk.example.net"])(
      "%s is refused at start-up with a line naming the setting",
      (value) => {
        process.env.ALLOWED_ORIGINS = value;
        resetEnvCache();
        expect(() => env()).toThrow(/ALLOWED_ORIGINS.*: ALLOWED_ORIGINS must list origins like https:\/\/claims\.example\.org/);
      },
    );
  });
});

describe("counting body reader", () => {
  const CHUNK = 64 * 1024;
  const LIMIT = 1024 * 1024;

  /** A chunked upload (no Content-Length) of `total` bytes, made only as the reader pulls; `pulled()` says how far it got. */
  function chunkedUpload(prefix: string, total: number) {
    let produced = 0;
    let headSent = false;
    const head = new TextEncoder().encode(prefix);
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (!headSent) {
            headSent = true;
            produced += head.byteLength;
            controller.enqueue(head);
            return;
          }
          if (produced >= total) {
            controller.close();
            return;
          }
          const size = Math.min(CHUNK, total - produced);
          produced += size;
          controller.enqueue(new Uint8Array(size).fill(0x61));
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, pulled: () => produced };
  }

  const BOUNDARY = "claimbase-test-boundary";
  const FILE_HEAD = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`;

  function post(body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) {
    return new Request("http://localhost/api/import", {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
      duplex: "half",
    } as RequestInit);
  }

  test("a chunked upload under the limit is read whole", async () => {
    const text = "The pier will be sold, said Jo Marsh.";
    const body = `${FILE_HEAD}${text}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nnews\r\n--${BOUNDARY}--\r\n`;
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // Split mid-boundary: the parser must not care where chunks end.
        controller.enqueue(bytes.slice(0, 50));
        controller.enqueue(bytes.slice(50));
        controller.close();
      },
    });
    const form = await readFormDataWithin(post(stream), LIMIT, "too large");
    expect(form.get("kind")).toBe("news");
    expect(await (form.get("file") as File).text()).toBe(text);
  });

  test("a chunked upload of 200 MB is refused with 413 after about the limit, the rest never read", async () => {
    const upload = chunkedUpload(FILE_HEAD, 200 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await readFormDataWithin(post(upload.stream), LIMIT, "upload: the upload is over the import limit of 1 MB").catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as PayloadTooLargeError).status).toBe(413);
    expect((error as PayloadTooLargeError).message).toBe("upload: the upload is over the import limit of 1 MB");
    expect(upload.pulled()).toBeGreaterThan(LIMIT);
    expect(upload.pulled()).toBeLessThanOrEqual(LIMIT + 2 * CHUNK);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  test("one byte over the limit is refused, the limit itself is not", async () => {
    const exact = chunkedUpload("", LIMIT);
    await expect(readFormDataWithin(post(exact.stream), LIMIT, "too large")).rejects.not.toBeInstanceOf(PayloadTooLargeError);
    const over = chunkedUpload("", LIMIT + 1);
    await expect(readFormDataWithin(post(over.stream), LIMIT, "too large")).rejects.toBeInstanceOf(PayloadTooLargeError);
  });

  test("a Content-Length over the limit is refused before a byte is read", async () => {
    const upload = chunkedUpload(FILE_HEAD, 10 * LIMIT);
    const request = post(upload.stream, { "content-length": String(10 * LIMIT) });
    await expect(readFormDataWithin(request, LIMIT, "too large")).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(upload.pulled()).toBe(0);
  });

  test("a small body that is not a form is the parser's error, not a 413", async () => {
    const error = await readFormDataWithin(post("not a multipart body"), LIMIT, "too large").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PayloadTooLargeError);
  });
});
