// The claims table's filters: which parameters count as a filter ("Clear filters"), and the
// WHERE fragment they become.
import { describe, expect, test } from "vitest";
import { claimFilterSql, hasClaimFilters } from "@/lib/claims/filters";
import { parseClaimTableParams } from "@/lib/claims/schema";

const parsed = (query: string) => parseClaimTableParams(new URLSearchParams(query)).value;

describe("hasClaimFilters", () => {
  test.each([
    ["", "no parameters"],
    ["sort=newest", "a sort order"],
    ["sort=source", "the default sort"],
    ["after=WzEsMiwzXQ", "a page cursor"],
    ["sort=credibility&before=WzEsMl0", "a sort and a cursor"],
    ["q=&source=&speaker=&stance=&credibility=", "empty fields from the filter form"],
    ["q=%20%20", "a search of spaces"],
    ["stance=bogus", "a filter that was not understood (and is ignored)"],
  ])("false for %j (%s)", (query) => {
    expect(hasClaimFilters(parsed(query))).toBe(false);
  });

  test.each([
    ["q=killings"],
    ["source=dawn-1"],
    ["speaker=none"],
    ["speaker=12"],
    ["topic=none"],
    ["stance=supports"],
    ["sourceStance=disputes"],
    ["attribution=direct_quote"],
    ["credibility=2"],
    ["status=approved"],
    ["origin=editor"],
    ["citedVia=reuters"],
    ["sort=newest&status=approved"],
  ])("true for %j", (query) => {
    expect(hasClaimFilters(parsed(query))).toBe(true);
  });
});

describe("claimFilterSql", () => {
  test("no filter leaves out only withdrawn claims, without parameters", () => {
    const where = claimFilterSql({});
    expect(where.text).toBe("c.withdrawn_at IS NULL");
    expect(where.values).toEqual([]);
  });

  test("conditions are joined with AND and every value is a parameter", () => {
    const where = claimFilterSql({ source: "dawn-1", speaker: "none", topic: 7, status: "approved", citedVia: "50%" });
    expect(where.text).toBe(
      "c.withdrawn_at IS NULL AND c.source_id = (SELECT id FROM sources WHERE slug = $1) AND c.speaker_id IS NULL AND c.topic_id = $2 AND c.status = $3::claim_status AND c.cited_via ILIKE $4",
    );
    expect(where.values).toEqual(["dawn-1", 7, "approved", "%50\\%%"]);
  });

  test("with a search, broad filters are compared as text so that no index serves them", () => {
    const where = claimFilterSql({ q: "strike", stance: "supports", credibility: 2 });
    expect(where.text).toBe(
      "c.withdrawn_at IS NULL AND c.search_vector @@ websearch_to_tsquery('english', $1) AND c.stance::text = $2 AND c.credibility::text = $3",
    );
    expect(where.values).toEqual(["strike", "supports", "2"]);
  });
});
