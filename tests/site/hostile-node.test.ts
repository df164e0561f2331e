import { describe, expect, inject, it } from "vitest";
import { searchPassages } from "../../src/lib/search/engine.ts";
import { keywordInContext } from "../../src/lib/search/kwic.ts";
import { hostileQueries } from "../helpers/hostile-queries.ts";
import { useNodeSearch } from "../helpers/node-pagefind.ts";

const siteDir = inject("siteDir");
const queries = hostileQueries();
const search = useNodeSearch(siteDir);

describe("hostile queries", () => {
  it("are at least 1,000 of every family", () => {
    expect(queries.length).toBeGreaterThanOrEqual(1000);
    expect(queries.some((query) => query.length > 1000)).toBe(true);
    expect(queries.some((query) => /<img|<script/.test(query))).toBe(true);
    expect(queries.some((query) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(query))).toBe(true);
    expect(queries.some((query) => /[\u202a-\u202e\u2066-\u2069]/.test(query))).toBe(true);
    expect(queries.some((query) => [...query].some((character) => (character.codePointAt(0) ?? 32) < 32))).toBe(true);
  });

  it("run through the search code in Node without an exception, and every result shows only its passage's text", async () => {
    const failures: string[] = [];
    let withResults = 0;
    for (const query of queries) {
      try {
        const outcome = await searchPassages(search.index, query);
        if (outcome.kind !== "results") continue;
        if (outcome.total > 0) withResults += 1;
        for (const group of outcome.groups)
          for (const passage of group.passages) {
            // Every piece of the keyword-in-context line is a slice of the passage (the ellipses mark cuts).
            for (const segment of keywordInContext(passage.text, passage.occurrences))
              for (const piece of segment.text.split("…"))
                if (!passage.text.includes(piece))
                  failures.push(`${JSON.stringify(query)}: “${piece}” not in the passage`);
          }
      } catch (error) {
        failures.push(`${JSON.stringify(query)}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    // Not vacuous: dozens of the hostile queries also contain a real phrase and find passages.
    expect(withResults).toBeGreaterThan(20);
  }, 300_000);
});
