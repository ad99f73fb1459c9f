// A page request Next would answer with a 500, checked in proxy.ts before Next reads it:
// - a path with a broken %-escape ("/claims/%F0%9F"): Next fails to decode the [id] and its 400 page
//   does not exist in the app router;
// - a server action body over Next's 1 MB limit, not the JSON React sends, or pointing at rows it
//   does not carry. The app's actions take plain objects, which React sends as one JSON text
//   (encodeReply); a FormData argument would come as multipart: numbered rows of JSON, "0" the
//   argument list.
// Each gets a 400 or 413 and a sentence instead; no page renders and no action runs.

/** Next's default `serverActions.bodySizeLimit`. */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;
/** Next refuses more arguments than this (SERVER_ACTION_ARGS_LIMIT) with a 500. */
const MAX_ARGUMENTS = 1000;
/** React revives the arguments recursively: a deep enough nesting overflows its stack. */
const MAX_DEPTH = 64;

export interface RequestProblem {
  status: 400 | 413;
  message: string;
}

const TOO_LARGE: RequestProblem = { status: 413, message: `The request is larger than the ${SERVER_ACTION_BODY_LIMIT / 1024 / 1024} MB a form may send.` };
const NOT_ARGUMENTS: RequestProblem = {
  status: 400,
  message: "The request is not what this page's forms send: its body is not the JSON list of the action's arguments.",
};
const UNKNOWN_REFERENCE: RequestProblem = { status: 400, message: "The request is not what this page's forms send: it refers to data it does not carry." };
const TOO_DEEP: RequestProblem = {
  status: 400,
  message: `The request is not what this page's forms send: its values are nested more than ${MAX_DEPTH} deep.`,
};

/**
 * Values React encodes as a string of their own (undefined, NaN, ±Infinity, -0, dates, "$"-escaped
 * text, a FormData's entries); anything else after "$" points at another row, which a body that
 * does not carry it leaves waiting until Next gives up with a 500.
 */
const SCALAR = /^\$(?:[$uINHDK-]|n-?\d{1,300}$)/;

/** The body's bytes, or null once they pass the limit (whatever the transfer encoding). */
async function readWithin(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Walks a decoded row without recursion. */
function rowProblem(root: unknown): RequestProblem | null {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return TOO_DEEP;
    if (typeof value === "string") {
      if (value.startsWith("$") && !SCALAR.test(value)) return UNKNOWN_REFERENCE;
    } else if (value !== null && typeof value === "object") {
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

function argumentsProblem(root: unknown): RequestProblem | null {
  if (!Array.isArray(root)) return NOT_ARGUMENTS;
  if (root.length > MAX_ARGUMENTS) return { status: 400, message: `The request passes more than ${MAX_ARGUMENTS} arguments.` };
  return rowProblem(root);
}

async function multipartProblem(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<RequestProblem | null> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { status: 400, message: "The request is not what this page's forms send: its form data cannot be read." };
  }
  const rows = new Map<string, unknown>();
  for (const [name, value] of form.entries()) {
    if (/^\d+$/.test(name)) {
      if (typeof value !== "string") return NOT_ARGUMENTS;
      const parsed = parseJson(value);
      if (!parsed.ok) return NOT_ARGUMENTS;
      rows.set(name, parsed.value);
    }
  }
  if (!rows.has("0")) return NOT_ARGUMENTS;
  for (const [name, value] of rows) {
    const problem = name === "0" ? argumentsProblem(value) : rowProblem(value);
    if (problem) return problem;
  }
  return null;
}

const BROKEN_PATH: RequestProblem = {
  status: 400,
  message: "This address has a broken %-escape (bytes that are not UTF-8 text), so no page has it. Check the link.",
};

/** Whether every segment decodes, as Next's router will decode it. */
function pathDecodes(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** Null for a request Next can handle: a path that decodes, and no server action call or one whose body Next can decode. */
export async function pageRequestProblem(request: Request): Promise<RequestProblem | null> {
  if (!pathDecodes(new URL(request.url).pathname)) return BROKEN_PATH;
  return serverActionBodyProblem(request);
}

async function serverActionBodyProblem(request: Request): Promise<RequestProblem | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > SERVER_ACTION_BODY_LIMIT) return TOO_LARGE;
  if (!request.body) return NOT_ARGUMENTS;
  const bytes = await readWithin(request.body, SERVER_ACTION_BODY_LIMIT);
  if (!bytes) return TOO_LARGE;
  const contentType = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(contentType)) return multipartProblem(bytes, contentType);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return NOT_ARGUMENTS;
  }
  const parsed = parseJson(text);
  return parsed.ok ? argumentsProblem(parsed.value) : NOT_ARGUMENTS;
}
