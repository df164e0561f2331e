import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { precacheList, searchFileList, serviceWorkerSource, siteDigest } from "../../scripts/lib/service-worker.ts";
import { filesBelow } from "../../scripts/lib/site-files.ts";
import { pathToRoot, relativizeHtml } from "../../scripts/lib/relative-links.ts";
import { staticImportsOf, withModulePreloads } from "../../scripts/lib/module-preload.ts";
import { formatDateEnglish, formatDateIn, formatMilestoneDateEnglish } from "../../src/lib/dates.ts";
import { markLabel, visibleText } from "../../src/lib/visible-text.ts";
import { uiFor } from "../../src/i18n/ui.ts";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/root.ts";
import { formatDate, formatMilestoneDate, milestoneYear } from "../../src/lib/dates.ts";
import { distinctTitles, documentTitlesIn, type TitleSource } from "../../src/lib/document-titles.ts";
import { latestRelease } from "../../src/lib/edition.ts";
import { marginLabel, parsePassageAnchor, passageAnchor, readerNumbers } from "../../src/lib/passage-numbers.ts";
import { isTerminated } from "../../src/lib/punctuation.ts";
import { absoluteUrl, siteOrigin } from "../../src/lib/site-address.ts";
import { createUrls, joinBase, textDirective } from "../../src/lib/urls.ts";
import { statesDate } from "../../scripts/lib/assemble.ts";
import { escapeMdxText } from "../../scripts/lib/emit.ts";
import { buildPieceTable, cutLine, expandRange } from "../../scripts/lib/pieces.ts";
import { BoundedCache } from "../../src/lib/search/bounded-cache.ts";

describe("urls", () => {
  it("builds every URL under the base path", () => {
    expect(joinBase("/corpus", "/speeches/")).toBe("/corpus/speeches/");
    const urls = createUrls("/corpus/");
    expect(urls.home()).toBe("/corpus/");
    expect(urls.speech("zhao")).toBe("/corpus/speeches/zhao/");
    expect(urls.block("zhao", "contents")).toBe("/corpus/speeches/zhao/#contents");
    expect(urls.passage("zhao", { type: "paragraph", number: 5 })).toBe("/corpus/speeches/zhao/#para5");
    expect(urls.passage("zhao", { type: "title", number: 0 })).toBe("/corpus/speeches/zhao/#title");
    expect(createUrls("/").speech("zhao")).toBe("/speeches/zhao/");
    expect(urls.principleSet("ten-principles", "party-leads-internet")).toBe(
      "/corpus/principles/ten-principles/#party-leads-internet",
    );
    expect(urls.milestones("law-2017")).toBe("/corpus/milestones/#law-2017");
    expect(urls.term("wangxin")).toBe("/corpus/terms/wangxin/");
  });
});

describe("dates", () => {
  it("writes a date at its precision", () => {
    expect(formatDate("2024-02-27", "day")).toBe("2024年2月27日");
    expect(formatDate("2023-08", "month")).toBe("2023年8月");
    expect(formatDate("2017-10", "after")).toBe("2017年10月以后");
    expect(formatDate("2017", "after")).toBe("2017年以后");
    expect(formatDate("2023-07-14", "year")).toBe("2023年");
  });

  it("writes a milestone date at its precision, ranges and open intervals included", () => {
    expect(formatMilestoneDate("1994", "year")).toBe("1994年");
    expect(formatMilestoneDate("2016-06", "month")).toBe("2016年6月");
    expect(formatMilestoneDate("2014-02-27", "day")).toBe("2014年2月27日");
    expect(formatMilestoneDate("2023-07-14/2023-07-15", "range")).toBe("2023年7月14日至15日");
    expect(formatMilestoneDate("2023-06-30/2023-07-02", "range")).toBe("2023年6月30日至7月2日");
    expect(formatMilestoneDate("2022-12-30/2023-01-02", "range")).toBe("2022年12月30日至2023年1月2日");
    expect(formatMilestoneDate("2014/..", "since")).toBe("2014年以来");
    expect(milestoneYear("2014/..")).toBe("2014");
  });

  it("checks that a text states a date", () => {
    expect(statesDate("《 人民日报 》( 2024年02月27日 10 版)", "2024-02-27")).toBe(true);
    expect(statesDate("2023年8月", "2023-08")).toBe(true);
    expect(statesDate("2023年8月", "2023-09")).toBe(false);
    expect(statesDate("2023 年 6 月 1 日", "2023-06-01")).toBe(true);
    expect(statesDate("2023年6月11日", "2023-06-01")).toBe(false);
  });
});

