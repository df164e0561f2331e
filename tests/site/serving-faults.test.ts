import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { passagesOfDocuments, readSearchCorpus } from "../../scripts/lib/search-corpus.ts";
import { oracleMatches } from "../../scripts/support/search-oracle.ts";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";
import { MANIFEST_FILE, SEARCH_DATA_DIR, type IndexManifest } from "../../src/lib/search/index-layout.ts";
import { pagefindFileProblem, pagefindNameHash } from "../../src/lib/search/integrity.ts";
import { createSearchSession, SearchFailure, type SearchSession } from "../../src/lib/search/session.ts";
import { fileDigest } from "../../scripts/lib/search-index.ts";
import { END_CODE, termCover, unigram } from "../../src/lib/search/tokens.ts";
import { nodePagefindStarter } from "../helpers/node-pagefind.ts";
import { projectRoot } from "../helpers/project.ts";
import {
  faultyAnswer,
  SEARCH_FILE_KINDS,
  SERVING_FAULTS,
  type SearchFileKind,
  type ServingFault,
} from "../helpers/serving-faults.ts";

const siteDir = inject("siteDir");
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(siteDir);
});
afterAll(() => server.close());

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => /\.[a-z_]+$/.test(name));

describe("integrity of what the search reads", () => {
  it("holds for every file the build wrote: Pagefind's named after their content, the others as the manifest lists", async () => {
    const named = filesOf(join(siteDir, "pagefind")).filter((name) =>
      pagefindNameHash(`http://site.test/pagefind/${name}`),
    );
    // the index and metadata of every part (fragments are emptied by the build and never read)
    expect(named.filter((name) => name.endsWith(".pf_index")).length).toBeGreaterThan(10);
    expect(named.filter((name) => name.endsWith(".pf_meta")).length).toBeGreaterThan(1);
    for (const name of named) {
      const hash = pagefindNameHash(`http://site.test/pagefind/${name}`) ?? "";
      const bytes = new Uint8Array(readFileSync(join(siteDir, "pagefind", name)));
      expect(await pagefindFileProblem(hash, bytes), name).toBeUndefined();
    }
    const manifest = JSON.parse(
      gunzipSync(readFileSync(join(siteDir, SEARCH_DATA_DIR, MANIFEST_FILE))).toString(),
    ) as IndexManifest;
    const listed = Object.keys(manifest.digests);
    // every Pagefind file not named after its content, every index file of the search data, the entities
    for (const kind of ["pagefind entry", "pagefind wasm", "record ids", "shard", "slugs"] as const) {
      expect(
        listed.some((path) => SEARCH_FILE_KINDS[kind].test(`/${path}`)),
        kind,
      ).toBe(true);
    }
    expect(listed).toContain("data/search-entities.json");
    for (const path of listed) expect(fileDigest(join(siteDir, path)), path).toBe(manifest.digests[path]);
  });
});

