// The stored form of reused passages (source_reuse.passages), read back through zod.
import { z } from "zod";
import type { ReusePassage } from "@/lib/reuse/shingles";

const offset = z.number().int().min(0);
export const reusePassagesSchema = z.array(z.object({ start: offset, end: offset, originalStart: offset, originalEnd: offset }));

export function readPassages(value: unknown): ReusePassage[] {
  const parsed = reusePassagesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}
