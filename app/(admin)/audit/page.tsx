import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { AUDIT_ENTITIES, auditFilterSchema } from "@/lib/audit/schema";
import { listAuditEvents } from "@/lib/audit/queries";
import { diffFields } from "@/lib/audit/diff";
import { listUserEmails } from "@/lib/users/queries";
import { ChangeList } from "../_components/change-list";
import { formatTime } from "@/lib/format/time";
import { ExportButton } from "../_components/export-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageRole("admin");
  const raw = await searchParams;
  const input = { user: single(raw.user), entity: single(raw.entity), from: single(raw.from), to: single(raw.to), before: single(raw.before) };
  const parsed = auditFilterSchema.safeParse(input);
  const users = await listUserEmails();
  const filters = parsed.success ? parsed.data : {};
  const { events, hasMore } = parsed.success ? await listAuditEvents(filters) : { events: [], hasMore: false };
  const olderQuery = new URLSearchParams(
    Object.entries({ ...input, before: events.at(-1) ? String(events.at(-1)!.id) : undefined }).filter((entry): entry is [string, string] => !!entry[1]),
  );

  return (
    <section>
      <div className="page-title-row">
        <h1>Audit log</h1>
        <ExportButton kind="audit" searchParams={raw} />
      </div>
      <form className="filters" method="get">
        <label>
          User
          <select name="user" defaultValue={input.user ?? ""}>
            <option value="">Anyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.email}
              </option>
            ))}
          </select>
        </label>
        <label>
          Entity
          <select name="entity" defaultValue={input.entity ?? ""}>
            <option value="">Any</option>
            {AUDIT_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {entity}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" name="from" defaultValue={input.from ?? ""} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={input.to ?? ""} />
        </label>
        <button type="submit">Filter</button>
        <Link href="/audit">Clear</Link>
      </form>
      {!parsed.success && (
        <p role="alert" className="error">
          {parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join(" ")}
        </p>
      )}
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Entity</th>
            <th scope="col">Action</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={String(event.id)}>
              <td>
                <time dateTime={event.createdAt.toISOString()}>{formatTime(event.createdAt)}</time>
              </td>
              <td>{event.user?.email ?? "system"}</td>
              <td>
                {event.entityType}
                {event.entityId && ` #${event.entityId}`}
              </td>
              <td>{event.action.replaceAll("_", " ")}</td>
              <td>
                <ChangeList changes={diffFields(event.before, event.after)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {parsed.success && events.length === 0 && <p>No events match these filters.</p>}
      {hasMore && (
        <p>
          <Link href={`/audit?${olderQuery.toString()}`}>Older events →</Link>
        </p>
      )}
    </section>
  );
}
