import Link from "next/link";
import { notFound } from "next/navigation";
import { idParamsSchema } from "@/lib/validation/zod";
import { canEdit } from "@/lib/auth/roles";
import { RELIABILITY_LABELS, reliabilityText } from "@/lib/claims/labels";
import { requirePageRole } from "@/lib/auth/session";
import { getActorDetail } from "@/lib/actors/queries";
import { ACTOR_KIND_LABELS } from "@/lib/actors/labels";
import { STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { HistoryPanel } from "../../_components/history-panel";
import { ActorForm, MergeActorForm, SuggestedMerges } from "../../_components/actor-forms";
import { countOf } from "@/lib/format/plural";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idParamsSchema.safeParse(await params);
  return { title: parsed.success ? `Actor #${parsed.data.id}` : "Actor" };
}

export default async function ActorPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageRole("viewer");
  const parsed = idParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const detail = await getActorDetail(parsed.data.id);
  if (!detail) notFound();
  const { actor, claimCount, snapshot, mergeCandidates, possibleDuplicates } = detail;
  const editor = canEdit(user);
  return (
    <section className="narrow">
      <p className="breadcrumbs">
        <Link href="/actors">Actors</Link>
      </p>
      <h1>{actor.name}</h1>
      <p className="muted">
        {ACTOR_KIND_LABELS[actor.kind]} · <span title={RELIABILITY_LABELS[actor.reliability]}>reliability {reliabilityText(actor.reliability)}</span> ·{" "}
        <Link href={`/claims?speaker=${actor.id}`}>{countOf(claimCount, "claim", "claims")}</Link>
        {actor.aliases.length > 0 && <> · also written {actor.aliases.join(", ")}</>}
      </p>
      {possibleDuplicates.length > 0 && (
        <section aria-labelledby="duplicates-heading" className="card">
          <h2 id="duplicates-heading">Possibly the same actor</h2>
          <p className="muted small">
            Spelled almost alike. Merge only if they are one {actor.kind === "person" ? "person" : "actor"}; nothing is merged on its own.
          </p>
          {editor ? (
            <SuggestedMerges keptId={actor.id} keptName={actor.name} keptVersion={actor.version} suggestions={possibleDuplicates} />
          ) : (
            <ul className="plain-list" data-testid="possible-duplicates">
              {possibleDuplicates.map((row) => (
                <li key={row.id}>
                  Possibly the same as <Link href={`/actors/${row.id}`}>{row.name}</Link>{" "}
                  <span className="muted">({countOf(row.claims, "claim", "claims")})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {editor ? (
        <>
          <ActorForm key={actor.id} actorId={actor.id} snapshot={snapshot} />
          <section aria-labelledby="merge-heading" className="card">
            <h2 id="merge-heading">Merge a duplicate</h2>
            <MergeActorForm keptId={actor.id} keptName={actor.name} keptVersion={actor.version} candidates={mergeCandidates} />
          </section>
        </>
      ) : (
        actor.notes && <p>{actor.notes}</p>
      )}
      <section aria-labelledby="actor-claims">
        <h2 id="actor-claims">Claims</h2>
        {claimCount > actor.claims.length && (
          <p className="muted small" data-testid="actor-claims-shown">
            The first {actor.claims.length} of {claimCount.toLocaleString("en")}, in source order ·{" "}
            <Link href={`/claims?speaker=${actor.id}`}>All of them in the claims table</Link>
          </p>
        )}
        {actor.claims.length === 0 ? (
          <p className="muted">No claims.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Quote</th>
                <th scope="col">Source</th>
                <th scope="col">Stance</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {actor.claims.map((claim) => (
                <tr key={claim.id}>
                  <td>
                    <Link href={`/claims/${claim.id}`}>{claim.id}</Link>
                  </td>
                  <td>
                    <Link href={`/sources/${claim.source.slug}?claim=${claim.id}`}>{claim.quote}</Link>
                    {claim.citedVia && <div className="muted small">via {claim.citedVia}</div>}
                  </td>
                  <td className="small">{claim.source.title}</td>
                  <td>
                    <span className={`stance stance-${claim.stance}`}>{STANCE_LABELS[claim.stance]}</span>
                  </td>
                  <td>
                    <span className={`status-pill status-${claim.status}`}>{STATUS_LABELS[claim.status]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <HistoryPanel entityType="actor" entityId={actor.id} />
    </section>
  );
}
