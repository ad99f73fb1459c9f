// Import of a JSON-LD export into an empty database: every node is validated (its table's zod
// schema, unique ids, references to nodes in the file, anchors against their source text) before
// anything is written; then every row is written in one transaction, ids kept, the id sequences
// moved past them, and the reuse lookup's fingerprints rebuilt from the texts. A bad file is refused with the node and field named, and nothing is written.
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { ValidationError } from "@/lib/errors";
import { DATASET_ID, FORMAT_VERSION, JSONLD_CONTEXT } from "@/lib/jsonld/context";
import { NODE_ID_BASE, insertSql, type Columns, type ParsedNode } from "@/lib/jsonld/fields";
import { TABLE_MAPPERS, mapperForPrefix } from "@/lib/jsonld/registry";
import { sourcesMapper } from "@/lib/jsonld/mappers/sources";
import { fingerprintKeys } from "@/lib/reuse/signature";
import { tokenize } from "@/lib/reuse/shingles";

const INSERT_BATCH = 200;
/** Problems listed in one refusal; the rest are counted. */
const MAX_PROBLEMS = 20;

export interface JsonLdImportReport {
  /** Rows written per table. */
  rows: Record<string, number>;
}

export class JsonLdImportError extends ValidationError {
  constructor(readonly problems: string[]) {
    super(`The file was not imported; nothing was written.\n${problems.join("\n")}`, { file: problems });
  }
}

function describeNode(index: number, node: unknown): string {
  const id =
    typeof node === "object" && node !== null && typeof (node as { "@id"?: unknown })["@id"] === "string" ? (node as { "@id": string })["@id"] : undefined;
  return `node ${index + 1} of @graph${id ? ` (${id})` : ""}`;
}

/** The prefixes every file must declare as Claimbase does; the coercions may be fewer (a file from before a table was added). */
const REQUIRED_TERMS = ["@version", "schema", "oa", "xsd", "cb"];

function contextProblem(context: unknown): string | undefined {
  if (typeof context !== "object" || context === null || Array.isArray(context)) return "@context: expected Claimbase's inline context (an object)";
  const given = context as Record<string, unknown>;
  for (const key of [...REQUIRED_TERMS, ...Object.keys(given)]) {
    if (JSON.stringify(given[key]) !== JSON.stringify(JSONLD_CONTEXT[key])) {
      return `@context: "${key}" is ${given[key] === undefined ? "missing" : JSON.stringify(given[key])}, Claimbase's context has ${JSON.stringify(JSONLD_CONTEXT[key]) ?? "no such term"}`;
    }
  }
  return undefined;
}

/** Reads and checks a whole file; throws JsonLdImportError listing what is wrong. */
export function validateJsonLd(text: string): ParsedNode[] {
  let document: unknown;
  try {
    // A byte-order mark is not JSON, but editors' tools add one.
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new JsonLdImportError([`The file is not JSON: ${(error as Error).message}`]);
  }
  if (typeof document !== "object" || document === null || Array.isArray(document))
    throw new JsonLdImportError(["The file is not a JSON-LD document (an object with @context and @graph)."]);
  const { "@context": context, "@graph": graph, ...rest } = document as Record<string, unknown>;
  const wrongContext = contextProblem(context);
  if (wrongContext) throw new JsonLdImportError([wrongContext]);
  if (!Array.isArray(graph)) throw new JsonLdImportError(["@graph: missing, or not a list of nodes"]);
  if (Object.keys(rest).length) throw new JsonLdImportError([`Unexpected top-level ${Object.keys(rest).join(", ")}: only @context and @graph belong there`]);

  const problems: string[] = [];
  const note = (message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
    else if (problems.length === MAX_PROBLEMS) problems.push("… and more");
  };
  // Grouped by table so sources are read (and their texts known) before the claims anchored in them.
  const byPrefix = new Map<string, Array<{ index: number; node: unknown }>>();
  let dataset = 0;
  graph.forEach((node, index) => {
    const id = typeof node === "object" && node !== null ? (node as { "@id"?: unknown })["@id"] : undefined;
    if (id === DATASET_ID) {
      dataset++;
      const version = (node as Record<string, unknown>)["cb:formatVersion"];
      if (version !== FORMAT_VERSION)
        note(`${describeNode(index, node)}, field cb:formatVersion: this Claimbase reads format ${FORMAT_VERSION}, the file says ${JSON.stringify(version)}`);
      return;
    }
    const prefix = typeof id === "string" && id.startsWith(NODE_ID_BASE) ? id.slice(NODE_ID_BASE.length).split(":")[0]! : "";
    if (!mapperForPrefix(prefix)) {
      note(`${describeNode(index, node)}, field @id: ${typeof id === "string" ? `not a Claimbase node (expected ${NODE_ID_BASE}<kind>:<id>)` : "missing"}`);
      return;
    }
    const list = byPrefix.get(prefix) ?? [];
    list.push({ index, node });
    byPrefix.set(prefix, list);
  });
  if (dataset !== 1) note(`@graph: expected one ${DATASET_ID} node, found ${dataset}`);

  const parsed: ParsedNode[] = [];
  const seen = new Map<string, number>();
  const sourceTexts = new Map<number, string>();
  const importContext = { sourceText: (id: number) => sourceTexts.get(id) };
  for (const mapper of TABLE_MAPPERS) {
    for (const { index, node } of byPrefix.get(mapper.prefix) ?? []) {
      const result = mapper.parse(node, importContext);
      if (!result.ok) {
        for (const problem of result.problems) note(`${describeNode(index, node)}, field ${problem.property}: ${problem.message}`);
        continue;
      }
      const earlier = seen.get(result.node.id);
      if (earlier !== undefined) {
        note(`${describeNode(index, node)}, field @id: the same id as node ${earlier + 1}`);
        continue;
      }
      seen.set(result.node.id, index);
      if (mapper === sourcesMapper) sourceTexts.set(Number(result.node.columns.id!.value), result.node.columns.text!.value as string);
      parsed.push(result.node);
    }
  }
  for (const node of parsed) {
    for (const reference of node.references) {
      if (!seen.has(reference.id))
        note(`node ${seen.get(node.id)! + 1} of @graph (${node.id}), field ${reference.property}: refers to ${reference.id}, which is not in the file`);
    }
  }
  if (problems.length) throw new JsonLdImportError(problems);
  return parsed;
}

