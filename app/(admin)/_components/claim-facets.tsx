// What the claim says, as detection reads it: editors check a contradiction's explanation against these.
import Link from "next/link";
import { readStoredFacets } from "@/lib/facets/schema";
import { checkWorthiness, DEFAULT_CHECK_WORTHINESS_THRESHOLD, type QuantityFacet } from "@/lib/facets";

const ACT_LABELS = { accuses: "Blames", denies: "Denies", admits: "Admits" } as const;
const MODALITY_LABELS = {
  asserted: "Stated as fact",
  estimate: "An estimate",
  bound: "A bound (at least / up to)",
  hypothetical: "Hypothetical",
  prediction: "A prediction",
  directive: "A demand or instruction (asserts nothing)",
} as const;
const POLARITY_LABELS = { asserted: "asserted", negated: "negated", denied: "denied by the speaker" } as const;

function figureLabel(quantity: QuantityFacet): string {
  const what = quantity.measure.startsWith("people-") ? `count of ${quantity.measure.slice(7)}` : quantity.measure.replace(/-max$/, " (worst case)");
  const parts = [
    what,
    quantity.rate ? `per ${quantity.rate}` : null,
    quantity.currency ?? null,
    quantity.bound === "min" ? "lower bound" : quantity.bound === "max" ? "upper bound" : null,
    quantity.modality === "hypothetical" || quantity.modality === "prediction" ? quantity.modality : null,
    quantity.rejects !== undefined ? `rejects ${quantity.rejects.toLocaleString("en")}` : null,
  ];
  return parts.filter(Boolean).join(", ");
}

export function ClaimFacetsPanel({
  facets: stored,
  claimId,
  worth,
}: {
  facets: unknown;
  claimId: number;
  /** The stored score and what the reasons are computed from. */
  worth?: { score: number; quote: string; cue: string | null; speakerName: string | null };
}) {
  const facets = readStoredFacets(stored);
  const headingId = `facets-${claimId}`;
  const reasons = facets && worth ? checkWorthiness({ quote: worth.quote, cue: worth.cue, speakerName: worth.speakerName, facets }).reasons : [];
  return (
    <section className="claim-facets" aria-labelledby={headingId}>
      <h2 id={headingId}>What the claim says</h2>
      {!facets ? (
        <p className="muted">Not computed yet: the next detection run reads this claim.</p>
      ) : (
        <dl className="facts">
          {worth && (
            <>
              <dt>Check-worthiness</dt>
              <dd data-testid="check-worthiness">
                <strong>{worth.score}</strong> / 100{worth.score < DEFAULT_CHECK_WORTHINESS_THRESHOLD && " (below the default threshold)"}
                {reasons.length > 0 && <span className="muted"> — {reasons.join(", ")}</span>}
              </dd>
            </>
          )}
          {facets.entities.length > 0 && (
            <>
              <dt>Parties</dt>
              <dd>
                {facets.entities.map((entity, index) => (
                  <span key={`${entity.text}-${index}`}>
                    {index > 0 && ", "}
                    {entity.actorId ? <Link href={`/actors/${entity.actorId}`}>{entity.text}</Link> : entity.text}
                  </span>
                ))}
              </dd>
            </>
          )}
          {facets.acts.map((act) => (
            <div key={act.act} className="facts-row">
              <dt>{ACT_LABELS[act.act]}</dt>
              <dd>
                {act.targets.length
                  ? act.targets.map((key) => (key.toUpperCase() === key ? key : key.replace(/\b\w/g, (c) => c.toUpperCase()))).join(", ")
                  : "—"}{" "}
                <span className="muted">(“{act.cue}”)</span>
              </dd>
            </div>
          ))}
          {facets.predicate && (
            <>
              <dt>Predicate</dt>
              <dd>
                {facets.predicate.lemma}, {POLARITY_LABELS[facets.predicate.polarity]}
              </dd>
            </>
          )}
          {(facets.propositions ?? []).length > 0 && (
            <>
              <dt>Holds</dt>
              <dd>
                <ul className="plain-list">
                  {(facets.propositions ?? []).map((proposition, index) => (
                    <li key={index}>
                      {proposition.positive ? "yes" : "no"}: “{proposition.words}”
                      {proposition.flip && (
                        <span className="muted"> ({proposition.flip === "no" ? "said not to exist" : `turned over by “${proposition.flip}”`})</span>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>Modality</dt>
          <dd>{MODALITY_LABELS[facets.modality]}</dd>
          {facets.quantities.length > 0 && (
            <>
              <dt>Figures</dt>
              <dd>
                <ul className="plain-list">
                  {facets.quantities.map((quantity, index) => (
                    <li key={index}>
                      <strong>{quantity.text}</strong> <span className="muted">— {figureLabel(quantity)}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {facets.dates.length > 0 && (
            <>
              <dt>Dates</dt>
              <dd>{facets.dates.map((date) => date.text).join(", ")}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
