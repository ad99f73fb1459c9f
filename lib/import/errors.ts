// A document the import refuses. Each reason has a sentence an editor understands; the
// message starts with the file name so a CLI summary or a form can show it as is.
import { ValidationError } from "@/lib/errors";

export type RefusalReason =
  | "empty"
  | "too_large"
  | "binary"
  | "unknown_type"
  | "invalid_utf8"
  | "no_readable_content"
  | "needs_ocr"
  | "unreadable_pdf"
  | "bad_metadata"
  | "unreadable_file";

export class ImportRefusedError extends ValidationError {
  constructor(
    readonly file: string,
    readonly reason: RefusalReason,
    /** The sentence without the file name ("the file is empty"). */
    readonly detail: string,
    fieldErrors: Record<string, string[]> = {},
  ) {
    super(`${file}: ${detail}`, fieldErrors);
  }
}
