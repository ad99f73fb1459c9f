// How propositions, placements and provenance hops read on the page and in exports.
import type { HopKind } from "@/lib/propositions/origins";

export const PROPOSITION_STATUS_LABELS: Record<string, string> = {
  proposed: "Proposed",
  confirmed: "Confirmed",
};

export const PLACEMENT_LABELS: Record<string, string> = {
  system: "placed by the grouping run",
  editor: "placed by an editor",
};

export const HOP_KIND_LABELS: Record<HopKind, string> = {
  source: "Source",
  repost: "Copied from",
  speaker: "Speaker",
  via: "Cited via",
};
