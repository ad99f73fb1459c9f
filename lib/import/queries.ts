import "server-only";
import { readDb } from "@/lib/db/client";

/** Sources an editor can name as the one a document is a new version of. */
export async function listSourcesForImport() {
  return readDb().source.findMany({ orderBy: { title: "asc" }, select: { id: true, slug: true, title: true } });
}
