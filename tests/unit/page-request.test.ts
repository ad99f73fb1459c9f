// What proxy.ts lets through to a page: every path that decodes and every action body React's own
// client makes; no request Next would answer with a 500 (a broken %-escape in the path, an action
// body over 1 MB, not JSON, not an argument list, pointing at rows it lacks).
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import { SERVER_ACTION_BODY_LIMIT, pageRequestProblem } from "@/lib/validation/page-request";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as { encodeReply: (value: unknown) => Promise<string | FormData> };

function actionRequest(body: BodyInit | null, headers: Record<string, string> = {}, method = "POST"): Request {
  return new Request("http://localhost/claims/1", {
    method,
    body,
    headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...headers },
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

function chunked(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, size - sent)).fill(0x20);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("server action requests", () => {
  test.each([
    ["a claim form", [{ id: 5, version: 2, notes: "$ starts with a dollar", speakerId: "", credibility: "3" }]],
    [
      "dates, undefined, NaN, infinities, -0 and a bigint",
      [{ when: new Date(0), nothing: undefined, n: Number.NaN, up: Infinity, down: -Infinity, z: -0, big: 10n }],
    ],
    ["an empty argument list", []],
    ["nested lists", [{ ids: [1, 2, 3], deep: { a: { b: { c: ["$x"] } } } }]],
    ["a FormData argument", [Object.assign(new FormData(), {}), { x: 1 }]],
  ])("lets through what React sends: %s", async (_name, args) => {
    const body = await encodeReply(args);
    const headers: Record<string, string> = {};
    let init: BodyInit = body as BodyInit;
    if (body instanceof FormData) {
      const encoded = new Response(body);
      headers["content-type"] = encoded.headers.get("content-type")!;
      init = await encoded.arrayBuffer();
    }
    expect(await pageRequestProblem(actionRequest(init, headers))).toBeNull();
  });

  test.each(["/claims/%F0%9F", "/sources/%ED%A0%80/details", "/actors/%FF", "/topics/%E0%A4%A"])("refuses the broken path %s", async (path) => {
    const problem = await pageRequestProblem(new Request(`http://localhost${path}`));
    expect(problem).toEqual({ status: 400, message: expect.stringMatching(/broken %-escape/) });
  });

  test.each(["/claims/12", "/sources/%D8%A7%D9%84%D8%B7%D8%A7%D9%81", "/claims?q=%F0%9F", "/"])("lets the path %s through", async (path) => {
    expect(await pageRequestProblem(new Request(`http://localhost${path}`))).toBeNull();
  });

  test("leaves requests that are not action calls alone", async () => {
    expect(await pageRequestProblem(new Request("http://localhost/claims", { method: "POST", body: "not json" }))).toBeNull();
    expect(await pageRequestProblem(actionRequest(null, {}, "GET"))).toBeNull();
  });

  test.each([
    ["not JSON", "id=1&notes=x", 400, /not the JSON list of the action's arguments/],
    ["JSON but not a list", '{"id":1}', 400, /not the JSON list/],
    ["a bare string", '"$1"', 400, /not the JSON list/],
    ["a reference to a row the body lacks", '["$1"]', 400, /refers to data it does not carry/],
    ["a promise row", '[{"id":"$@1"}]', 400, /refers to data/],
    ["a server reference", '["$h1"]', 400, /refers to data/],
    ["a temporary reference", '["$T"]', 400, /refers to data/],
    ["a Map row", '["$Q2"]', 400, /refers to data/],
    ["a typed array row", '["$A3"]', 400, /refers to data/],
    ["a bigint of letters", '["$nabc"]', 400, /refers to data/],
    ["a bigint of 301 digits", `["$n${"9".repeat(301)}"]`, 400, /refers to data/],
    ["1,001 arguments", JSON.stringify(Array.from({ length: 1001 }, () => 1)), 400, /more than 1000 arguments/],
    ["values nested 200 deep", `${"[".repeat(200)}${"]".repeat(200)}`, 400, /nested more than 64 deep/],
    ["bytes that are not UTF-8", new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]), 400, /not the JSON list/],
    ["an empty body", "", 400, /not the JSON list/],
  ])("refuses %s", async (_name, body, status, message) => {
    const problem = await pageRequestProblem(actionRequest(body as BodyInit));
    expect(problem?.status).toBe(status);
    expect(problem?.message).toMatch(message);
  });

  test("refuses a multipart body that cannot be read, or whose rows are not JSON", async () => {
    const broken = await pageRequestProblem(actionRequest("--x\r\nnonsense", { "content-type": "multipart/form-data; boundary=x" }));
    expect(broken).toEqual({ status: 400, message: expect.stringMatching(/form data cannot be read/) });
    const form = new FormData();
    form.set("0", "not json");
    const encoded = new Response(form);
    const notJson = await pageRequestProblem(actionRequest(await encoded.arrayBuffer(), { "content-type": encoded.headers.get("content-type")! }));
    expect(notJson?.status).toBe(400);
    const dangling = new FormData();
    dangling.set("0", '["$1"]');
    const danglingEncoded = new Response(dangling);
    const reference = await pageRequestProblem(
      actionRequest(await danglingEncoded.arrayBuffer(), { "content-type": danglingEncoded.headers.get("content-type")! }),
    );
    expect(reference?.message).toMatch(/refers to data/);
  });

  test("refuses a body over 1 MB, by its declared length or as it streams in", async () => {
    const declared = await pageRequestProblem(actionRequest("[]", { "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) }));
    expect(declared).toEqual({ status: 413, message: "The request is larger than the 1 MB a form may send." });
    const streamed = await pageRequestProblem(actionRequest(chunked(SERVER_ACTION_BODY_LIMIT + 10)));
    expect(streamed?.status).toBe(413);
    const atTheLimit = await pageRequestProblem(actionRequest(`[${" ".repeat(SERVER_ACTION_BODY_LIMIT - 2)}]`));
    expect(atTheLimit).toBeNull();
  });
});
