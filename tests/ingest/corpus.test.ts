import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ingestOutputs, type Ingested } from "../../scripts/ingest.ts";
import { publishedPlaces, type Corpus, type CorpusDocument } from "../../scripts/lib/corpus.ts";
import { checkConservation } from "../../scripts/lib/conservation.ts";
import { projectRoot } from "../helpers/project.ts";

let ingested: Ingested;
let corpus: Corpus;
beforeAll(() => {
  ingested = ingestOutputs(projectRoot);
  ({ corpus } = ingested);
});

function documentBySlug(slug: string): CorpusDocument {
  const document = corpus.documents.find((candidate) => candidate.slug === slug);
  if (!document) throw new Error(`no document ${slug}`);
  return document;
}

/** The source a document is published from. */
function sourceOf(slug: string): Corpus["sources"][number] {
  const file = documentBySlug(slug).source.file;
  const source = corpus.sources.find((candidate) => candidate.file === file);
  if (!source) throw new Error(`no source ${file}`);
  return source;
}

function paragraphs(slug: string): string[] {
  return documentBySlug(slug)
    .blocks.filter((block) => block.type !== "gap")
    .map((block) => block.text);
}

describe("the corpus", () => {
  it("has one document per entry of the editorial data, with the kind it gives", () => {
    // Read independently of the pipeline: every manifest names a source, and its editorial file lists its documents.
    const sources = readdirSync(join(projectRoot, "content", "sources"))
      .filter((name) => name.endsWith(".manifest.yaml"))
      .sort()
      .map(
        (name) =>
          (parseYaml(readFileSync(join(projectRoot, "content", "sources", name), "utf8")) as { file: string }).file,
      );
    expect(corpus.sources.map((source) => source.file)).toEqual(sources);
    const expected = sources.flatMap((file) => {
      const editorial = parseYaml(
        readFileSync(join(projectRoot, "content", "editorial", file.replace(/\.txt$/, ".yaml")), "utf8"),
      ) as { documents: { slug: string; kind: string }[] };
      return editorial.documents.map((document) => `${file} ${document.slug} ${document.kind}`);
    });
    expect(expected.length).toBeGreaterThanOrEqual(sources.length);
    expect(
      corpus.documents.map((document) => `${document.source.file} ${document.slug} ${document.kind}`).sort(),
    ).toEqual(expected.sort());
  });

  it("is in date order, each document's order its position", () => {
    corpus.documents.forEach((document, index) => expect(document.order).toBe(index));
    const dated = corpus.documents.filter((document) => document.date);
    // undated documents come last
    expect(corpus.documents.slice(0, dated.length)).toEqual(dated);
    for (const [earlier, later] of dated.slice(1).map((document, index) => [dated[index], document] as const)) {
      expect(earlier?.date?.value.localeCompare(later.date?.value ?? "")).toBeLessThanOrEqual(0);
    }
  });

  it("reads the interleaved newspaper page in its true order", () => {
    const report = paragraphs("conference-2023-instruction-report");
    expect(
      report.filter((text) =>
        text.includes("最根本在于有习近平总书记领航掌舵，有习近平新时代中国特色社会主义思想科学指引。"),
      ),
    ).toHaveLength(1);
    expect(documentBySlug("conference-2023-instruction-report").title.text).toBe(
      "习近平对网络安全和信息化工作作出重要指示强调 深入贯彻党中央关于网络强国的重要思想 大力推动网信事业高质量发展",
    );
    expect(documentBySlug("review-cyber-power-newspaper-2023").title.text).toBe(
      "向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述",
    );
    expect(report.some((text) => text.includes("实施网络安全重大战略和任务，构建大网络安全工作格局"))).toBe(true);
    expect(report.some((text) => text.includes("切实肩负起举旗帜聚民心、防风险保安全、强治理惠民生"))).toBe(true);
  });

  it("keeps “维护网络安全是全社会的共同责任” one sentence in both copies of the review", () => {
    for (const slug of ["review-cyber-power-newspaper-2023", "booklet-2023-material-2"]) {
      expect(paragraphs(slug).filter((text) => text.includes("维护网络安全是全社会的共同责任。"))).toHaveLength(1);
    }
  });

  it("mixes no text of the two interleaved articles in one paragraph", () => {
    const reportLines = new Set([5, 7, 9, 11, 13, 15, 17, 19, 47, 49, 67, 69, 71, 73, 75, 77]);
    const linesOf = (slug: string) =>
      documentBySlug(slug).blocks.flatMap((block) => block.spans.map((span) => span.line));
    expect(linesOf("conference-2023-instruction-report").every((line) => reportLines.has(line))).toBe(true);
    expect(linesOf("review-cyber-power-newspaper-2023").some((line) => reportLines.has(line))).toBe(false);
    // every paragraph of the newspaper review, variants aside, stands in the booklet's full copy
    const booklet = paragraphs("booklet-2023-material-2").join("");
    const review = documentBySlug("review-cyber-power-newspaper-2023").blocks.filter((block) => block.type !== "gap");
    const found = review.filter((block) => booklet.includes(block.text.slice(0, 12)));
    expect(found.length / review.length).toBeGreaterThan(0.9);
  });

  it("marks the gaps of the newspaper review and fills nothing", () => {
    const review = documentBySlug("review-cyber-power-newspaper-2023");
    expect(review.blocks.filter((block) => block.type === "gap")).toHaveLength(2);
    expect(review.blocks[0]?.type).toBe("gap");
    expect(paragraphs("review-cyber-power-newspaper-2023").join("")).not.toContain("当今世界，信息化浪潮云奔潮涌");
  });

  it("publishes the repeated headline of 003 once and keeps its issue line as metadata", () => {
    const article = documentBySlug("cac-stride-toward-cyber-power-2024");
    expect(article.title.text).toBe("中央网信办：阔步迈向网络强国");
    expect(article.fields.imprint?.text).toBe("《 人民日报 》( 2024年02月27日 10 版)");
    expect(article.fields.byline?.text).toBe("中央网络安全和信息化委员会办公室室务会");
    expect(paragraphs("cac-stride-toward-cyber-power-2024").join("")).not.toContain("阔步迈向网络强国\n");
    expect(article.date).toMatchObject({
      value: "2024-02-27",
      precision: "day",
      stated: { text: article.fields.imprint?.text },
    });
    expect(article.date?.basis).toBeUndefined();
  });

  it("turns the booklet's contents list into structure, not body text", () => {
    const booklet = documentBySlug("study-booklet-2023-08");
    expect(booklet.blocks).toEqual([]);
    expect(booklet.contents?.map((entry) => [entry.label.text, entry.target])).toEqual([
      ["材料 1", "booklet-2023-material-1"],
      ["材料 2", "booklet-2023-material-2"],
      ["材料 3", "booklet-2023-material-3"],
    ]);
    expect(documentBySlug("booklet-2023-material-1").title.text).toBe(booklet.contents?.[0]?.title.text);
  });

  it("records the relation between the two copies of the review on both", () => {
    expect(documentBySlug("review-cyber-power-newspaper-2023").relations).toContainEqual(
      expect.objectContaining({ type: "same-text-as", target: "booklet-2023-material-2" }),
    );
    expect(documentBySlug("booklet-2023-material-2").relations).toContainEqual(
      expect.objectContaining({ type: "same-text-as", target: "review-cyber-power-newspaper-2023" }),
    );
  });

  it("marks every date the text does not state as an inference with a basis", () => {
    for (const document of corpus.documents) {
      if (!document.date) continue;
      if (document.date.stated) expect(document.date.basis).toBeUndefined();
      else expect(document.date.basis?.length).toBeGreaterThan(10);
    }
    expect(documentBySlug("zhao-zhiguo-new-era-cyber-power").date).toMatchObject({
      value: "2017-10",
      precision: "after",
      basis: expect.stringContaining("十九大"),
    });
  });

  it("keeps real paragraph breaks, headings and the ■ list", () => {
    const article = documentBySlug("cac-study-group-cyber-power-thought");
    expect(article.blocks.filter((block) => block.type === "item")).toHaveLength(7);
    expect(article.blocks.filter((block) => block.type === "heading").map((block) => block.text.slice(0, 2))).toEqual([
      "核心",
      "一、",
      "二、",
      "三、",
      "四、",
      "五、",
      "六、",
    ]);
    const material1 = documentBySlug("booklet-2023-material-1");
    expect(material1.blocks.filter((block) => block.type === "heading").map((block) => block.text)).toEqual([
      "——举旗帜聚民心",
      "——防风险保安全",
      "——强治理惠民生",
      "——增动能促发展",
      "——谋合作图共赢",
    ]);
  });

  it("joins paragraphs cut by page breaks, after a comma or a closing quote too", () => {
    const material3 = paragraphs("booklet-2023-material-3");
    expect(
      material3.some((text) =>
        text.includes("“忠于党和人民,勇于担当作为,善于开拓创新,敢于斗争亮剑,甘于拼搏奉献”的重要要求"),
      ),
    ).toBe(true);
    expect(material3.some((text) => text.includes("习近平总书记的重大论断，坚持建管用并重"))).toBe(true);
    expect(
      paragraphs("zhao-zhiguo-new-era-cyber-power").some((text) => text.includes("以重大工程、重点任务为平台")),
    ).toBe(true);
  });
});

