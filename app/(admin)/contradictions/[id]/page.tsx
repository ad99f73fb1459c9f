import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { getContradiction } from "@/lib/contradictions/queries";
import { idParamSchema } from "@/lib/contradictions/schema";
import { CONTRADICTION_STATUS_LABELS, KIND_LABELS } from "@/lib/contradictions/labels";
import { RULE_LABELS } from "@/lib/contradictions/rule-labels";
import { HistoryPanel } from "@/app/(admin)/_components/history-panel";
import { ClaimColumn } from "../_components/claim-column";
import { ReviewForm } from "../_components/review-form";
import styles from "../_components/contradictions.module.css";
import { assignmentOf, listAssignableEditors } from "@/lib/assignments/queries";
import { AssignControl } from "../../_components/assign-control";
import { CommentsPanel } from "../../_components/comments-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idParamSchema.safeParse(await params);
  return { title: parsed.success ? `Contradiction #${parsed.data.id}` : "Contradiction" };
}

export default async function ComparePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageRole("viewer");
  const parsed = idParamSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const pair = await getContradiction(parsed.data.id);
  if (!pair) notFound();
  const editor = canEdit(user);
  const [assignment, editors] = await Promise.all([assignmentOf(pair.assigneeId), editor ? listAssignableEditors() : null]);
  const rank = (claimId: number) => (pair.preferredClaimId === null ? null : pair.preferredClaimId === claimId ? "preferred" : "deprecated");

  return (
    <section>
      <p className="breadcrumbs">
        <Link href="/contradictions">Contradictions</Link>
      </p>
      <h1>Contradiction #{pair.id}</h1>
      <div className={styles.summary} data-testid="contradiction-summary">
        <p>
          <span className="badge">{KIND_LABELS[pair.kind]}</span>{" "}
          <span className={`status-pill ${styles[`status-${pair.status}`]}`} data-testid="contradiction-status">
            {CONTRADICTION_STATUS_LABELS[pair.status]}
          </span>{" "}
          <span className="muted">
            score {pair.score.toFixed(2)} · found by {RULE_LABELS[pair.detectedBy] ?? pair.detectedBy}
          </span>
        </p>
        <AssignControl target={{ kind: "contradiction", id: pair.id }} assignment={assignment} editors={editors} canEdit={editor} />
        {pair.explanation && <p data-testid="explanation">{pair.explanation}</p>}
        {pair.rationale && (
          <p>
            <strong>Editor&apos;s rationale:</strong> {pair.rationale}
          </p>
        )}
        {pair.preferredClaimId !== null && (
          <p>
            <strong>Preferred:</strong> {pair.preferredClaimId === pair.claimA.id ? "Claim A" : "Claim B"} (#{pair.preferredClaimId})
            {pair.preferredReason && <> — {pair.preferredReason}</>}
          </p>
        )}
      </div>
      <div className={styles.columns}>
        <ClaimColumn claim={pair.claimA} label="Claim A" rank={rank(pair.claimA.id)} />
        <ClaimColumn claim={pair.claimB} label="Claim B" rank={rank(pair.claimB.id)} />
      </div>
      {canEdit(user) ? (
        <ReviewForm
          id={pair.id}
          version={pair.version}
          status={pair.status}
          rationale={pair.rationale}
          preferredClaimId={pair.preferredClaimId}
          preferredReason={pair.preferredReason}
          claims={[
            { id: pair.claimA.id, label: "Claim A" },
            { id: pair.claimB.id, label: "Claim B" },
          ]}
        />
      ) : (
        <p className={styles.readOnly}>Viewers can read contradictions; editors confirm or dismiss them.</p>
      )}
      <CommentsPanel entityType="contradiction" entityId={pair.id} />
      <CommentsPanel entityType="claim" entityId={pair.claimA.id} title={`Discussion of claim A (#${pair.claimA.id})`} readOnly />
      <CommentsPanel entityType="claim" entityId={pair.claimB.id} title={`Discussion of claim B (#${pair.claimB.id})`} readOnly />
      <HistoryPanel entityType="contradiction" entityId={pair.id} />
    </section>
  );
}
