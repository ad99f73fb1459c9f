import { requirePageRole } from "@/lib/auth/session";
import { importMaxBytes } from "@/lib/env";
import { formatBytes } from "@/lib/import/sniff-format";
import { listSourcesForImport } from "@/lib/import/queries";
import { ImportForm } from "./import-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import" };

export default async function ImportPage() {
  await requirePageRole("editor");
  const sources = await listSourcesForImport();
  const limit = formatBytes(importMaxBytes());
  return (
    <section>
      <h1>Import a document</h1>
      <p className="muted">
        Plain text, Markdown, HTML pages saved from a browser, or PDF with a text layer, up to {limit}; or paste the text. You check the metadata and see the
        claims before anything is saved.
      </p>
      <ImportForm sources={sources} />
    </section>
  );
}
