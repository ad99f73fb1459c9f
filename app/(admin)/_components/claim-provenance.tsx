// A claim's proposition (if the grouping run or an editor put it in one), its provenance chain as a
// graph and its weakest hop beside its credibility: in the claim panel, the claim page and the compare view.
import Link from "next/link";
import { claimChains } from "@/lib/propositions/queries";
import { PROPOSITION_STATUS_LABELS } from "@/lib/propositions/labels";
import { ChainGraph } from "./chain-graph";

export async function ClaimProvenance({ claimId, credibility }: { claimId: number; credibility: number }) {
  const chain = (await claimChains([claimId])).get(claimId);
  if (!chain) return null;
  return (
    <section className="claim-provenance" aria-labelledby={`provenance-${claimId}`} data-testid="claim-provenance">
      <h2 id={`provenance-${claimId}`}>Provenance</h2>
      {chain.proposition ? (
        <p className="small" data-testid="claim-proposition">
          States the proposition <Link href={`/propositions/${chain.proposition.id}`}>{chain.proposition.label}</Link> (
          {PROPOSITION_STATUS_LABELS[chain.proposition.status]?.toLowerCase()})
        </p>
      ) : (
        <p className="small muted">In no proposition: no other claim is known to state the same thing.</p>
      )}
      <ChainGraph origin={chain.origin} credibility={credibility} />
    </section>
  );
}
