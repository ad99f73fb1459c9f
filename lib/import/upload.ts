// The import form's request: a file or pasted text, plus metadata. Shared by the preview
// and save route handlers so both read the document the same way.
import path from "node:path";
import { z } from "zod";
import { importMaxBytes } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { PayloadTooLargeError, readFormDataWithin } from "@/lib/http/limited-body";
import { formatBytes, overLimitDetail } from "@/lib/import/sniff-format";
import { ImportRefusedError } from "@/lib/import/errors";
import { readImportFile, readPastedText } from "@/lib/import/read-document";
import { formFields, importTargetSchema, METADATA_FIELDS } from "@/lib/import/schema";
import { storableText } from "@/lib/validation/zod";
import type { ReadDocument } from "@/lib/import/types";

// Multipart framing and metadata around the file; reading stops once the body passes the limit plus this.
const MULTIPART_ALLOWANCE = 256 * 1024;

const uploadNameSchema = z.string().transform(
  (name) =>
    path
      .basename(name.replace(/\\/g, "/"))
      .replace(/[\u0000-\u001f]/g, "")
      .slice(0, 200) || "upload",
);

/** The form, read while its bytes are counted: an upload over the limit is refused (413) whatever its transfer encoding. */
export async function readImportForm(request: Request): Promise<FormData> {
  const limit = importMaxBytes();
  try {
    return await readFormDataWithin(request, limit + MULTIPART_ALLOWANCE, `upload: the upload is over the import limit of ${formatBytes(limit)}`);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) throw error;
    throw new ValidationError("Send the document as a form upload (multipart/form-data) with a file or a text field.");
  }
}

export async function readUploadedDocument(form: FormData): Promise<ReadDocument> {
  const file = form.get("file");
  const maxBytes = importMaxBytes();
  // A form submitted with no file chosen still sends an unnamed, empty file part.
  if (file instanceof File && file.name !== "") {
    const name = uploadNameSchema.parse(file.name);
    if (file.size > maxBytes) {
      throw new ImportRefusedError(name, "too_large", overLimitDetail("the file", file.size, maxBytes));
    }
    return readImportFile(name, new Uint8Array(await file.arrayBuffer()), { maxBytes });
  }
  const text = form.get("text");
  if (typeof text === "string" && text.length > 0) return readPastedText(text, { maxBytes });
  throw new ValidationError("Choose a file or paste some text first.", { file: ["Choose a file or paste some text."] });
}

export function importRequestFromForm(form: FormData): { metadata: Record<string, string | undefined>; target: unknown; sameAs: string[] } {
  return {
    metadata: formFields(form, METADATA_FIELDS),
    target: formFields(form, ["target"]).target || undefined,
    sameAs: form.getAll("sameAs").filter((value): value is string => typeof value === "string"),
  };
}

export const previewOptionsSchema = z.object({
  slug: storableText().trim().max(120).optional(),
  url: storableText().trim().max(2000).optional(),
  target: importTargetSchema,
});

export function previewOptionsFromForm(form: FormData) {
  const fields = formFields(form, ["slug", "url", "target"]);
  return previewOptionsSchema.parse({
    slug: fields.slug || undefined,
    url: fields.url || undefined,
    target: fields.target || undefined,
  });
}
