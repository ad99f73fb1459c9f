// Reads a request body while counting its bytes, for any transfer encoding: Content-Length may be
// absent (chunked uploads) or wrong, so the count is kept as the bytes arrive. Past the limit the
// read stops and a 413 is thrown; no more than the limit is ever held, and the rest is never read.
import { DomainError } from "@/lib/errors";

/** A request body larger than the route accepts (413). */
export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super(message, 413);
  }
}

/**
 * `body`, pulled one chunk at a time as the reader asks (so the sender is held back by TCP, not
 * buffered), erroring once more than `limit` bytes have passed. The source is released rather than
 * cancelled: cancelling a Node request destroys its socket, and the client would never see the 413.
 */
export function limitStream(body: ReadableStream<Uint8Array>, limit: number, onExceeded: () => Error): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  const release = () => {
    try {
      reader.releaseLock();
    } catch {
      // a read is still pending; nothing more will be asked of it
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        received += value.byteLength;
        if (received > limit) {
          release();
          controller.error(onExceeded());
          return;
        }
        controller.enqueue(value);
      },
      cancel: release,
    },
    { highWaterMark: 0 },
  );
}

/**
 * The request's form (multipart or urlencoded), refused with a PayloadTooLargeError carrying
 * `tooLargeMessage` when the body is over `limit` bytes: at once when Content-Length says so,
 * else as soon as the counted bytes pass it. Other failures (not a form) are rethrown as they are.
 */
export async function readFormDataWithin(request: Request, limit: number, tooLargeMessage: string): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(tooLargeMessage);
  if (!request.body) return request.formData();
  let exceeded = false;
  const body = limitStream(request.body, limit, () => {
    exceeded = true;
    return new PayloadTooLargeError(tooLargeMessage);
  });
  try {
    return await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    // The form parser may wrap the stream's error in its own; the flag says what happened.
    if (exceeded) throw new PayloadTooLargeError(tooLargeMessage);
    throw error;
  }
}