describe("a search under a serving fault", () => {
  const documents = readSearchCorpus(projectRoot).documents;
  const passages = passagesOfDocuments(documents);
  const someDocument = documents[0]?.doc ?? "";
  /**
   * Queries that read every kind of file: words of both families, in word
   * files and in Pagefind (checked below), shards, text, and the slugs of a
   * document filter.
   */
  const requests = [
    { query: "网络强国", filters: {} },
    { query: "信", filters: {} },
    { query: "乌镇 镇", filters: {} },
    { query: "网络", filters: { document: someDocument } },
  ].map((request) => ({ ...request, scope: "passage", sort: "rank", mergeReprints: false }) as const);

  it("reads words of both families from word files and from Pagefind", () => {
    const manifest = JSON.parse(
      gunzipSync(readFileSync(join(siteDir, SEARCH_DATA_DIR, MANIFEST_FILE))).toString(),
    ) as IndexManifest;
    const inFiles = new Set(manifest.wordFiles);
    const words = requests.flatMap(({ query }) =>
      query.split(" ").map((term) => ([...term].length === 1 ? unigram(term) : (termCover(term)[0]?.word ?? ""))),
    );
    const isUnigram = (word: string) => word.endsWith(END_CODE);
    for (const family of [isUnigram, (word: string) => !isUnigram(word)]) {
      expect(words.filter(family).some((word) => inFiles.has(word))).toBe(true);
      expect(words.filter(family).some((word) => !inFiles.has(word))).toBe(true);
    }
  });
  const expected = requests.map(
    ({ query, filters }) =>
      oracleMatches(
        query,
        passages.filter((passage) => !filters.document || passage.doc === filters.document),
      ).size,
  );
  const totalOf = async (session: SearchSession, index: number) => {
    const request = requests[index];
    if (!request) throw new Error(`no request ${index}`);
    const outcome = await session.search(request);
    if (outcome.kind !== "results") throw new Error(`no results: ${outcome.kind}`);
    return outcome.total;
  };

  /** A session whose host answers the first request for each file of `kind` with `fault` while `faulty()` holds. */
  const sessionUnder = (kind: SearchFileKind, fault: ServingFault, faulty: () => boolean) => {
    const served = new Set<string>();
    return createSearchSession({
      siteRoot: server.url,
      startPagefind: nodePagefindStarter(siteDir),
      timeoutMs: 1000,
      fetchFile: async (input, init) => {
        const address = new URL(input instanceof Request ? input.url : String(input), server.url);
        if (!faulty() || !SEARCH_FILE_KINDS[kind].test(address.pathname) || served.has(address.pathname)) {
          return fetch(input, init);
        }
        served.add(address.pathname);
        const real = new Uint8Array(await (await fetch(input, init)).arrayBuffer());
        // another file of the kind: for a Pagefind chunk, a well-formed chunk of other words
        const sibling = filesOf(join(siteDir, "pagefind", "index")).find((name) => !address.pathname.endsWith(name));
        const otherWord = filesOf(join(siteDir, SEARCH_DATA_DIR)).find(
          (name) =>
            SEARCH_FILE_KINDS["word file"].test(`/${SEARCH_DATA_DIR}/${name}`) && !address.pathname.endsWith(name),
        );
        const other =
          kind === "pagefind index chunk" && sibling
            ? new Uint8Array(readFileSync(join(siteDir, "pagefind", "index", sibling)))
            : kind === "word file" && otherWord
              ? new Uint8Array(readFileSync(join(siteDir, SEARCH_DATA_DIR, otherWord)))
              : undefined;
        const answer = faultyAnswer(fault, real, other);
        if (answer === "network-error") throw new TypeError("Failed to fetch");
        if (answer === "stall") return new Promise<Response>(() => undefined);
        return new Response(answer.status === 404 || answer.status === 500 ? null : answer.body, answer);
      },
    });
  };

  for (const kind of Object.keys(SEARCH_FILE_KINDS) as SearchFileKind[]) {
    it(`of ${kind} files gives the exact total or an error naming the file, and recovers without a new page`, async () => {
      // Each fault in a session of its own, at once: they share nothing.
      const underEachFault = SERVING_FAULTS.map(async (fault) => {
        let faulty = true;
        const session = sessionUnder(kind, fault, () => faulty);
        const outcomes: (number | SearchFailure)[] = [];
        for (const [index] of requests.entries()) {
          outcomes.push(
            await totalOf(session, index).catch((error: unknown) => {
              if (error instanceof SearchFailure) return error;
              throw error;
            }),
          );
        }
        const failures = outcomes.filter((outcome) => outcome instanceof SearchFailure);
        // every file kind is read by one of the queries, so each fault shows
        expect(failures.length, `${kind}, ${fault}`).toBeGreaterThan(0);
        outcomes.forEach((outcome, index) => {
          if (outcome instanceof SearchFailure) {
            expect(
              outcome.files.some((file) => SEARCH_FILE_KINDS[kind].test(new URL(file).pathname)),
              `${kind}, ${fault}: ${outcome.message}`,
            ).toBe(true);
          } else expect(outcome, `${kind}, ${fault}, ${requests[index]?.query}`).toBe(expected[index]);
        });
        // the fault cleared, the same session counts right: nothing of the failed read was kept
        faulty = false;
        for (const [index] of requests.entries()) {
          expect(await totalOf(session, index), `${kind}, ${fault}, after`).toBe(expected[index]);
        }
      });
      await Promise.all(underEachFault);
    });
  }
});
