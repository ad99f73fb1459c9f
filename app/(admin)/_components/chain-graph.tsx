// A claim's provenance chain as a small server-rendered SVG: one box per hop with its Admiralty grade,
// the weakest graded hop outlined. Styles live in globals.css (.chain-graph): the CSP refuses inline <style>.
import type { MemberOrigin } from "@/lib/propositions/origins";
import { layoutChain } from "@/lib/propositions/chain-layout";
import { RELIABILITY_LABELS } from "@/lib/claims/labels";

export function ChainGraph({ origin, credibility }: { origin: MemberOrigin; credibility?: number }) {
  const layout = layoutChain(origin);
  const markerId = `chain-arrow-${origin.claimId}`;
  return (
    <figure className="chain" data-testid="chain-graph" data-chain-of={origin.claimId}>
      <svg
        className="chain-graph"
        role="img"
        aria-label={layout.summary}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
      >
        <defs>
          <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="chain-arrow" />
          </marker>
        </defs>
        {layout.edges.map((edge) => (
          <polyline
            key={`${edge.from}-${edge.to}`}
            className="chain-edge"
            points={edge.points.map((point) => `${point.x},${point.y}`).join(" ")}
            markerEnd={`url(#${markerId})`}
          />
        ))}
        {layout.nodes.map((node) => (
          <g
            key={node.id}
            className={`chain-node chain-${node.hop.kind}${node.weakest ? " chain-weakest" : ""}`}
            transform={`translate(${node.x}, ${node.y})`}
            data-testid="chain-node"
            data-weakest={node.weakest ? "true" : undefined}
          >
            <title>{`${node.kindLabel}: ${node.hop.label} — ${RELIABILITY_LABELS[node.hop.reliability]}${node.weakest ? " (weakest hop)" : ""}`}</title>
            <rect width={node.width} height={node.height} rx="5" />
            <text x="8" y="16" className="chain-kind">
              {node.kindLabel}
              {node.weakest ? " · weakest" : ""}
            </text>
            <text x="8" y="34" className="chain-label">
              {node.text}
            </text>
            <text x={node.width - 8} y="16" textAnchor="end" className="chain-grade">
              {node.hop.reliability}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="small">
        {origin.weakest ? (
          <span data-testid="weakest-hop">
            Weakest hop: {origin.weakest.label} ({RELIABILITY_LABELS[origin.weakest.reliability]})
          </span>
        ) : (
          <span data-testid="weakest-hop">No hop graded yet (all F)</span>
        )}
        {credibility !== undefined && <> · claim credibility {credibility}</>}
        <span className="muted"> · origin: {origin.originLabel}</span>
      </figcaption>
    </figure>
  );
}
