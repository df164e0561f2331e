import { describe, expect, it } from "vitest";
import { addressOfRequest, MAX_COMPARED, requestFromAddress } from "../../src/lib/search/address.ts";
import { byId, SEARCH_IDS, searchStateSelector } from "../../src/lib/search/dom.ts";
import { latestOnly } from "../../src/lib/search/latest.ts";

const page = new URL("https://host.test/corpus/search/");
const defaults = {
  scope: "passage",
  sort: "rank",
  mergeReprints: false,
  view: "documents",
  lines: { by: "document", descending: false },
  compare: [] as string[],
} as const;

describe("search address", () => {
  it("reads the query and the filters that are set, and nothing from empty parameters", () => {
    expect(requestFromAddress(new URL("?q=网信&doc=a&year=&collection=speeches", page))).toEqual({
      query: "网信",
      filters: { document: "a", collection: "speeches" },
      ...defaults,
    });
    expect(requestFromAddress(page)).toEqual({ query: "", filters: {}, ...defaults });
    expect(requestFromAddress(new URL("?q=x&scope=sentence&sort=newest&reprints=merge", page))).toMatchObject({
      scope: "sentence",
      sort: "newest",
      mergeReprints: true,
    });
    expect(requestFromAddress(new URL("?q=x&scope=chapter&sort=random&reprints=yes&lines=up", page))).toMatchObject(
      defaults,
    );
    // the concordance's order: a column, "-" before it for descending
    expect(requestFromAddress(new URL("?q=x&view=kwic&lines=-left", page)).lines).toEqual({
      by: "left",
      descending: true,
    });
    expect(requestFromAddress(new URL("?q=x&lines=date", page)).lines).toEqual({ by: "date", descending: false });
    // queries to compare: each once, empty ones left out, at most MAX_COMPARED
    const many = Array.from({ length: MAX_COMPARED + 2 }, (_, index) => `compare=q${index}`).join("&");
    expect(requestFromAddress(new URL(`?compare=a&compare=&compare=a&${many}`, page)).compare).toEqual([
      "a",
      ...Array.from({ length: MAX_COMPARED - 1 }, (_, index) => `q${index}`),
    ]);
  });

  it("writes one address per search: parameters in a fixed order, empty ones left out, others dropped", () => {
    const address = addressOfRequest(new URL("?hl=x&year=2017#top", page), {
      query: "网络 强国",
      filters: { year: "2024", document: "b", collection: undefined },
      ...defaults,
    });
    expect(address.href).toBe(
      "https://host.test/corpus/search/?q=%E7%BD%91%E7%BB%9C+%E5%BC%BA%E5%9B%BD&doc=b&year=2024#top",
    );
    expect(addressOfRequest(page, { query: "", filters: {}, ...defaults }).href).toBe(page.href);
    expect(
      addressOfRequest(page, {
        query: "a",
        filters: {},
        scope: "document",
        sort: "oldest",
        mergeReprints: true,
        view: "kwic",
        lines: { by: "right", descending: true },
        compare: ["网络强国", "数字中国|网信"],
      }).search,
    ).toBe(
      "?q=a&scope=document&sort=oldest&reprints=merge&view=kwic&lines=-right&compare=%E7%BD%91%E7%BB%9C%E5%BC%BA%E5%9B%BD&compare=%E6%95%B0%E5%AD%97%E4%B8%AD%E5%9B%BD%7C%E7%BD%91%E4%BF%A1",
    );
  });

  it("round-trips: the request read from a written address is the request", () => {
    const request = {
      query: "“网络强国” 网信",
      filters: { collection: "speeches", year: "2023" },
      scope: "sentence",
      sort: "hits",
      mergeReprints: true,
      view: "kwic",
      lines: { by: "match", descending: false },
      compare: ["网络强国", "数字中国 -安全"] as string[],
    } as const;
    expect(requestFromAddress(addressOfRequest(page, request))).toEqual(request);
  });
});

describe("stale-result guard", () => {
  it("lets only the latest search render", () => {
    const searches = latestOnly();
    const first = searches.take();
    expect(searches.isLatest(first)).toBe(true);
    const second = searches.take();
    expect(searches.isLatest(first)).toBe(false);
    expect(searches.isLatest(second)).toBe(true);
  });
});

describe("search element ids", () => {
  it("are distinct and give selectors", () => {
    const ids = Object.values(SEARCH_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    expect(byId(SEARCH_IDS.input)).toBe("#search-input");
    expect(searchStateSelector("done")).toBe('[data-search-state="done"]');
  });
});
