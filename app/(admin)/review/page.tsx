import Link from "next/link";
import { z } from "zod";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getClaimDetail, QUEUE_ORDERS, queueFilters } from "@/lib/claims/queries";
import { handOutQueueClaim, REVIEW_LEASE_RENEW_MS } from "@/lib/claims/leases";
import { editorChoices, pickerFor } from "@/lib/pickers/queries";
import { CLAIM_STATUSES, claimFiltersQuery, parseClaimFilters } from "@/lib/claims/schema";
import { STATUS_LABELS } from "@/lib/claims/labels";
import { ClaimFacts } from "../_components/claim-facts";
import { ClaimSummary } from "../_components/claim-summary";
import { QuoteInContext } from "../_components/quote-in-context";
import { SourceMeta } from "../_components/source-meta";
import { LastDecision, ReviewControls } from "../_components/review-controls";
import { AssignControl } from "../_components/assign-control";
import { listAssignableEditors } from "@/lib/assignments/queries";
import { SearchSelect } from "../_components/search-select";
import { recordId } from "@/lib/validation/zod";
import { IgnoredFilters } from "../_components/ignored-filters";

export const dynamic = "force-dynamic";
export const metadata = { title: "Review" };

const positionSchema = z.object({
  /** This claim exactly ("previous", a link, staying on a refused decision). */
  at: recordId("Not a claim id").optional().catch(undefined),
  /** The first claim after this one that no other editor holds ("next", after a decision). */
  after: recordId("Not a claim id").optional().catch(undefined),
  /** The claim decided just before this one: "previous" returns to it, to undo a slip. */
  last: recordId("Not a claim id").optional().catch(undefined),
  /** Most check-worthy first (the default) or each source in text order. */
  order: z.enum(QUEUE_ORDERS).default("worth").catch("worth"),
});

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("viewer");
  const editor = canEdit(user);
  const raw = await searchParams;
  const { value: filters, ignored } = parseClaimFilters(raw);
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const { at, after, last, order } = positionSchema.parse({ at: first(raw.at), after: first(raw.after), last: first(raw.last), order: first(raw.order) });
  // Editors are handed a claim nobody else holds, leased to them while the card is open.
  const [{ position, heldBy }, sources] = await Promise.all([
    handOutQueueClaim(filters, order, { at, after }, editor ? user.id : undefined),
    pickerFor("sources", filters.source),
  ]);
  const [detail, actors, topics, editors] = await Promise.all([
    position.claimId ? getClaimDetail(position.claimId) : null,
    editor ? editorChoices("actors") : [],
    editor ? editorChoices("topics") : [],
    editor ? listAssignableEditors() : null,
  ]);
  const effective = queueFilters(filters);
  const orderParam = order === "worth" ? undefined : order;
  const href = (id: number | null) => `/review${claimFiltersQuery(filters, { at: id ?? undefined, order: orderParam })}`;
  const afterHref = (id: number, decided?: number) => `/review${claimFiltersQuery(filters, { after: id, last: decided, order: orderParam })}`;

  return (
    <section className="review">
      <div className="page-title-row">
        <h1>Review queue</h1>
        <p className="muted" data-testid="queue-remaining">
          {position.remainingCapped ? `More than ${position.remaining.toLocaleString("en")}` : position.remaining}{" "}
          {STATUS_LABELS[effective.status!].toLowerCase()} {position.remaining === 1 ? "claim" : "claims"} left
        </p>
      </div>
      <form method="get" action="/review" className="filters" aria-label="Filter the queue">
        {sources.mode === "list" ? (
          <label>
            Source
            <select name="source" defaultValue={filters.source ?? ""}>
              <option value="">All sources</option>
              {sources.options.map((source) => (
                <option key={source.value} value={source.value}>
                  {source.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <SearchSelect name="source" label="Source" kind="sources" selected={sources.selected} placeholder="All sources — type to search" />
        )}
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">Unreviewed (default)</option>
            {CLAIM_STATUSES.filter((status) => status !== "unreviewed").map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select name="order" defaultValue={order}>
            <option value="worth">Most check-worthy first</option>
            <option value="source">Source, in text order</option>
          </select>
        </label>
        <label className="grow">
          Search
          <input type="search" name="q" defaultValue={filters.q ?? ""} />
        </label>
        {/* A claims-table filter for another editor's claims rides along instead of My queue. */}
        {editor && (filters.assignee === undefined || filters.assignee === user.id) ? (
          <label>
            <input type="checkbox" name="assignee" value={user.id} defaultChecked={filters.assignee === user.id} data-testid="my-queue" /> My queue
          </label>
        ) : (
          filters.assignee !== undefined && <input type="hidden" name="assignee" value={String(filters.assignee)} />
        )}
        {/* Filters set in the claims table ride along unchanged. */}
        {(["speaker", "topic", "stance", "sourceStance", "attribution", "credibility", "origin", "citedVia"] as const).map((key) =>
          filters[key] !== undefined ? <input key={key} type="hidden" name={key} value={String(filters[key])} /> : null,
        )}
        <button type="submit">Filter</button>
        <Link href={`/claims${claimFiltersQuery(effective, { sort: order === "worth" ? "worth" : undefined })}`}>Open as table</Link>
        {editor && <Link href="/my-work">My work</Link>}
      </form>
      <IgnoredFilters ignored={ignored} />
      <LastDecision />

      {!detail ? (
        <div className="empty-queue">
          <h2>Nothing left to review here</h2>
          <p>
            No {STATUS_LABELS[effective.status!].toLowerCase()} claims match these filters
            {filters.assignee === user.id ? " among the claims assigned to you" : ""}. <Link href="/">Back to the dashboard</Link>.
          </p>
        </div>
      ) : (
        <article className="review-card" aria-labelledby="review-claim-title" data-claim-id={detail.claim.id} data-testid="review-card">
          <header>
            <h2 id="review-claim-title">
              Claim <Link href={`/claims/${detail.claim.id}`}>#{detail.claim.id}</Link> <span className="muted">in</span>{" "}
              <Link href={`/sources/${detail.claim.source.slug}?claim=${detail.claim.id}`}>{detail.claim.source.title}</Link>
            </h2>
            <SourceMeta source={detail.claim.source} />
          </header>
          {heldBy && (
            <p className="notice" role="status" data-testid="lease-notice">
              {heldBy.name} has this claim open in the review queue. Press j for the next claim nobody holds.
            </p>
          )}
          <QuoteInContext paragraph={detail.paragraph} status={detail.claim.status} />
          <ClaimSummary {...detail.claim} />
          <AssignControl target={{ kind: "claim", id: detail.claim.id }} assignment={detail.claim.assignment} editors={editors} canEdit={editor} />
          <ReviewControls
            key={detail.claim.id}
            claimId={detail.claim.id}
            version={detail.claim.version}
            status={detail.claim.status}
            stance={detail.claim.stance}
            topicTitle={detail.claim.topic?.title ?? null}
            canEdit={editor}
            nextHref={position.nextId ? afterHref(detail.claim.id) : null}
            prevHref={last && last !== position.claimId ? href(last) : position.prevId ? href(position.prevId) : null}
            afterDecisionHref={afterHref(detail.claim.id, detail.claim.id)}
            stayHref={href(detail.claim.id)}
            leaseRenewMs={editor ? REVIEW_LEASE_RENEW_MS : null}
            sourceHref={`/sources/${detail.claim.source.slug}?claim=${detail.claim.id}`}
            editorHref={`/claims/${detail.claim.id}`}
            editor={
              editor
                ? {
                    snapshot: detail.snapshot,
                    actors,
                    topics,
                  }
                : undefined
            }
          />
          {!editor && <ClaimFacts {...detail.claim} />}
        </article>
      )}
    </section>
  );
}