describe("punctuation", () => {
  it("tells a sentence end from a cut", () => {
    expect(isTerminated("……作出新贡献。")).toBe(true);
    expect(isTerminated("晴朗起来”。")).toBe(true);
    expect(isTerminated("再出发!")).toBe(true);
    expect(isTerminated("共建共享网络文明……")).toBe(true);
    expect(isTerminated("以重大工程、重点任")).toBe(false);
    expect(isTerminated("习近平总书记的重大论断，")).toBe(false);
    expect(isTerminated("甘于拼搏奉献”")).toBe(false);
    expect(isTerminated("风险评估；")).toBe(false);
  });
});

describe("piece table", () => {
  const lines = ["# 标题 后半", "", "正文。", "再一段。"];

  it("splits lines into lettered pieces that cover them exactly", () => {
    const { table, errors } = buildPieceTable(lines, { 1: ["# ", "标题", " ", "后半"] });
    expect(errors).toEqual([]);
    expect(table.pieces.map((piece) => piece.ref)).toEqual(["1a", "1b", "1c", "1d", "3", "4"]);
    expect(table.get("1b")).toMatchObject({ line: 1, start: 2, end: 4, text: "标题" });
    expect(expandRange(table, 1, 4).map((piece) => piece.ref)).toEqual(["1a", "1b", "1c", "1d", "3", "4"]);
  });

  it("cuts a line at character offsets and before markers, the same pieces as listing them", () => {
    expect(cutLine("# 标题 后半", [2, 4, "后"])).toEqual(["# ", "标题", " ", "后半"]);
    expect(cutLine("一、标题——正文——尾", ["——", "——"])).toEqual(["一、标题", "——正文", "——尾"]);
    expect(cutLine("𠀀字——尾", [1])).toEqual(["𠀀", "字——尾"]);
    expect(cutLine("一、标题", ["——"])).toEqual({ cut: "——", problem: "marker-not-found" });
    expect(cutLine("一、标题", [4])).toEqual({ cut: 4, problem: "outside-line" });
    expect(cutLine("一、标题", [2, 1])).toEqual({ cut: 1, problem: "outside-line" });
    const cut = buildPieceTable(["# 标题 后半"], { 1: { at: [2, 4, 5] } });
    const listed = buildPieceTable(["# 标题 后半"], { 1: ["# ", "标题", " ", "后半"] });
    expect(cut.table.pieces).toEqual(listed.table.pieces);
    expect(buildPieceTable(["一、标题"], { 1: { at: ["——"] } }).errors).toEqual([
      { kind: "bad-cut", line: 1, cut: "——", problem: "marker-not-found" },
    ]);
  });

  it("refuses a split that does not cover its line, or names a blank line", () => {
    const { errors } = buildPieceTable(lines, { 1: ["# ", "标题"], 2: ["a", "b"] });
    expect(errors).toEqual([
      { kind: "mismatch", line: 1, expected: "# 标题 后半", actual: "# 标题" },
      { kind: "no-such-line", line: 2 },
    ]);
  });
});

