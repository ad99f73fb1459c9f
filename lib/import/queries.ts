import "server-only";
import { db } from "@/lib/db/client";

/** Sources an editor can name as the one a document is a new version of. */
export async function listSourcesForImport() {
  return db().source.findMany({ orderBy: { title: "asc" }, select: { id: true, slug: true, title: true } });
}
