// Command-line arguments of `npm run export`, turned into the search parameters the HTTP
// export would carry, so both go through the same validation.
import { ValidationError } from "@/lib/errors";
import { EXPORT_DEFINITIONS, EXPORT_KINDS, filterParams } from "@/lib/export/kinds";

const BOOLEAN_FLAGS: Record<string, [string, string]> = { bom: ["bom", "1"], raw: ["formulas", "keep"], labels: ["labels", "1"] };

export function usage(): string {
  const kinds = EXPORT_KINDS.map((kind) => {
    const definition = EXPORT_DEFINITIONS[kind];
    const filters = filterParams(definition)
      .map((name) => `--${name}`)
      .join(" ");
    return `  ${kind.padEnd(15)}${definition.description}${definition.role === "admin" ? " (admins, in the app)" : ""}\n  ${"".padEnd(15)}filters: ${filters}`;
  }).join("\n");
  return `usage: npm run export -- <kind> [filters] [--format csv|ndjson] [--bom] [--labels] [--raw] [--columns a,b,…] [--out FILE]

kinds:
${kinds}
  ${"jsonld".padEnd(15)}the whole database as JSON-LD (schema.org, Web Annotation), for npm run import:jsonld
  ${"".padEnd(15)}no filters; --out FILE only

  --out FILE     write to FILE (created only when the export completes); default: standard output
  --bom          start the CSV with a UTF-8 byte-order mark (for Excel)
  --labels       write codes as the app shows them ("Author's voice", "In review")
  --raw          keep cells that start with = + - @ as they are (no leading ')
  --format       csv (default) or ndjson
  --columns      a comma-separated subset of the kind's columns, in the order wanted
Filters take the same values as the list pages' URL parameters.`;
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

export interface CliArguments {
  kind: string | undefined;
  params: URLSearchParams;
  out: string | undefined;
  help: boolean;
}

export function parseCliArguments(argv: readonly string[]): CliArguments {
  const params = new URLSearchParams();
  let kind: string | undefined;
  let out: string | undefined;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--help" || argument === "-h") {
      help = true;
      continue;
    }
    if (!argument.startsWith("--")) {
      if (kind !== undefined) throw new ValidationError(`Unexpected argument "${argument}": give one kind, then --name value filters`);
      kind = argument;
      continue;
    }
    const equals = argument.indexOf("=");
    const name = camelCase(argument.slice(2, equals === -1 ? undefined : equals));
    if (equals === -1 && name in BOOLEAN_FLAGS) {
      const [key, value] = BOOLEAN_FLAGS[name]!;
      params.append(key, value);
      continue;
    }
    let value: string;
    if (equals !== -1) value = argument.slice(equals + 1);
    else {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith("--")) throw new ValidationError(`--${name} needs a value`);
      value = next;
      index++;
    }
    if (name === "out") out = value;
    else params.append(name, value);
  }
  return { kind, params, out, help };
}
