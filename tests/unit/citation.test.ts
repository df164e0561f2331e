import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { describe, expect, it } from "vitest";
import { publishedDocuments } from "../helpers/corpus-documents.ts";
import {
  gbt7714,
  gbtDate,
  plainCitation,
  referenceType,
  type CitedDocument,
  type CitedEdition,
} from "../../src/lib/citation.ts";
import {
  bibtexEntry,
  citationMetaTags,
  collectionCitations,
  cslItem,
  citationFormats,
  cslJson,
  risRecord,
  type CitationFormat,
  type CslItem,
} from "../../src/lib/citation-formats.ts";
import { citedDocumentOf } from "../../src/lib/document-view.ts";
import { manifestSchema } from "../../src/schemas/manifest.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { projectRoot } from "../helpers/root.ts";
import { zoteroRead } from "../helpers/zotero-embedded.ts";

const edition: CitedEdition = { name: "网络强国文献汇编", version: "0.2.0", date: "2026-12-03" };
const origin = "https://edition.test";
const documents = publishedDocuments();
const cited = (slug: string): CitedDocument => {
  const document = documents.find((candidate) => candidate.slug === slug);
  if (!document) throw new Error(`no document ${slug}`);
  return citedDocumentOf(documents, document);
};
const urlOf = (slug: string) => `${origin}/speeches/${slug}/`;

/**
 * The GB/T 7714-2025 reference and the plain citation of every document of
 * the corpus, written out by hand and checked against the texts. The
 * standard's text was not at hand; each rule follows one of its own examples
 * as the CTAN package gbt7714 (v3.0.1, tests/testfiles/2025-numeric.tlg,
 * whose entries are keyed by the clause they illustrate) renders them; the
 * rules with their sources are in docs/citing.md.
 * - [N/OL], 8.5 / B.4 example 6: “陈缮真. 探索微观世界的无穷奥秘（科技大观）[N/OL]. 人民日报，2022-08-16（17）.
 *   http://paper.people.com.cn/…” — full-width `，` and `（版次）` in a Chinese entry, no access date, `.` at the end.
 * - [EB/OL], 8.11.3.2 example 3: “许振超. “好好干，当一个好工人”[EB/OL]. （2025-02-17）[2025-06-22].
 *   https://cpc.people.com.cn/…” — the date of publication in `（）`, then the access date; B.10 example 4
 *   (“高等教育文献保障系统. 馆际互借与文献传递服务[EB/OL]. [2025-06-21]. http://home.calis.edu.cn/…”): the body
 *   that publishes a page is its responsible party.
 * - a part, 7.7 example 4: “李约瑟. 题词[M]//苏克福，管成学，邓明鲁. 苏颂与《本草图经》研究. 长春：长春出版社，
 *   1991：扉页.” — `//` before the host, names separated by `，`, the part's place where a page would be.
 * - other title information, 7.2.3 example 1 (“地壳运动假说：从大陆漂移到板块构造[M]”): after a full-width `：`.
 * - an estimated date, 7.5.4.3 example 3: “[1936]”.
 */
