import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getClaimCluster } from "@/lib/contradictions/queries";
import { claimIdParamSchema } from "@/lib/contradictions/schema";
import { CONTRADICTION_STATUS_LABELS, KIND_LABELS } from "@/lib/contradictions/labels";
import { ClaimColumn } from "../../_components/claim-column";
import { LinkContradiction } from "../../_components/link-contradiction";
import styles from "../../_components/contradictions.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ claimId: string }> }) {
  const parsed = claimIdParamSchema.safeParse(await params);
  return { title: parsed.success ? `Conflicts with claim #${parsed.data.claimId}` : "Conflicts" };
}

/** A claim and everything that contradicts it, in columns: confirmed first, dismissed last. */
export default async function ClusterPage({ params }: { params: Promise<{ claimId: string }> }) {
  const user = await requirePageRole("viewer");
  const parsed = claimIdParamSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const cluster = await getClaimCluster(parsed.data.claimId);
  if (!cluster) notFound();

  return (
    <section>
      <p className="breadcrumbs">
        <Link href="/contradictions">Contradictions</Link>
      </p>
      <h1>Claim #{cluster.claim.id} and what conflicts with it</h1>
      <p className="muted">
        {cluster.others.length === 0
          ? "No claim is paired with this one yet."
          : `${cluster.others.length} ${cluster.others.length === 1 ? "claim is" : "claims are"} paired with it.`}
      </p>
      <div className={styles.columns} data-testid="cluster">
        <ClaimColumn claim={cluster.claim} label="This claim" />
        {cluster.others.map(({ pair, claim }) => (
          <ClaimColumn
            key={pair.id}
            claim={claim}
            label={`${KIND_LABELS[pair.kind]} · ${CONTRADICTION_STATUS_LABELS[pair.status]}`}
            rank={pair.preferredClaimId === null ? null : pair.preferredClaimId === claim.id ? "preferred" : "deprecated"}
          >
            <div className={styles.pairNote}>
              {pair.explanation && <p>{pair.explanation}</p>}
              {pair.rationale && (
                <p>
                  <strong>Rationale:</strong> {pair.rationale}
                </p>
              )}
              <Link href={`/contradictions/${pair.id}`}>Compare the two and review</Link>
            </div>
          </ClaimColumn>
        ))}
      </div>
      {canEdit(user) && (
        <div className="card narrow">
          <LinkContradiction claimId={cluster.claim.id} />
        </div>
      )}
    </section>
  );
}