describe("MDX escaping", () => {
  it("writes Markdown and MDX syntax as character references that decode to the same text", () => {
    const hostile = "<img src=x onerror=alert(1)> {expr} *a* _b_ [c](d) `e` \\ & # | ~ ^ ! + - = :";
    const escaped = escapeMdxText(hostile);
    expect(escaped).not.toMatch(/[<>{}*_[\]`\\]/);
    const decoded = escaped.replace(/&#x([0-9A-F]+);/g, (_, hex: string) =>
      String.fromCodePoint(Number.parseInt(hex, 16)),
    );
    expect(decoded).toBe(hostile);
    expect(escapeMdxText("网络强国“十个坚持”。")).toBe("网络强国“十个坚持”。");
  });
});

describe("reader numbers", () => {
  it("count paragraphs, headings and list items each on their own, and leave the title at 0", () => {
    const numbers = readerNumbers([
      { id: "title", type: "title" },
      { id: "p1", type: "heading" },
      { id: "p2", type: "paragraph" },
      { id: "p3", type: "item" },
      { id: "p4", type: "item" },
      { id: "p5", type: "paragraph" },
      { id: "p6", type: "heading" },
    ]);
    expect([...numbers]).toEqual([
      ["title", 0],
      ["p1", 1],
      ["p2", 1],
      ["p3", 1],
      ["p4", 2],
      ["p5", 2],
      ["p6", 2],
    ]);
    expect(["paragraph", "heading", "item", "title"].map((type) => marginLabel(type as "item", 3))).toEqual([
      "3",
      "§3",
      "•3",
      "",
    ]);
  });

  it("make each passage's anchor from its number, never in the form of a passage id, and read it back", () => {
    const passages = (["title", "heading", "paragraph", "item", "item", "paragraph"] as const).map((type, index) => ({
      id: index === 0 ? "title" : `p${index}`,
      type,
    }));
    const numbers = readerNumbers(passages);
    const anchors = passages.map(({ id, type }) => passageAnchor({ type, number: numbers.get(id) ?? -1 }));
    expect(anchors).toEqual(["title", "sec1", "para1", "item1", "item2", "para2"]);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const anchor of anchors) {
      expect(anchor).toMatch(/^[a-z][a-z0-9]*$/);
      expect(anchor).not.toMatch(/^p\d+$/);
      const passage = parsePassageAnchor(anchor);
      expect(passage && passageAnchor(passage)).toBe(anchor);
    }
    expect(["p3", "para0", "para03", "sec", "5", "item2x"].map(parsePassageAnchor)).toEqual(Array(6).fill(undefined));
  });
});

describe("distinct titles", () => {
  it("qualify only titles that another document shares: by container, outlet, then date", () => {
    const titles = distinctTitles([
      { slug: "a", title: "综述", outlet: { name: "新华社", isPublication: false } },
      { slug: "b", title: "综述", container: { title: "学习资料", label: "材料 2" } },
      { slug: "c", title: "其他" },
      { slug: "d", title: "报道", outlet: { name: "人民日报", isPublication: true }, date: "2023年7月" },
      { slug: "e", title: "报道", outlet: { name: "人民日报", isPublication: true }, date: "2024年7月" },
      { slug: "f", title: "同名" },
      { slug: "g", title: "同名" },
    ]);
    expect(Object.fromEntries(titles)).toEqual({
      a: "综述（新华社）",
      b: "综述（《学习资料》材料 2）",
      c: "其他",
      d: "报道（《人民日报》，2023年7月）",
      e: "报道（《人民日报》，2024年7月）",
      f: "同名（f）",
      g: "同名（g）",
    });
  });

  it("name documents in English by the edition's translation, told apart the same way, the Chinese where none exists", () => {
    const document = (slug: string, title: string, more: Partial<TitleSource> = {}): TitleSource => ({
      slug,
      title: { text: title },
      relations: [],
      fields: {},
      ...more,
    });
    const documents = [
      document("booklet", "学习资料", { titleEnglish: "Study Materials" }),
      document("news", "综述", {
        titleEnglish: "A Review",
        outlet: { value: "新华社" },
        outletKind: "news-agency",
        date: { value: "2023-06", precision: "month" },
      }),
      document("material", "综述", {
        titleEnglish: "A Review",
        relations: [{ type: "part-of", target: "booklet" }],
        fields: { label: { text: "材料 2" } },
      }),
      document("draft", "未译"),
    ];
    expect(Object.fromEntries(documentTitlesIn(documents, "en"))).toEqual({
      booklet: "Study Materials",
      news: "A Review (新华社)",
      material: "A Review (Study Materials, 材料 2)",
      draft: "未译",
    });
    expect(Object.fromEntries(documentTitlesIn(documents, "zh-CN"))).toEqual({
      booklet: "学习资料",
      news: "综述（新华社）",
      material: "综述（《学习资料》材料 2）",
      draft: "未译",
    });
  });
});

describe("the site's public address", () => {
  it("is an origin or nothing, and a path in it is refused with the fix", () => {
    expect(siteOrigin(undefined)).toBeUndefined();
    expect(siteOrigin(" ")).toBeUndefined();
    expect(siteOrigin("https://edition.test/")).toBe("https://edition.test");
    expect(() => siteOrigin("edition.test")).toThrow(/not an address.*origin/);
    expect(() => siteOrigin("ftp://edition.test")).toThrow(/https:\/\//);
    expect(() => siteOrigin("https://edition.test/corpus")).toThrow(/SITE_BASE=\/corpus\//);
    expect(absoluteUrl("/speeches/x/#p3", new URL("https://edition.test"))).toBe("https://edition.test/speeches/x/#p3");
    expect(absoluteUrl("/speeches/x/", undefined)).toBeUndefined();
  });
});

describe("the edition's version", () => {
  it("is the changelog's latest release, which must match package.json", () => {
    const changelog = "# Changelog\n\n## 0.3.0 — 2027-01-05\n\n- x\n\n## 0.2.0 — 2026-12-03\n";
    expect(latestRelease(changelog, "0.3.0")).toEqual({ version: "0.3.0", date: "2027-01-05" });
    expect(() => latestRelease(changelog, "0.2.0")).toThrow(
      /package.json says 0.2.0.*Set "version" in package.json to 0.3.0/,
    );
    expect(() => latestRelease("# Changelog\n", "0.2.0")).toThrow(/no release heading/);
  });

  it("as committed: CHANGELOG.md and package.json agree", () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    expect(latestRelease(readFileSync(join(projectRoot, "CHANGELOG.md"), "utf8"), version).version).toBe(version);
  });
});

describe("visibleText", () => {
  it("names tabs and spaces, counting runs, and keeps characters", () => {
    expect(visibleText("\t1")).toEqual([{ mark: "tab", count: 1 }, { text: "1" }]);
    expect(visibleText("目  录")).toEqual([{ text: "目" }, { mark: "space", count: 2 }, { text: "录" }]);
    expect(visibleText("\u3000")).toEqual([{ mark: "ideographic-space", count: 1 }]);
    expect(visibleText("")).toEqual([]);
  });

  it("shows a control character or U+FEFF by its code point, with whitespace marks or without", () => {
    expect(visibleText("\f一\0\0 \uFEFF")).toEqual([
      { codePoint: "U+000C" },
      { text: "一" },
      { codePoint: "U+0000" },
      { codePoint: "U+0000" },
      { mark: "space", count: 1 },
      { codePoint: "U+FEFF" },
    ]);
    expect(visibleText("\t一 \x85", { whitespace: false })).toEqual([{ text: "\t一 " }, { codePoint: "U+0085" }]);
    const names = uiFor("en").whitespace;
    expect(markLabel({ codePoint: "U+000C" }, names)).toBe("invisible character U+000C");
    expect(markLabel({ mark: "space", count: 2 }, uiFor("zh-CN").whitespace)).toBe("空格×2");
  });
});

describe("English dates", () => {
  it("writes document and milestone dates the English way, at their precision", () => {
    expect(formatDateEnglish("2024-02-27", "day")).toBe("27 February 2024");
    expect(formatDateEnglish("2017-10", "after")).toBe("October 2017 or later");
    expect(formatDateEnglish("2023-07", "month")).toBe("July 2023");
    expect(formatDateEnglish("2017", "year")).toBe("2017");
    expect(formatDateIn("zh-CN", "2017", "year")).toBe("2017年");
    expect(formatMilestoneDateEnglish("2023-07-14/2023-07-15", "range")).toBe("14–15 July 2023");
    expect(formatMilestoneDateEnglish("2014/..", "since")).toBe("since 2014");
    expect(formatMilestoneDateEnglish("2016-06", "month")).toBe("June 2016");
  });
});

describe("quoting permalinks", () => {
  it("add a text directive, its delimiters encoded, after the block's fragment", () => {
    expect(textDirective("网络-强国,")).toBe(":~:text=%E7%BD%91%E7%BB%9C%2D%E5%BC%BA%E5%9B%BD%2C");
    expect(createUrls("/corpus/").passage("zhao", { type: "heading", number: 3 }, "强国")).toBe(
      "/corpus/speeches/zhao/#sec3:~:text=%E5%BC%BA%E5%9B%BD",
    );
  });
});

describe("relocatable pages", () => {
  it("walk back from a page to the site's root", () => {
    expect(pathToRoot("index.html")).toBe("./");
    expect(pathToRoot("speeches/x/index.html")).toBe("../../");
    expect(pathToRoot("en/speeches/x/index.html")).toBe("../../../");
  });

  it("make root-relative links, assets, forms, citation paths and the site root relative to the page", () => {
    const html =
      '<html data-site-root="/"><link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script>' +
      '<a href="/speeches/x/#p1">x</a><form action="/search/"></form><p data-cite-path="/speeches/x/#p1">/speeches/x/</p>' +
      '<a href="https://example.org/">e</a><a href="//cdn.example/">c</a><a href="#p2">p</a><a href="data:,">d</a>';
    expect(relativizeHtml(html, "speeches/y/index.html")).toBe(
      '<html data-site-root="../../"><link rel="stylesheet" href="../../_astro/a.css"><script type="module" src="../../_astro/b.js"></script>' +
        '<a href="../../speeches/x/#p1">x</a><form action="../../search/"></form><p data-cite-path="../../speeches/x/#p1">/speeches/x/</p>' +
        '<a href="https://example.org/">e</a><a href="//cdn.example/">c</a><a href="#p2">p</a><a href="data:,">d</a>',
    );
  });
});

describe("the offline cache", () => {
  it("precaches pages by their folder URL and their assets, and changes version with any file", () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-"));
    try {
      const files: [string, string][] = [
        ["index.html", "home"],
        ["404.html", "missing"],
        ["speeches/x/index.html", "x"],
        ["_astro/a.css", "css"],
        ["pagefind/pagefind.js", "engine"],
        ["search-data/r.json.gz", "data"],
      ];
      for (const [path, text] of files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      expect(precacheList(filesBelow(dir))).toEqual(["", "_astro/a.css", "speeches/x/"]);
      expect(searchFileList(filesBelow(dir))).toEqual(["pagefind/pagefind.js", "search-data/r.json.gz"]);
      const before = siteDigest(dir, filesBelow(dir));
      writeFileSync(join(dir, "search-data/r.json.gz"), "new data");
      expect(siteDigest(dir, filesBelow(dir))).not.toBe(before);
      expect(serviceWorkerSource(before, ["", "a.css"], [])).toContain(`const VERSION = "${before}"`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bounded cache", () => {
  it("keeps the most recently asked values within its capacity, and none larger than it", () => {
    const cache = new BoundedCache<string, string>(10);
    let made = 0;
    const get = (key: string, size: number) => {
      const value = cache.get(key, () => `${key}${(made += 1)}`);
      cache.resize(key, size);
      return value;
    };
    expect(get("a", 4)).toBe("a1");
    expect(get("b", 4)).toBe("b2");
    // asking for a makes b the least recently used
    expect(get("a", 4)).toBe("a1");
    expect(get("c", 4)).toBe("c3");
    expect([cache.has("a"), cache.has("b"), cache.has("c")]).toEqual([true, false, true]);
    expect(cache.size).toBe(8);
    // larger than the whole cache: made and returned, not kept, nothing else dropped
    expect(get("huge", 11)).toBe("huge4");
    expect([cache.has("huge"), cache.has("a"), cache.has("c")]).toEqual([false, true, true]);
    expect(cache.size).toBe(8);
    cache.delete("a");
    expect(cache.size).toBe(4);
    expect(get("a", 4)).toBe("a5");
    // a value still being made (no size yet) is not dropped to make room, though it is the oldest
    const pending = new BoundedCache<string, string>(10);
    pending.get("pending", () => "p");
    for (const key of ["x", "y"]) {
      pending.get(key, () => key);
      pending.resize(key, 6);
    }
    expect([pending.has("pending"), pending.has("x"), pending.has("y")]).toEqual([true, false, true]);
  });

  it("keeps a promise at its value's size once it resolves, and forgets one that rejects", async () => {
    const cache = new BoundedCache<string, Promise<string>>(10);
    await cache.getSettled(
      "ok",
      () => Promise.resolve("abc"),
      (value) => value.length,
    );
    expect([cache.has("ok"), cache.size]).toEqual([true, 3]);
    await expect(
      cache.getSettled(
        "bad",
        () => Promise.reject(new Error("no")),
        () => 1,
      ),
    ).rejects.toThrow("no");
    expect(cache.has("bad")).toBe(false);
    expect(
      await cache.getSettled(
        "bad",
        () => Promise.resolve("again"),
        (value) => value.length,
      ),
    ).toBe("again");
  });
});

describe("module preloads", () => {
  const imports: Record<string, string[]> = {
    "_astro/search.js": ["_astro/query.js", "_astro/dom.js"],
    "_astro/query.js": ["_astro/normalize.js", "_astro/dom.js"],
    "_astro/normalize.js": [],
    "_astro/dom.js": [],
    "_astro/base.js": ["_astro/dom.js"],
    "_astro/cycle-a.js": ["_astro/cycle-b.js"],
    "_astro/cycle-b.js": ["_astro/cycle-a.js"],
  };
  const importsOf = (file: string) => imports[file] ?? [];

  it("finds every module a script imports statically, however deep, once, cycles included", () => {
    expect(staticImportsOf("_astro/search.js", importsOf)).toEqual([
      "_astro/query.js",
      "_astro/normalize.js",
      "_astro/dom.js",
    ]);
    expect(staticImportsOf("_astro/cycle-a.js", importsOf)).toEqual(["_astro/cycle-b.js"]);
  });

  it("links each imported chunk in the head once under the base, never a script the page loads itself", () => {
    const page = (base: string) =>
      `<html><head><title>t</title></head><body><script type="module" src="${base}_astro/search.js"></script>` +
      `<script type="module" src="${base}_astro/base.js"></script><script type="module" src="${base}_astro/dom.js"></script></body></html>`;
    for (const base of ["/", "/corpus/"]) {
      const html = withModulePreloads(page(base), base, importsOf);
      const links = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((match) => match[1]);
      expect(links).toEqual([`${base}_astro/query.js`, `${base}_astro/normalize.js`]);
      // in the head, before its end
      expect(html.indexOf("modulepreload")).toBeLessThan(html.indexOf("</head>"));
    }
    // a page without module scripts is left as it is
    const plain = "<html><head></head><body><p>x</p></body></html>";
    expect(withModulePreloads(plain, "/", importsOf)).toBe(plain);
  });
});