const golden: Record<string, { gbt: string; plain: string }> = {
  "zhao-zhiguo-new-era-cyber-power": {
    gbt: "赵志国. 加快推进新时代网络强国建设 开启网络与信息安全工作的新征程[EB/OL]. （[2017-10以后]）[2026-12-03]. https://edition.test/speeches/zhao-zhiguo-new-era-cyber-power/.",
    plain:
      "赵志国：《加快推进新时代网络强国建设 开启网络与信息安全工作的新征程》，2017年10月以后（编者推断）。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/zhao-zhiguo-new-era-cyber-power/。",
  },
  "conference-2023-instruction-report": {
    gbt: "新华社. 习近平对网络安全和信息化工作作出重要指示强调 深入贯彻党中央关于网络强国的重要思想 大力推动网信事业高质量发展[EB/OL]. （[2023-07]）[2026-12-03]. https://edition.test/speeches/conference-2023-instruction-report/.",
    plain:
      "《习近平对网络安全和信息化工作作出重要指示强调 深入贯彻党中央关于网络强国的重要思想 大力推动网信事业高质量发展》，新华社，2023年7月（编者推断）。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/conference-2023-instruction-report/。",
  },
  "review-cyber-power-newspaper-2023": {
    gbt: "新华社. 向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述[EB/OL]. （[2023-06以后]）[2026-12-03]. https://edition.test/speeches/review-cyber-power-newspaper-2023/.",
    plain:
      "《向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述》，新华社，2023年6月以后（编者推断）。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/review-cyber-power-newspaper-2023/。",
  },
  "cac-study-group-cyber-power-thought": {
    gbt: "中央网信办理论学习中心组. 深入贯彻习近平总书记网络强国战略思想 扎实推进网络安全和信息化工作[EB/OL]. （[2017以后]）[2026-12-03]. https://edition.test/speeches/cac-study-group-cyber-power-thought/.",
    plain:
      "中央网信办理论学习中心组：《深入贯彻习近平总书记网络强国战略思想 扎实推进网络安全和信息化工作》，2017年以后（编者推断）。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/cac-study-group-cyber-power-thought/。",
  },
  "cac-stride-toward-cyber-power-2024": {
    gbt: "中央网络安全和信息化委员会办公室室务会. 中央网信办：阔步迈向网络强国[N/OL]. 人民日报，2024-02-27（10）. https://edition.test/speeches/cac-stride-toward-cyber-power-2024/.",
    plain:
      "中央网络安全和信息化委员会办公室室务会：《中央网信办：阔步迈向网络强国》，《人民日报》2024年2月27日第10版。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/cac-stride-toward-cyber-power-2024/。",
  },
  "study-booklet-2023-08": {
    gbt: "党群工作部. 关于“网络强国”的深刻阐述 (二)：主题教育学习资料[G/OL]. 党群工作部，2023. https://edition.test/speeches/study-booklet-2023-08/.",
    plain:
      "党群工作部：《关于“网络强国”的深刻阐述 (二)》（主题教育学习资料），2023年8月。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/study-booklet-2023-08/。",
  },
  "booklet-2023-material-1": {
    gbt: "习近平总书记为网络强国建设提出新的使命任务[G/OL]//党群工作部. 关于“网络强国”的深刻阐述 (二)：主题教育学习资料. 党群工作部，2023：材料 1. https://edition.test/speeches/booklet-2023-material-1/.",
    plain:
      "《习近平总书记为网络强国建设提出新的使命任务》，载党群工作部《关于“网络强国”的深刻阐述 (二)》（主题教育学习资料），2023年8月，材料 1。原注来源：共产党员网。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/booklet-2023-material-1/。",
  },
  "booklet-2023-material-2": {
    gbt: "向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述[G/OL]//党群工作部. 关于“网络强国”的深刻阐述 (二)：主题教育学习资料. 党群工作部，2023：材料 2. https://edition.test/speeches/booklet-2023-material-2/.",
    plain:
      "《向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述》，载党群工作部《关于“网络强国”的深刻阐述 (二)》（主题教育学习资料），2023年8月，材料 2。原注来源：共产党员网。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/booklet-2023-material-2/。",
  },
  "booklet-2023-material-3": {
    gbt: "引领新时代新征程网信工作的强大思想武器[G/OL]//党群工作部. 关于“网络强国”的深刻阐述 (二)：主题教育学习资料. 党群工作部，2023：材料 3. https://edition.test/speeches/booklet-2023-material-3/.",
    plain:
      "《引领新时代新征程网信工作的强大思想武器》，载党群工作部《关于“网络强国”的深刻阐述 (二)》（主题教育学习资料），2023年8月，材料 3。原注来源：人民网。见《网络强国文献汇编》0.2.0版（2026-12-03），https://edition.test/speeches/booklet-2023-material-3/。",
  },
};

