import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadMoreResults, searchPassages } from "../../src/lib/search/engine.ts";
import type { Passage } from "../../scripts/lib/passages.ts";
import { useNodeSearch } from "../helpers/node-pagefind.ts";
import { projectRoot } from "../helpers/project.ts";
import { measureExactness, substringMatches } from "../../scripts/support/search-oracle.ts";
import { searchTestSet, type TestQuery } from "../../scripts/support/search-queries.ts";

const siteDir = inject("siteDir");
const search = useNodeSearch(siteDir);
let passages: Passage[];
let queries: TestQuery[];

beforeAll(async () => {
  ({ passages, queries } = searchTestSet(projectRoot));
});

describe("exact phrase search, in Node on the built index", () => {
  it("has a test set of at least 300 queries of every kind", () => {
    expect(queries.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(queries.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(["absent", "join", "multi", "number", "policy", "random", "variant"]);
    expect(queries.filter((entry) => substringMatches(entry.query, passages).size > 0).length).toBeGreaterThan(280);
  });

  it("finds exactly the passages that a plain substring search finds: precision and recall 1.000", async () => {
    const total = await measureExactness("node", queries, passages, async (query) => {
      let outcome = await searchPassages(search.pagefind, search.loadDocument, query);
      // Every step of documents, as a reader who loads them all would see them.
      while (outcome.kind === "results" && outcome.pending.length > 0)
        outcome = await loadMoreResults(search.loadDocument, outcome);
      return new Set(
        outcome.kind === "results"
          ? outcome.groups.flatMap((group) => group.passages.map((passage) => `${group.doc}#${passage.id}`))
          : [],
      );
    });
    expect(total.wrongQueries).toEqual([]);
    expect({ precision: total.precision, recall: total.recall }).toEqual({ precision: 1, recall: 1 });
  });

  it("counts every occurrence for marking, and never matches across passages", async () => {
    const outcome = await searchPassages(search.pagefind, search.loadDocument, "网信");
    if (outcome.kind !== "results") throw new Error("no results");
    for (const group of outcome.groups) {
      for (const passage of group.passages) {
        const expected = passage.text.split("网信").length - 1;
        expect(passage.occurrences).toHaveLength(expected);
      }
    }
    // the last characters of one paragraph and the first of the next form no match
    const crossing = await searchPassages(search.pagefind, search.loadDocument, "发展。习近平强调");
    expect(crossing).toMatchObject({ kind: "results", total: 0 });
  });
});
