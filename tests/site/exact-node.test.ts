import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadMoreResults, searchPassages } from "../../src/lib/search/engine.ts";
import type { Passage, SearchDocument } from "../../src/schemas/passage.ts";
import { useNodeSearch } from "../helpers/node-pagefind.ts";
import { projectRoot } from "../helpers/project.ts";
import {
  measureExactness,
  oracleClusters,
  oracleHits,
  oracleMatches,
  substringMatches,
} from "../../scripts/support/search-oracle.ts";
import { yearKey } from "../../src/lib/search/distribution.ts";
import { clustersAround } from "../../src/lib/search/clusters.ts";
import { searchTestSet, type OperatorQuery, type TestQuery } from "../../scripts/support/search-queries.ts";
import type { SearchScope } from "../../src/lib/search/match.ts";

const siteDir = inject("siteDir");
const search = useNodeSearch(siteDir);
let searched: SearchDocument[];
let passages: Passage[];
let queries: TestQuery[];
let operatorQueries: OperatorQuery[];

beforeAll(async () => {
  ({ documents: searched, passages, queries, operatorQueries } = searchTestSet(projectRoot));
});

/** Every passage the engine shows for a query at a scope, all steps of documents loaded, as `doc#id`. */
async function found(query: string, scope: SearchScope = "passage"): Promise<Set<string>> {
  let outcome = await searchPassages(search.index, query, { scope });
  // Every step of documents, as a reader who loads them all would see them.
  while (outcome.kind === "results" && outcome.pending.length > 0)
    outcome = await loadMoreResults(
      (ordinal, positions, size, lengths) => search.index.data.document(ordinal, positions, size, lengths),
      outcome,
    );
  return new Set(
    outcome.kind === "results"
      ? outcome.groups.flatMap((group) => group.passages.map((passage) => `${group.doc}#${passage.id}`))
      : [],
  );
}

describe("exact phrase search, in Node on the built index", () => {
  it("has a test set of at least 300 queries of every kind", () => {
    expect(queries.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(queries.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(["absent", "join", "multi", "number", "policy", "random", "variant"]);
    expect(queries.filter((entry) => substringMatches(entry.query, passages).size > 0).length).toBeGreaterThan(280);
  });

  it("finds exactly the passages that a plain substring search finds: precision and recall 1.000", async () => {
    const total = await measureExactness("node", queries, passages, (query) => found(query));
    expect(total.wrongQueries).toEqual([]);
    expect({ precision: total.precision, recall: total.recall }).toEqual({ precision: 1, recall: 1 });
  });

  it("counts from the index alone what a plain search finds: passages, occurrences, documents and years, before any text is shown", async () => {
    const wrong: string[] = [];
    const judged = [
      ...queries.map((entry) => ({ query: entry.query, scope: "passage" as SearchScope })),
      ...operatorQueries.filter((_, index) => index % 3 === 0),
    ];
    for (const { query, scope } of judged) {
      const expected = [...oracleMatches(query, passages, scope)];
      const hits = oracleHits(query, passages, scope);
      const outcome = await searchPassages(search.index, query, { scope });
      const total = outcome.kind === "results" ? outcome.total : 0;
      const occurrences = outcome.kind === "results" ? outcome.occurrences : 0;
      const documents = outcome.kind === "results" ? outcome.documents.length : 0;
      const yearOf = new Map(searched.map((document) => [document.doc, yearKey(document)]));
      const years = Map.groupBy(expected, (key) => yearOf.get(key.split("#")[0] ?? "") ?? "");
      const counted = new Map(outcome.kind === "results" ? outcome.years.map((year) => [year.year, year]) : []);
      const yearsRight =
        [...years].every(
          ([year, keys]) =>
            counted.get(year)?.passages === keys.length &&
            counted.get(year)?.occurrences === keys.reduce((sum, key) => sum + (hits.get(key) ?? 0), 0),
        ) && counted.size === years.size;
      const expectedDocuments = new Set(expected.map((key) => key.split("#")[0])).size;
      const expectedHits = [...hits.values()].reduce((sum, count) => sum + count, 0);
      if (total !== expected.length || occurrences !== expectedHits || documents !== expectedDocuments || !yearsRight)
        wrong.push(
          `${scope} ${query}: ${total}/${occurrences}/${documents} for ${expected.length}/${expectedHits}/${expectedDocuments}`,
        );
    }
    expect(judged.length).toBeGreaterThan(400);
    expect(wrong).toEqual([]);
  });

  it("gives the clusters around the matches that a plain search finds, with their counts", async () => {
    const judged = queries.filter((_, index) => index % 5 === 0).map((entry) => entry.query);
    let nonEmpty = 0;
    for (const query of judged) {
      let outcome = await searchPassages(search.index, query);
      while (outcome.kind === "results" && outcome.pending.length > 0)
        outcome = await loadMoreResults(
          (ordinal, positions, size, lengths) => search.index.data.document(ordinal, positions, size, lengths),
          outcome,
        );
      const found = new Map(
        (outcome.kind === "results" ? clustersAround(outcome.groups.flatMap((group) => group.passages)) : []).map(
          (cluster) => [`${cluster.side}|${cluster.text}|${cluster.match}`, cluster.count],
        ),
      );
      expect(found, query).toEqual(oracleClusters(query, passages));
      if (found.size > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(30);
  });

  it("counts every occurrence for marking, and never matches across passages", async () => {
    const outcome = await searchPassages(search.index, "网信");
    if (outcome.kind !== "results") throw new Error("no results");
    for (const group of outcome.groups) {
      for (const passage of group.passages) {
        const expected = passage.text.split("网信").length - 1;
        expect(passage.occurrences).toHaveLength(expected);
      }
    }
    // the last characters of one paragraph and the first of the next form no match
    const crossing = await searchPassages(search.index, "发展。习近平强调");
    expect(crossing).toMatchObject({ kind: "results", total: 0 });
  });

  it("is exact for every operator and scope: at least 100 generated queries each against a plain oracle", async () => {
    const kinds = Map.groupBy(operatorQueries, (entry) => entry.kind);
    expect([...kinds.keys()].sort()).toEqual(["document", "group", "near", "not", "or", "sentence"]);
    for (const entries of kinds.values()) {
      expect(entries.length).toBeGreaterThanOrEqual(100);
      // Not vacuous: most queries of each kind find something.
      expect(
        entries.filter((entry) => oracleMatches(entry.query, passages, entry.scope).size > 0).length,
      ).toBeGreaterThan(50);
    }
    const total = await measureExactness("node, operators and scopes", operatorQueries, passages, found);
    expect(total.wrongQueries).toEqual([]);
    expect({ precision: total.precision, recall: total.recall }).toEqual({ precision: 1, recall: 1 });
  });

  it("tells a scope from another and an operator from a literal", async () => {
    const sentence = await found("网络强国 网信事业", "sentence");
    const passage = await found("网络强国 网信事业", "passage");
    const document = await found("网络强国 网信事业", "document");
    expect(sentence.size).toBeLessThan(passage.size);
    expect(passage.size).toBeLessThan(document.size);
    for (const key of sentence) expect(passage.has(key)).toBe(true);
    expect(await found("网络强国 -网络强国")).toEqual(new Set());
    expect((await found("网信 | 网络强国")).size).toBeGreaterThan((await found("网信")).size);
  });
});