describe("citations of the corpus", () => {
  it.for(Object.keys(golden))("%s: GB/T 7714 and plain citation as written out by hand", (slug) => {
    const expected = golden[slug];
    expect(gbt7714(cited(slug), undefined, urlOf(slug), "2026-12-03")).toBe(expected?.gbt);
    expect(plainCitation(cited(slug), undefined, urlOf(slug), edition)).toBe(expected?.plain);
  });

  it("name the passage by its reader number: in a part's place in its host, else after the reference", () => {
    expect(gbt7714(cited("booklet-2023-material-1"), { type: "paragraph", number: 3 }, `${urlOf("x")}#para3`)).toBe(
      "习近平总书记为网络强国建设提出新的使命任务[G/OL]//党群工作部. 关于“网络强国”的深刻阐述 (二)：主题教育学习资料. 党群工作部，2023：材料 1，第3段. https://edition.test/speeches/x/#para3.",
    );
    expect(
      gbt7714(cited("cac-stride-toward-cyber-power-2024"), { type: "heading", number: 2 }, "u#sec2", "2026-12-03"),
    ).toBe(
      "中央网络安全和信息化委员会办公室室务会. 中央网信办：阔步迈向网络强国[N/OL]. 人民日报，2024-02-27（10）. u#sec2.（小标题2）",
    );
    expect(
      gbt7714(cited("zhao-zhiguo-new-era-cyber-power"), { type: "item", number: 4 }, "u#item4", "2026-12-03"),
    ).toBe(
      "赵志国. 加快推进新时代网络强国建设 开启网络与信息安全工作的新征程[EB/OL]. （[2017-10以后]）[2026-12-03]. u#item4.（第4项）",
    );
    expect(
      plainCitation(cited("zhao-zhiguo-new-era-cyber-power"), { type: "item", number: 4 }, "u", edition),
    ).toContain("（编者推断），第4项。");
    expect(gbt7714(cited("zhao-zhiguo-new-era-cyber-power"), { type: "title", number: 0 }, "u")).not.toMatch(
      /段|（标题）/,
    );
  });

  it("write an [EB/OL] item without a date of publication, and without an access date, as the standard's examples do", () => {
    const item: CitedDocument = {
      title: "题名",
      authors: [],
      outlet: { name: "某网", kind: "website" },
      compilation: false,
    };
    // B.10 example 1: “中国科学院文献情报中心. 中国科学院科技论文预发布平台[EB/OL]. [2025-03-06]. https://chinaxiv.org/home.htm.”
    expect(gbt7714(item, undefined, "u", "2026-12-03")).toBe("某网. 题名[EB/OL]. [2026-12-03]. u.");
    expect(gbt7714(item, undefined, "u")).toBe("某网. 题名[EB/OL]. u.");
    expect(gbt7714({ ...item, outlet: undefined }, undefined, "u")).toBe("题名[EB/OL]. u.");
  });

  // What holds for any document, including texts added later.
  it.for(documents.map((document) => document.slug))(
    "%s: follows the rules of type, 《》 and inferred dates",
    (slug) => {
      const document = documents.find((candidate) => candidate.slug === slug);
      if (!document) throw new Error(slug);
      const reference = cited(slug);
      const gbt = gbt7714(reference, undefined, urlOf(slug), "2026-12-03");
      const plain = plainCitation(reference, undefined, urlOf(slug), edition);
      expect(gbt).toContain(document.title.text);
      expect(gbt).toContain(`[${referenceType(reference)}/OL]`);
      // Only an [EB/OL] item takes an access date (8.11); every entry ends with its URL and `.`.
      expect(gbt.endsWith(`${referenceType(reference) === "EB" ? "[2026-12-03]" : ""}. ${urlOf(slug)}.`)).toBe(true);
      expect(gbt).not.toMatch(/[\u4e00-\u9fff], |: /);
      const outlet = reference.outlet;
      if (outlet && !reference.container) {
        const publication = outlet.kind === "newspaper" || outlet.kind === "periodical";
        expect(plain.includes(`《${outlet.name}》`)).toBe(publication);
        expect(referenceType(reference)).toBe(publication ? (outlet.kind === "newspaper" ? "N" : "J") : "EB");
      }
      if (reference.container) {
        expect(gbt).toContain(`[G/OL]//`);
        expect(plain).toContain(`载`);
        if (outlet) expect(plain).toContain(`原注来源：${outlet.name}`);
        expect(plain).not.toContain(`《${outlet?.name ?? "-"}》`);
      }
      const date = reference.container ? reference.container.date : reference.date;
      if (date?.inferred) {
        // A compilation's date is its year of publication (8.2).
        const bookLike = reference.container !== undefined || reference.compilation;
        expect(gbt).toContain(gbtDate(bookLike ? { ...date, value: date.value.slice(0, 4) } : date));
        expect(gbtDate(date)).toMatch(/^\[.+\]$/);
        expect(plain).toContain("（编者推断）");
      }
      if (date?.precision === "after") expect(gbt).toMatch(/以后\]?/);
    },
  );
});

const formats = {
  "CSL-JSON": (item: CslItem) => cslJson([item]),
  BibTeX: bibtexEntry,
  RIS: risRecord,
};

