// The Export control of every list page: downloads exactly the rows the page's URL filters select.
// Rendered on the server, where it knows which URL parameters are filters of the kind.
import { EXPORT_DEFINITIONS, filterParams, type ExportKind } from "@/lib/export/kinds";
import { ExportMenu } from "@/app/(admin)/_components/export-menu";

export interface ExportButtonProps {
  kind: ExportKind;
  searchParams?: Record<string, string | string[] | undefined>;
  /** Filters the page applies when its URL leaves them out (contradictions: `{ status: "candidate" }`). */
  defaults?: Record<string, string>;
}

export function ExportButton({ kind, searchParams = {}, defaults = {} }: ExportButtonProps) {
  const definition = EXPORT_DEFINITIONS[kind];
  const filters: [string, string][] = [];
  for (const key of filterParams(definition)) {
    const value = searchParams[key];
    const first = (Array.isArray(value) ? value[0] : value) ?? defaults[key];
    if (first === undefined || first.trim() === "") continue;
    // The list page ignores a value it cannot parse, so the export does too instead of failing.
    if (!definition.filterSchema.shape[key]!.safeParse(first).success) continue;
    filters.push([key, first]);
  }
  return <ExportMenu kind={kind} filters={filters} />;
}
