// Zod helpers for what forms and URL search parameters send: every schema that reads them
// treats a blank field, a number typed into a form and an optional text the same way.
// Plain zod only: client components import the schemas built from these.
import { z } from "zod";

/**
 * A blank field means "not given": an empty or whitespace-only string ("" from an unselected
 * <select> or a cleared input), or null (FormData.get of a missing field) becomes undefined.
 */
export const blankToUndefined = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);

/** An optional field whose blank value means "not given" (see blankToUndefined). */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** A whole number typed into a form, with one message for "not a number" and "not whole". */
export const formInt = (message: string) => z.coerce.number({ error: message }).int(message);

/** Text trimmed, and null when blank or missing: how an optional text column is saved. */
export const trimmedOrNull = (value: unknown) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim()) : (value ?? null));

/** An optional text field saved as null when blank, at most `max` characters. */
export const nullableText = (max: number, label: string) =>
  z.preprocess(trimmedOrNull, z.string().max(max, `${label} is limited to ${max} characters`).nullable());

/** The values of a generated enum object as the tuple z.enum takes. */
export const enumValues = <T extends Record<string, string>>(enumObject: T) => Object.values(enumObject) as [T[keyof T], ...T[keyof T][]];

/** A list's search box (`q`): trimmed, optional, at most 200 characters. */
export const searchText = () => optional(z.string().trim().max(200, "Search is limited to 200 characters"));