/** The reuse lookup's band keys (lib/reuse), computed from each source's text as detection stores them. */
async function rebuildSourceFingerprints(client: pg.ClientBase, nodes: readonly ParsedNode[]): Promise<void> {
  for (const node of nodes) {
    if (node.mapper !== sourcesMapper) continue;
    const keys = fingerprintKeys(tokenize(node.columns.text!.value as string));
    if (keys.length === 0) continue;
    const query = Prisma.sql`
      INSERT INTO source_fingerprints (key, source_id, text_sha256)
      SELECT unnest(${keys.map(String)}::bigint[]), ${node.columns.id!.value}::integer, ${node.columns.text_sha256!.value}
      ON CONFLICT DO NOTHING`;
    await client.query(query.text, query.values);
  }
}

/** Writes validated nodes into an empty database, in one transaction. */
export async function importJsonLd(client: pg.ClientBase, text: string, options: { log?: (line: string) => void } = {}): Promise<JsonLdImportReport> {
  const nodes = validateJsonLd(text);
  const rows: Record<string, number> = {};
  await client.query("BEGIN");
  try {
    const occupied: string[] = [];
    for (const mapper of TABLE_MAPPERS) {
      const { rows: found } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${mapper.table}) AS "any"`);
      if ((found[0] as { any: boolean }).any) occupied.push(mapper.table);
    }
    if (occupied.length) {
      throw new ValidationError(
        `The database is not empty (${occupied.join(", ")} hold rows): a JSON-LD export is imported only into an empty database, so nothing is overwritten. Create a new database, run npm run db:migrate, and import there.`,
      );
    }
    for (const mapper of TABLE_MAPPERS) {
      const batch: Columns[] = [];
      const flush = async () => {
        if (!batch.length) return;
        const query = insertSql(mapper.table, batch);
        await client.query(query.text, query.values);
        batch.length = 0;
      };
      let count = 0;
      for (const node of nodes) {
        if (node.mapper !== mapper) continue;
        batch.push(node.columns);
        count++;
        if (batch.length === INSERT_BATCH) await flush();
      }
      await flush();
      rows[mapper.table] = count;
      if (mapper.key.length === 1 && mapper.key[0] === "id") {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${mapper.table}', 'id'), coalesce((SELECT max(id) FROM ${mapper.table}), 1), (SELECT count(*) > 0 FROM ${mapper.table}))`,
        );
      }
      options.log?.(`${mapper.table}: ${count}`);
    }
    await rebuildSourceFingerprints(client, nodes);
    const audit = Prisma.sql`INSERT INTO audit_events (entity_type, entity_id, action, after) VALUES ('import', 'jsonld', 'import_jsonld', ${JSON.stringify({ rows })}::jsonb)`;
    await client.query(audit.text, audit.values);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  return { rows };
}
