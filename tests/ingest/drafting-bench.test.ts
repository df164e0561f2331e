import { describe, expect, it } from "vitest";
import { benchDrafting, TARGETS } from "../../scripts/bench-drafting.ts";
import { projectRoot } from "../helpers/root.ts";

/**
 * The drafting set of `npm run bench:drafting`, drafted and ingested as a new
 * editor would: the totals must not fall below the targets, and every
 * text must draft and ingest with no hand edit.
 */
describe("npm run bench:drafting", () => {
  it("drafts every text of the set, and its joins and ingests meet the targets", async () => {
    const result = await benchDrafting(projectRoot);
    expect(result.cases.length).toBeGreaterThanOrEqual(12);
    expect(result.cases.filter((entry) => entry.failed).map((entry) => entry.name)).toEqual([]);
    expect(result.totals.joinPrecision).toBeGreaterThanOrEqual(TARGETS.joinPrecision);
    expect(result.totals.joinRecall).toBeGreaterThanOrEqual(TARGETS.joinRecall);
    // no page debris of the set is published as text, and every over-long line is asked about
    expect(result.totals.debris).toBe(0);
    const [asked, of] = result.totals.overlongAsked.split("/").map(Number);
    expect(asked).toBe(of);
  }, 300_000);
});