describe("machine-readable citations", () => {
  const cases = documents.flatMap((document) =>
    [undefined, { id: "p2", type: "paragraph" as const, number: 1 }].map((passage) => ({
      document,
      passage,
      what: passage ? `passage ${passage.id}` : "document",
    })),
  );
  it.for(cases.flatMap((entry) => Object.keys(formats).map((format) => ({ ...entry, format }))))(
    "$document.slug, $what: $format parses with citation-js and keeps title, author, date, container and URL",
    ({ document, passage, format }) => {
      const reference = citedDocumentOf(documents, document);
      const path = `/speeches/${document.slug}/${passage ? `#${passage.id}` : ""}`;
      const item = cslItem({
        document: reference,
        passage,
        key: passage ? `${document.slug}-${passage.id}` : document.slug,
        url: `${origin}${path}`,
        path,
        edition,
        accessed: "2026-12-03",
      });
      const written = formats[format as keyof typeof formats](item);
      const [parsed, ...others] = new Cite(written).data as CslItem[];
      expect(others).toEqual([]);
      expect(parsed?.title).toBe(document.title.text);
      // RIS names a newspaper article's author its reporter (AU of type NEWS); citation-js keeps that name.
      const reporter = (parsed as { reporter?: string } | undefined)?.reporter;
      const authors = reporter
        ? [reporter]
        : (parsed?.author ?? []).map((name) => name.literal ?? (name as { family?: string }).family);
      expect(authors).toEqual(document.authors.map((author) => author.value));
      const container =
        reference.container?.title ?? (item.type.startsWith("article") ? reference.outlet?.name : undefined);
      expect(parsed?.["container-title"]).toBe(container);
      expect(parsed?.URL).toBe(`${origin}${path}`);
      const [ours = []] = item.issued?.["date-parts"] ?? [];
      const [theirs = []] = parsed?.issued?.["date-parts"] ?? [];
      // an undated document has no date to keep; a dated one keeps at least its year
      expect(theirs.length > 0).toBe(ours.length > 0);
      expect(ours.slice(0, theirs.length)).toEqual(theirs);
      if (format !== "RIS") expect(theirs).toEqual(ours);
      if (passage) expect(parsed?.note).toContain("第1段");
    },
  );

  it.for(Object.keys(citationFormats))("write every document in one %s file that citation-js reads whole", (format) => {
    const items = documents.map((document) =>
      cslItem({
        document: citedDocumentOf(documents, document),
        key: document.slug,
        path: `/speeches/${document.slug}/`,
        edition,
      }),
    );
    const parsed = new Cite(collectionCitations(items, format as CitationFormat)).data as CslItem[];
    expect(parsed.map((item) => item.title)).toEqual(documents.map((document) => document.title.text));
    if (format !== "ris") expect(parsed.map((item) => item.id)).toEqual(documents.map((document) => document.slug));
  });

  it("notes an inferred date, the edition and, without an address, the site path", () => {
    const item = cslItem({
      document: cited("zhao-zhiguo-new-era-cyber-power"),
      key: "zhao",
      path: "/speeches/zhao/",
      edition,
    });
    expect(item.issued).toEqual({ "date-parts": [[2017, 10]], circa: true });
    expect(item.URL).toBeUndefined();
    expect(item.note).toBe(
      "日期为编者推断：2017年10月以后；见《网络强国文献汇编》0.2.0版（2026-12-03）；本版站内路径：/speeches/zhao/",
    );
  });

  it("escape what TeX would read as markup, and write RIS lines in CRLF", () => {
    const item: CslItem = { id: "k", type: "webpage", title: "50% {A} & B_c", language: "zh-CN" };
    expect(bibtexEntry(item)).toContain("title = {{50\\% \\{A\\} \\& B\\_c}},");
    expect(new Cite(bibtexEntry(item)).data[0]?.title).toBe("50% {A} & B_c");
    expect(risRecord(item)).toBe("TY  - ELEC\r\nID  - k\r\nTI  - 50% {A} & B_c\r\nLA  - zh-CN\r\nER  - \r\n");
  });

  it("give a page's Highwire and Dublin Core meta tags, leaving out an inferred date", () => {
    expect(citationMetaTags(cited("cac-stride-toward-cyber-power-2024"), "https://edition.test/speeches/c/")).toEqual([
      ["citation_title", "中央网信办：阔步迈向网络强国"],
      ["citation_author", "中央网络安全和信息化委员会办公室室务会"],
      ["citation_publication_date", "2024/02/27"],
      ["citation_journal_title", "人民日报"],
      ["citation_firstpage", "10"],
      ["citation_public_url", "https://edition.test/speeches/c/"],
      ["citation_language", "zh"],
      ["DC.type", "newspaperArticle"],
      ["DC.title", "中央网信办：阔步迈向网络强国"],
      ["DC.creator", "中央网络安全和信息化委员会办公室室务会"],
      ["DC.date", "2024-02-27"],
      ["DC.identifier", "https://edition.test/speeches/c/"],
      ["DC.language", "zh"],
    ]);
    const tags = Object.fromEntries(citationMetaTags(cited("zhao-zhiguo-new-era-cyber-power"), undefined));
    expect(tags).not.toHaveProperty("citation_publication_date");
    expect(tags).not.toHaveProperty("DC.date");
  });

  // The type and fields Zotero's Embedded Metadata translator gives each document page (tests/helpers/zotero-embedded.ts).
  it.for(documents.map((document) => document.slug))("%s: reads in Zotero as the item it is", (slug) => {
    const reference = cited(slug);
    const url = `${origin}/speeches/${slug}/`;
    const item = zoteroRead(citationMetaTags(reference, url));
    const intended = reference.container
      ? "bookSection"
      : reference.compilation
        ? "book"
        : reference.outlet?.kind === "newspaper"
          ? "newspaperArticle"
          : reference.outlet?.kind === "periodical"
            ? "journalArticle"
            : "webpage";
    expect(item.itemType).toBe(intended);
    expect(item.fields["title"]).toBe(reference.title);
    expect(item.fields["url"]).toBe(url);
    expect(item.creators).toEqual(reference.authors);
    const date = reference.container ? reference.container.date : reference.date;
    expect(item.fields["date"]?.replaceAll("/", "-")).toBe(date && !date.inferred ? date.value : undefined);
    if (intended === "newspaperArticle") {
      expect(item.fields["publicationTitle"]).toBe(reference.outlet?.name);
      expect(item.fields["pages"]).toBe(reference.page);
    }
    if (intended === "bookSection") {
      expect(item.fields["bookTitle"]).toBe(reference.container?.title);
      expect(item.fields["publisher"]).toBe(reference.container?.publisher);
    }
    if (intended === "book") expect(item.fields["publisher"]).toBe(reference.publisher);
  });

  it("would read a newspaper page as a journal article from the Highwire tags alone", () => {
    const tags = citationMetaTags(cited("cac-stride-toward-cyber-power-2024"), "u").filter(
      ([name]) => !name.startsWith("DC."),
    );
    expect(zoteroRead(tags).itemType).toBe("journalArticle");
  });
});

