// Picker options: a short list is sent whole as a <select>; past PICKER_LIST_LIMIT the picker searches
// /api/options/<kind> as the user types, since every <option> of a large corpus costs time and HTML.
import "server-only";
import { readDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { containing, startingWith } from "@/lib/db/sql";
import type { PickerKind, PickerOption } from "@/lib/pickers/schema";
import { recordId } from "@/lib/validation/zod";

export const PICKER_LIST_LIMIT = 100;
export const PICKER_SEARCH_LIMIT = 20;

export type Picker = { mode: "list"; options: PickerOption[] } | { mode: "search"; selected: PickerOption | null };

async function firstOptions(prisma: Db, kind: PickerKind, take: number): Promise<PickerOption[]> {
  switch (kind) {
    case "sources":
      return (await prisma.source.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], take, select: { slug: true, title: true } })).map((row) => ({
        value: row.slug,
        label: row.title,
      }));
    case "actors":
      return (await prisma.actor.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take, select: { id: true, name: true } })).map((row) => ({
        value: String(row.id),
        label: row.name,
      }));
    case "topics":
      return (await prisma.topic.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], take, select: { id: true, title: true } })).map((row) => ({
        value: String(row.id),
        label: row.title,
      }));
  }
}

async function optionFor(prisma: Db, kind: PickerKind, value: string): Promise<PickerOption | null> {
  if (kind === "sources") {
    const row = await prisma.source.findUnique({ where: { slug: value }, select: { slug: true, title: true } });
    return row && { value: row.slug, label: row.title };
  }
  const parsed = recordId("Not an id").safeParse(value);
  if (!parsed.success) return null;
  const id = parsed.data;
  if (kind === "actors") {
    const row = await prisma.actor.findUnique({ where: { id }, select: { id: true, name: true } });
    return row && { value: String(row.id), label: row.name };
  }
  const row = await prisma.topic.findUnique({ where: { id }, select: { id: true, title: true } });
  return row && { value: String(row.id), label: row.title };
}

/** Constants, never input. */
const COLUMNS: Record<PickerKind, { table: string; value: string; label: string }> = {
  sources: { table: "sources", value: "slug", label: "title" },
  actors: { table: "actors", value: "id::text", label: "name" },
  topics: { table: "topics", value: "id::text", label: "title" },
};

/** Asks whether the list is short first, without sorting: sorting every title would slow every claims page. */
export async function pickerFor(kind: PickerKind, selected: string | number | undefined, prisma: Db = readDb()): Promise<Picker> {
  const [{ long }] = await prisma.$queryRaw<{ long: boolean }[]>`
    SELECT count(*) > ${PICKER_LIST_LIMIT} AS long FROM (SELECT 1 FROM ${Prisma.raw(COLUMNS[kind].table)} LIMIT ${PICKER_LIST_LIMIT + 1}) entries`;
  if (!long) return { mode: "list", options: await firstOptions(prisma, kind, PICKER_LIST_LIMIT) };
  const value = selected === undefined ? undefined : String(selected);
  return { mode: "search", selected: value === undefined ? null : await optionFor(prisma, kind, value) };
}

export async function searchPicker(kind: PickerKind, q: string, prisma: Db = readDb()): Promise<PickerOption[]> {
  if (!q) return firstOptions(prisma, kind, PICKER_SEARCH_LIMIT);
  const pattern = containing(q);
  const table = Prisma.raw(COLUMNS[kind].table);
  const value = Prisma.raw(COLUMNS[kind].value);
  const label = Prisma.raw(COLUMNS[kind].label);
  const aliases = kind === "actors" ? Prisma.sql`OR array_to_string(aliases, ' ') ILIKE ${pattern}` : Prisma.empty;
  return prisma.$queryRaw<PickerOption[]>`
    SELECT ${value} AS value, ${label} AS label FROM ${table}
     WHERE ${label} ILIKE ${pattern} ${aliases}
     ORDER BY (${label} ILIKE ${startingWith(q)}) DESC, ${label}, id LIMIT ${PICKER_SEARCH_LIMIT}`;
}

/** A claim form's speakers or topics; null when there are too many to send (the field searches instead). */
export async function editorChoices(kind: "actors" | "topics", prisma: Db = readDb()): Promise<{ id: number; label: string }[] | null> {
  const picker = await pickerFor(kind, undefined, prisma);
  return picker.mode === "list" ? picker.options.map((option) => ({ id: Number(option.value), label: option.label })) : null;
}
