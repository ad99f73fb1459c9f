// "the fire started on the first floor" / "on the ground floor": a start has one place.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { adjacency, clamp, eventRelatedness, sameVoice, says, type CueClaim } from "@/lib/contradictions/features";
import { differentPlaces, originPlaces, sameStart, type OriginPlace } from "@/lib/facets/places";

const placesMemo = new WeakMap<CueClaim, OriginPlace[]>();
function placesOf(claim: CueClaim): OriginPlace[] {
  let places = placesMemo.get(claim);
  if (!places) placesMemo.set(claim, (places = originPlaces(claim.quote)));
  return places;
}

function startedAt(place: OriginPlace): string {
  const preposition = place.start !== "begin" ? "from" : /floor|storey|story|level|basement/i.test(place.place) ? "on" : "in";
  const verb = place.start === "begin" ? "began" : place.start === "launch" ? "was launched" : "left";
  return `it ${verb} ${preposition} ${place.place}`;
}

export const placesDisagree: ContradictionRule = {
  name: "places-disagree",
  label: "different places for where one happening began",
  kind: "other",
  judge: (a, b, { signals, vocabulary }) => {
    const pa = placesOf(a);
    const pb = placesOf(b);
    if (!pa.length || !pb.length || sameVoice(a, b)) return null;
    for (const x of pa) {
      for (const y of pb) {
        if (!sameStart(x, y)) continue;
        const sameSubject = x.subject !== null && x.subject === y.subject;
        if (!sameSubject && adjacency(signals) < 0.7) continue;
        if (!differentPlaces(x, y)) return null;
        const related = Math.max(eventRelatedness(a, b, signals, vocabulary), sameSubject ? 0.5 : 0);
        if (related < 0.5) continue;
        return {
          kind: "other",
          rule: "places-disagree",
          // Below a figure conflict: a place is read by a pattern, less surely than a number.
          score: clamp(0.5 + 0.25 * related),
          explanation: `${says(a)} ${startedAt(x)}; ${says(b)} ${y.place} — the places differ.`,
        };
      }
    }
    return null;
  },
};
