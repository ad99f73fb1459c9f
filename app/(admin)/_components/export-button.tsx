// The Export control every list page carries: downloads exactly the rows the page's URL
// filters select, or the whole list. Rendered on the server, where it knows which URL
// parameters are filters of the kind (page cursors and the like are left out).
import { EXPORT_DEFINITIONS, filterParams, type ExportKind } from "@/lib/export/kinds";
import { ExportMenu } from "@/app/(admin)/_components/export-menu";

export interface ExportButtonProps {
  kind: ExportKind;
  /** The page's (awaited) searchParams. */
  searchParams?: Record<string, string | string[] | undefined>;
  /**
   * Filters the page applies when its URL leaves them out (the contradictions list shows
   * candidates by default: `{ status: "candidate" }`). An export without a filter holds everything.
   */
  defaults?: Record<string, string>;
}

export function ExportButton({ kind, searchParams = {}, defaults = {} }: ExportButtonProps) {
  const definition = EXPORT_DEFINITIONS[kind];
  const filters: [string, string][] = [];
  for (const key of filterParams(definition)) {
    const value = searchParams[key];
    const first = (Array.isArray(value) ? value[0] : value) ?? defaults[key];
    if (first === undefined || first.trim() === "") continue;
    // A list page ignores a filter value it cannot parse (and says so); the export link
    // leaves it out too, so the file holds what the page shows instead of failing.
    if (!definition.filterSchema.shape[key]!.safeParse(first).success) continue;
    filters.push([key, first]);
  }
  return <ExportMenu kind={kind} filters={filters} />;
}