describe("conservation", () => {
  it("accounts for every character of every source exactly once", () => {
    for (const source of corpus.sources) {
      expect(checkConservation(source, publishedPlaces(source.file, corpus.documents, corpus.omissions))).toEqual([]);
    }
  });

  it("catches one dropped character", () => {
    const source = sourceOf("conference-2023-instruction-report");
    const places = publishedPlaces(source.file, corpus.documents, corpus.omissions);
    const victim = places.findIndex((place) => place.where === "conference-2023-instruction-report#p6");
    const place = places[victim];
    const span = place?.spans[0];
    if (!place || !span) throw new Error("no paragraph p6");
    const dropped = [...places];
    dropped[victim] = {
      ...place,
      text: place.text.slice(1),
      spans: [{ ...span, start: span.start + 1 }, ...place.spans.slice(1)],
    };
    expect(checkConservation(source, dropped)).toEqual([
      { kind: "dropped", line: span.line, column: span.start + 1, character: place.text[0], count: 0 },
    ]);
    // and a text that silently loses a character while keeping its spans
    const edited = [...places];
    edited[victim] = { ...place, text: place.text.replace("领航掌舵", "领航掌") };
    expect(checkConservation(source, edited)).toEqual([expect.objectContaining({ kind: "text-differs" })]);
  });

  it("catches one duplicated character", () => {
    const source = sourceOf("booklet-2023-material-2");
    const places = publishedPlaces(source.file, corpus.documents, corpus.omissions);
    const title = places.find((place) => place.where === "booklet-2023-material-2.title");
    const span = title?.spans[0];
    if (!title || !span) throw new Error("no title");
    const duplicated = [
      ...places,
      { where: "extra", text: title.text.slice(0, 1), spans: [{ ...span, end: span.start + 1 }] },
    ];
    expect(checkConservation(source, duplicated)).toEqual([
      { kind: "duplicated", line: span.line, column: 1, character: "向", count: 2 },
    ]);
  });
});

describe("stable output", () => {
  it("gives the same ids and files when the ingest runs again on unchanged input", () => {
    const first = ingested;
    const again = ingestOutputs(projectRoot);
    expect(again.corpus.documents.map((document) => document.blocks.map((block) => [block.id, block.spans]))).toEqual(
      first.corpus.documents.map((document) => document.blocks.map((block) => [block.id, block.spans])),
    );
    expect(again.files).toEqual(first.files);
  });

  it("matches the committed content collections (run `npm run ingest` after editing editorial data)", () => {
    for (const [path, content] of ingested.files) {
      expect(readFileSync(join(projectRoot, path), "utf8"), path).toBe(content);
    }
  });

  it("records for each block the source lines it came from", () => {
    const block = documentBySlug("conference-2023-instruction-report").blocks.find(
      (candidate) => candidate.id === "p6",
    );
    expect(block?.spans.map((span) => span.line)).toEqual([19, 47]);
    expect(block?.joins).toEqual([expect.objectContaining({ after: 19, before: 47, reason: "page-break" })]);
  });
});