describe("the original publication", () => {
  const manifest = {
    file: "000_x.txt",
    sha256: "0".repeat(64),
    description: "d",
    states: { title: null, author: null, outlet: null, date: null, page: null },
  };

  it("is optional in a manifest, an http(s) address, with a retrieval day only beside it", () => {
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
    expect(
      manifestSchema.safeParse({ ...manifest, url: "https://www.example.cn/a.html", retrieved: "2026-01-05" }).success,
    ).toBe(true);
    expect(manifestSchema.safeParse({ ...manifest, url: "javascript:alert(1)" }).success).toBe(false);
    expect(
      manifestSchema.safeParse({ ...manifest, url: "https://www.example.cn/", retrieved: "5 Jan 2026" }).success,
    ).toBe(false);
    const orphan = manifestSchema.safeParse({ ...manifest, retrieved: "2026-01-05" });
    expect(orphan.error?.issues[0]?.message).toContain("give url too");
  });

  it.for(documents.map((document) => document.slug))("%s: is what its source's manifest records, or none", (slug) => {
    const reference = cited(slug);
    const file = documents.find((document) => document.slug === slug)?.source.file ?? "";
    const recorded = manifestSchema.parse(
      parseYaml(
        readFileSync(join(projectRoot, "content", "sources", file.replace(/\.txt$/, ".manifest.yaml")), "utf8"),
      ),
    );
    expect(reference.original?.url).toBe(recorded.url);
    expect(reference.original?.retrieved).toBe(recorded.retrieved);
  });

  it("is linked from the plain citation and the machine formats, not from the GB/T reference of what was read", () => {
    const reference = {
      ...cited("cac-stride-toward-cyber-power-2024"),
      original: { url: "https://paper.example.cn/10.html", retrieved: "2026-01-05" },
    };
    expect(plainCitation(reference, undefined, "u", edition)).toContain(
      "第10版。原文：https://paper.example.cn/10.html（2026-01-05获取）。见《",
    );
    expect(gbt7714(reference, undefined, "u")).not.toContain("paper.example.cn");
    const item = cslItem({ document: reference, key: "k", path: "/speeches/k/", edition });
    expect(item.note).toContain("原文：https://paper.example.cn/10.html");
    expect(new Cite(risRecord(item)).data[0]?.note).toContain("原文：https://paper.example.cn/10.html");
  });
});
