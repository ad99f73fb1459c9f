// Zod helpers so every schema reading forms and URL parameters treats blanks and numbers the same way.
// Plain zod only: client components import the schemas built from these.
import { z } from "zod";

/** "" from an unselected <select> and null from FormData.get of a missing field both mean "not given". */
export const blankToUndefined = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);

export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const formInt = (message: string) => z.coerce.number({ error: message }).int(message);

export const trimmedOrNull = (value: unknown) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim()) : (value ?? null));

export const nullableText = (max: number, label: string) =>
  z.preprocess(trimmedOrNull, z.string().max(max, `${label} is limited to ${max} characters`).nullable());

export const enumValues = <T extends Record<string, string>>(enumObject: T) => Object.values(enumObject) as [T[keyof T], ...T[keyof T][]];

export const searchText = () => optional(z.string().trim().max(200, "Search is limited to 200 characters"));
