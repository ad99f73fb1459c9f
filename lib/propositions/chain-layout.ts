// A claim's provenance chain laid out for drawing (issue 21, item 3): one node per hop, outermost (the
// source the editor reads) on the left, each arrow pointing to whom the hop relays. Dagre places the
// nodes and routes the edges; the page draws them as a small SVG. Pure: no database.
import dagre from "@dagrejs/dagre";
import type { Hop, MemberOrigin } from "@/lib/propositions/origins";
import { HOP_KIND_LABELS } from "@/lib/propositions/labels";

export const LABEL_CHARACTERS = 26;
const CHARACTER_WIDTH = 6.6;
const NODE_HEIGHT = 44;

export interface ChainNode {
  id: string;
  hop: Hop;
  kindLabel: string;
  /** The label as drawn, cut to fit. */
  text: string;
  weakest: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChainEdge {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface ChainLayout {
  nodes: ChainNode[];
  edges: ChainEdge[];
  width: number;
  height: number;
  /** What the graph shows, in a sentence, for readers who cannot see it. */
  summary: string;
}

function cut(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > LABEL_CHARACTERS ? `${clean.slice(0, LABEL_CHARACTERS - 1)}…` : clean;
}

function hopPhrase(hop: Hop): string {
  return `${HOP_KIND_LABELS[hop.kind].toLowerCase()} ${hop.label} (${hop.reliability})`;
}

export function chainSummary(origin: MemberOrigin): string {
  const chain = origin.chain.map(hopPhrase).join(" → ");
  const weakest = origin.weakest
    ? `weakest hop: ${HOP_KIND_LABELS[origin.weakest.kind].toLowerCase()} ${origin.weakest.label}, graded ${origin.weakest.reliability}`
    : "no hop is graded yet";
  return `Provenance chain: ${chain}; origin: ${origin.originLabel}; ${weakest}.`;
}

export function layoutChain(origin: MemberOrigin): ChainLayout {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 16, ranksep: 34, marginx: 4, marginy: 4 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = origin.chain.map((_hop, index) => `hop-${index}`);
  origin.chain.forEach((hop, index) => {
    const text = cut(hop.label);
    const width = Math.max(90, Math.ceil(Math.max(text.length, HOP_KIND_LABELS[hop.kind].length + 4) * CHARACTER_WIDTH) + 20);
    graph.setNode(ids[index]!, { width, height: NODE_HEIGHT });
  });
  for (let index = 1; index < ids.length; index++) graph.setEdge(ids[index - 1]!, ids[index]!);
  dagre.layout(graph);

  const weakestIndex = origin.weakest
    ? origin.chain.findIndex(
        (hop) => hop.kind === origin.weakest!.kind && hop.label === origin.weakest!.label && hop.reliability === origin.weakest!.reliability,
      )
    : -1;
  const nodes = origin.chain.map((hop, index): ChainNode => {
    const placed = graph.node(ids[index]!);
    return {
      id: ids[index]!,
      hop,
      kindLabel: HOP_KIND_LABELS[hop.kind],
      text: cut(hop.label),
      weakest: index === weakestIndex,
      // Dagre gives centres; the drawing wants corners.
      x: placed.x - placed.width / 2,
      y: placed.y - placed.height / 2,
      width: placed.width,
      height: placed.height,
    };
  });
  const edges = graph.edges().map((edge) => ({ from: edge.v, to: edge.w, points: graph.edge(edge).points ?? [] }));
  const label = graph.graph();
  return { nodes, edges, width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), summary: chainSummary(origin) };
}
