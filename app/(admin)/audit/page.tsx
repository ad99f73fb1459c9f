import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { AUDIT_ENTITIES, auditFilterSchema } from "@/lib/audit/schema";
import { listAuditEvents } from "@/lib/audit/queries";
import { describeAction, describeChanges } from "@/lib/audit/describe";
import { listUserEmails } from "@/lib/users/queries";
import { parseWithProblems } from "@/lib/claims/schema";
import { ChangeList } from "../_components/change-list";
import { formatTime } from "@/lib/format/time";
import { ExportButton } from "../_components/export-button";
import { IgnoredFilters } from "../_components/ignored-filters";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("admin");
  const raw = await searchParams;
  const { value: filters, ignored } = parseWithProblems(auditFilterSchema, raw);
  const [users, { events, hasMore }] = await Promise.all([listUserEmails(), listAuditEvents(filters)]);
  const query = (extra: Record<string, string | undefined>) =>
    new URLSearchParams(
      Object.entries({ user: filters.user?.toString(), entity: filters.entity, from: filters.from, to: filters.to, ...extra }).filter(
        (entry): entry is [string, string] => !!entry[1],
      ),
    );
  const filtered = [filters.user, filters.entity, filters.from, filters.to].some((value) => value !== undefined);

  return (
    <section className="audit">
      <div className="page-title-row">
        <h1>Audit log</h1>
        <ExportButton kind="audit" searchParams={raw} />
      </div>
      <form className="filters" method="get" action="/audit" aria-label="Filter the audit log">
        <label>
          User
          <select name="user" defaultValue={filters.user ?? ""}>
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
          <select name="entity" defaultValue={filters.entity ?? ""}>
            <option value="">Any</option>
            {AUDIT_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {entity}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        <div className="button-row">
          <button type="submit">Filter</button>
          {filtered && <Link href="/audit">Clear filters</Link>}
        </div>
      </form>
      <IgnoredFilters ignored={ignored} />
      <div className="table-scroll" role="region" aria-label="Audit events" tabIndex={0}>
        <table className="table audit-table" data-testid="audit-table">
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
                <td>{describeAction(event.action)}</td>
                <td>
                  <ChangeList changes={describeChanges(event.entityType, event.before, event.after)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length === 0 && <p>No events match these filters.</p>}
      {hasMore && (
        <p>
          <Link href={`/audit?${query({ before: String(events.at(-1)!.id) })}`}>Older events →</Link>
        </p>
      )}
    </section>
  );
}
