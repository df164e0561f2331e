import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { searchPassages, type PagefindApi } from "../../src/lib/search/engine.ts";
import { buildCorpus } from "../../scripts/lib/corpus.ts";
import { passagesOf, type Passage } from "../../scripts/lib/search-index.ts";
import { loadNodePagefind } from "../helpers/node-pagefind.ts";
import { projectRoot } from "../helpers/project.ts";
import { serveStatic, type StaticServer } from "../helpers/static-server.ts";
import { precisionRecall, substringMatches, tally } from "./oracle.ts";
import { testQueries, type TestQuery } from "./queries.ts";

const siteDir = inject("siteDir");
let server: StaticServer;
let pagefind: PagefindApi;
let passages: Passage[];
let queries: TestQuery[];

beforeAll(async () => {
  const corpus = buildCorpus(projectRoot);
  passages = passagesOf(corpus);
  queries = testQueries(corpus, passages);
  server = await serveStatic(siteDir);
  pagefind = await loadNodePagefind(siteDir, server.url);
});
afterAll(() => server.close());

describe("exact phrase search, in Node on the built index", () => {
  it("has a test set of at least 300 queries of every kind", () => {
    expect(queries.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(queries.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(["absent", "join", "multi", "number", "policy", "random", "variant"]);
    expect(queries.filter((entry) => substringMatches(entry.query, passages).size > 0).length).toBeGreaterThan(280);
  });

  it("finds exactly the passages that a plain substring search finds: precision and recall 1.000", async () => {
    const results = [];
    for (const { query } of queries) {
      const outcome = await searchPassages(pagefind, query);
      const actual = new Set(
        outcome.kind === "results"
          ? outcome.groups.flatMap((group) => group.passages.map((passage) => `${group.doc}#${passage.id}`))
          : [],
      );
      results.push({ query, expected: substringMatches(query, passages), actual });
    }
    const total = tally(results);
    const { precision, recall } = precisionRecall(total);
    console.log(
      `node: ${queries.length} queries, ${total.truePositives} passages found; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(total.wrongQueries).toEqual([]);
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 });
  });

  it("counts every occurrence for marking, and never matches across passages", async () => {
    const outcome = await searchPassages(pagefind, "网信");
    if (outcome.kind !== "results") throw new Error("no results");
    for (const group of outcome.groups) {
      for (const passage of group.passages) {
        const expected = passage.text.split("网信").length - 1;
        expect(passage.occurrences).toHaveLength(expected);
      }
    }
    // the last characters of one paragraph and the first of the next form no match
    const crossing = await searchPassages(pagefind, "发展。习近平强调");
    expect(crossing).toMatchObject({ kind: "results", total: 0 });
  });
});
