import { describe, expect, it } from "vitest";
import { benchDrafting, meetsTargets } from "../../scripts/bench-drafting.ts";
import { projectRoot } from "../helpers/root.ts";

/**
 * The drafting set of `npm run bench:drafting`, drafted and ingested as a new
 * editor would: each set's totals (real captures, constructed texts) must not
 * fall below the targets, and every text must draft and ingest with
 * no hand edit.
 */
describe("npm run bench:drafting", () => {
  it("drafts every text of both sets, and their joins and ingests meet the targets", async () => {
    const result = await benchDrafting(projectRoot);
    expect(result.totals.real.texts).toBeGreaterThanOrEqual(12);
    expect(result.totals.constructed.texts).toBeGreaterThanOrEqual(12);
    expect(result.cases.filter((entry) => entry.failed).map((entry) => entry.name)).toEqual([]);
    expect(meetsTargets(result.totals.real)).toBe(true);
    expect(meetsTargets(result.totals.constructed)).toBe(true);
    // no page debris of the constructed set is published as text, and every over-long line is asked about
    expect(result.totals.constructed.debris).toBe(0);
    expect(result.totals.all.overlongAsked.right).toBe(result.totals.all.overlongAsked.of);
  }, 600_000);
});
