// Options for the source, speaker and topic pickers. A short list is sent whole and shown as
// a <select>; past PICKER_LIST_LIMIT entries (a corpus of tens of thousands of sources) the
// page sends only the chosen entry and the picker asks /api/options/<kind> as the user types:
// rendering 40,000 <option>s cost the claims table a second per request and megabytes of HTML.
// Past a hundred entries typing beats scrolling, and the claims table carried its 500 topics
// twice (filter and bulk bar): 318 KB a page, 153 KB with the topics chosen by typing.
import "server-only";
import { db, type Db } from "@/lib/db/client";
import type { PickerKind, PickerOption } from "@/lib/pickers/schema";

export const PICKER_LIST_LIMIT = 100;
export const PICKER_SEARCH_LIMIT = 20;

export type Picker =
  | { mode: "list"; options: PickerOption[] }
  | { mode: "search"; selected: PickerOption | null };

async function firstOptions(prisma: Db, kind: PickerKind, take: number): Promise<PickerOption[]> {
  switch (kind) {
    case "sources":
      return (await prisma.source.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], take, select: { slug: true, title: true } })).map((row) => ({ value: row.slug, label: row.title }));
    case "actors":
      return (await prisma.actor.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take, select: { id: true, name: true } })).map((row) => ({ value: String(row.id), label: row.name }));
    case "topics":
      return (await prisma.topic.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], take, select: { id: true, title: true } })).map((row) => ({ value: String(row.id), label: row.title }));
  }
}

async function optionFor(prisma: Db, kind: PickerKind, value: string): Promise<PickerOption | null> {
  if (kind === "sources") {
    const row = await prisma.source.findUnique({ where: { slug: value }, select: { slug: true, title: true } });
    return row && { value: row.slug, label: row.title };
  }
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  if (kind === "actors") {
    const row = await prisma.actor.findUnique({ where: { id }, select: { id: true, name: true } });
    return row && { value: String(row.id), label: row.name };
  }
  const row = await prisma.topic.findUnique({ where: { id }, select: { id: true, title: true } });
  return row && { value: String(row.id), label: row.title };
}

const TABLES: Record<PickerKind, string> = { sources: "sources", actors: "actors", topics: "topics" };

/**
 * The whole list when it is short, else just the entry `selected` names (a slug or id).
 * Whether the list is short is asked first, without sorting: sorting 40,000 titles to take
 * the first 501 cost every claims page ~10 ms of a request on two cores.
 */
export async function pickerFor(kind: PickerKind, selected: string | number | undefined, prisma: Db = db()): Promise<Picker> {
  const [{ long }] = await prisma.$queryRawUnsafe<{ long: boolean }[]>(
    `SELECT count(*) > ${PICKER_LIST_LIMIT} AS long FROM (SELECT 1 FROM ${TABLES[kind]} LIMIT ${PICKER_LIST_LIMIT + 1}) entries`,
  );
  if (!long) return { mode: "list", options: await firstOptions(prisma, kind, PICKER_LIST_LIMIT) };
  const value = selected === undefined ? undefined : String(selected);
  return { mode: "search", selected: value === undefined ? null : await optionFor(prisma, kind, value) };
}

/** Entries whose title or name contains `q` (case-insensitive), those starting with it first. */
export async function searchPicker(kind: PickerKind, q: string, prisma: Db = db()): Promise<PickerOption[]> {
  if (!q) return firstOptions(prisma, kind, PICKER_SEARCH_LIMIT);
  const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const prefix = `${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const [table, value, label] =
    kind === "sources" ? ["sources", "slug", "title"] : kind === "actors" ? ["actors", "id::text", "name"] : ["topics", "id::text", "title"];
  return prisma.$queryRawUnsafe<PickerOption[]>(
    `SELECT ${value} AS value, ${label} AS label FROM ${table}
     WHERE ${label} ILIKE $1 ${kind === "actors" ? "OR array_to_string(aliases, ' ') ILIKE $1" : ""}
     ORDER BY (${label} ILIKE $2) DESC, ${label}, id LIMIT ${PICKER_SEARCH_LIMIT}`,
    pattern,
    prefix,
  );
}

/** Speakers for the claim editor's list, or null when there are too many to send (search instead). */
export async function editorActorChoices(prisma: Db = db()): Promise<{ id: number; label: string }[] | null> {
  const picker = await pickerFor("actors", undefined, prisma);
  return picker.mode === "list" ? picker.options.map((option) => ({ id: Number(option.value), label: option.label })) : null;
}
