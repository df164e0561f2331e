import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Corpus } from "../../scripts/lib/corpus.ts";
import { findDateExpressions } from "../../scripts/lib/date-expressions.ts";
import { ingestOutputs } from "../../scripts/ingest.ts";
import { readCurated, type Entities } from "../../scripts/lib/entities.ts";
import { OUTPUT_DIRS } from "../../scripts/lib/write-outputs.ts";
import { containsQuote, countOccurrences, normalizeForMatch } from "../../src/lib/text-match.ts";
import { failingIngest } from "../helpers/failing-ingest.ts";
import { addCopyOfSource, copyOfProject, edit, lineContaining, projectRoot } from "../helpers/project.ts";

const MILESTONES = "content/curated/milestones.yaml";
const PRINCIPLES = "content/curated/principles.yaml";
const TERMS = "content/curated/terms.yaml";

let corpus: Corpus;
let entities: Entities;
let files: Map<string, string>;
beforeAll(() => {
  ({ corpus, entities, files } = ingestOutputs(projectRoot));
});

/** Published passages (titles and blocks), straight from the corpus, for independent checks. */
function passages(): { doc: string; block: string; text: string }[] {
  return corpus.documents.flatMap((document) => [
    { doc: document.slug, block: "title", text: document.title.text },
    ...document.blocks
      .filter((block) => block.type !== "gap")
      .map((block) => ({ doc: document.slug, block: block.id, text: block.text })),
  ]);
}

const keys = (refs: readonly { doc: string; block: string }[]) => refs.map((ref) => `${ref.doc}#${ref.block}`);

describe("text matching and date expressions", () => {
  it("folds width and whitespace, nothing else", () => {
    expect(normalizeForMatch("2023 年 6 月：ＡＢ")).toBe("2023年6月:AB");
    expect(containsQuote("坚持依法管网、依法办网", "依法管网、依法办网")).toBe(true);
    expect(containsQuote("坚持依法管网、依法办网", "依法管网，依法办网")).toBe(false);
    expect(countOccurrences("网信网信网", "网信")).toBe(2);
    expect(countOccurrences("aaaa", "aa")).toBe(2);
  });

  it("finds years, months, days, ranges, relative and framed dates, and not durations", () => {
    const found = (text: string) => findDateExpressions(text).map((expression) => expression.text);
    expect(found("2014年2月27日，习近平")).toEqual(["2014年2月27日"]);
    expect(found("会议7月14日至15日在京召开")).toEqual(["7月14日至15日"]);
    expect(found("今年5月，2023年世界互联网")).toEqual(["今年5月", "2023年"]);
    expect(found("自 2014 年以来，每年；自2014年起；截至2016年底")).toEqual([
      "自 2014 年以来",
      "自2014年起",
      "截至2016年底",
    ]);
    expect(found("连续10年举办，十年来，5G、6G，1000天")).toEqual([]);
  });
});

describe("principles", () => {
  it("gives the ten 坚持 in order, each with its passage in the instruction, the 2024 article and material 3", () => {
    const ten = entities.sets.find((set) => set.id === "ten-principles");
    const items = (ten?.items ?? []).map((id) => entities.principles.find((principle) => principle.id === id));
    expect(items.map((principle) => principle?.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const instruction = passages().find(
      (passage) => passage.doc === "conference-2023-instruction-report" && passage.block === "p2",
    );
    items.forEach((principle, index) => {
      expect(principle?.wording.startsWith("坚持"), principle?.id).toBe(true);
      const cited = keys(principle?.passages ?? []);
      expect(cited).toContain("conference-2023-instruction-report#p2");
      expect(cited).toContain("cac-stride-toward-cyber-power-2024#p17");
      // material 3 elaborates the ten in ten consecutive paragraphs, p10 to p19
      expect(cited).toContain(`booklet-2023-material-3#p${10 + index}`);
      // and the instruction lists them in this order
      const wording = principle?.wording ?? "";
      const previous = items[index - 1]?.wording;
      if (instruction && previous) {
        expect(normalizeForMatch(instruction.text).indexOf(normalizeForMatch(wording))).toBeGreaterThan(
          normalizeForMatch(instruction.text).indexOf(normalizeForMatch(previous)),
        );
      }
    });
  });

  it("gives the five mission tasks with a passage in every document that states them", () => {
    const tasks = entities.principles.filter((principle) => principle.set === "mission-tasks");
    expect(tasks.map((task) => task.wording)).toEqual([
      "举旗帜聚民心",
      "防风险保安全",
      "强治理惠民生",
      "增动能促发展",
      "谋合作图共赢",
    ]);
    for (const task of tasks) {
      const stating = passages().filter((passage) => containsQuote(passage.text, task.wording));
      const documents = new Set(stating.map((passage) => passage.doc));
      expect([...documents].sort()).toEqual(
        expect.arrayContaining([
          "booklet-2023-material-1",
          "booklet-2023-material-3",
          "cac-stride-toward-cyber-power-2024",
          "conference-2023-instruction-report",
        ]),
      );
      const cited = keys(task.passages.filter((passage) => passage.relation === "states"));
      expect(cited).toEqual(keys(stating));
    }
  });

  it("records formulas the corpus names without listing, with where it names them and no items", () => {
    for (const id of [
      "four-principles",
      "five-propositions",
      "two-establishes",
      "two-safeguards",
      "four-consciousnesses",
      "four-confidences",
    ]) {
      const set = entities.sets.find((candidate) => candidate.id === id);
      expect(set?.items, id).toEqual([]);
      expect(set?.unlisted, id).toMatch(/没有/);
      expect(set?.namedIn.length, id).toBeGreaterThan(0);
      for (const ref of set?.namedIn ?? []) {
        const text = passages().find((passage) => passage.doc === ref.doc && passage.block === ref.block)?.text ?? "";
        expect(containsQuote(text, set?.name ?? "?"), `${id} in ${ref.doc}#${ref.block}`).toBe(true);
      }
    }
  });
});

describe("milestones", () => {
  it("include the events the issue names, with their dates and precisions", () => {
    const expected: [date: string, precision: string, description: string][] = [
      ["1994", "year", "全功能接入国际互联网"],
      ["2013-08", "month", "全国宣传思想工作会议"],
      ["2014-02-27", "day", "领导小组第一次会议"],
      ["2014/..", "since", "国家网络安全宣传周"],
      ["2015-12-16", "day", "第二届世界互联网大会"],
      ["2016-06", "month", "网络安全学科建设和人才培养"],
      ["2017-06-01", "day", "网络安全法"],
      ["2018-04", "month", "全国网络安全和信息化工作会议"],
      ["2022-07-12", "day", "世界互联网大会国际组织"],
      ["2023-07-14/2023-07-15", "range", "全国网络安全和信息化工作会议"],
    ];
    for (const [value, precision, description] of expected) {
      expect(
        entities.milestones.some(
          (milestone) =>
            milestone.date.value === value &&
            milestone.date.precision === precision &&
            milestone.description.includes(description),
        ),
        `${value} ${description}`,
      ).toBe(true);
    }
  });

  it("mark derived dates with their derivation, and stated ones without", () => {
    const law = entities.milestones.find((milestone) => milestone.date.value === "2017-06-01");
    expect(law?.date.derivation).toContain("六周年");
    expect(law?.expressions.map((expression) => expression.expression)).toContain("2023年6月1日");
    const may = entities.milestones.filter((milestone) =>
      milestone.passages.some((passage) => passage.quote.startsWith("今年5月")),
    );
    expect(may.length).toBeGreaterThan(0);
    for (const milestone of may) expect(milestone.date.derivation).toContain("今年");
    const meeting = entities.milestones.find((milestone) => milestone.date.value === "2014-02-27");
    expect(meeting?.date.derivation).toBeUndefined();
  });

  it("attach every date expression of the published text, or list it as not an event", () => {
    const attached = new Set(
      entities.milestones.flatMap((milestone) =>
        milestone.expressions.map((entry) => `${entry.doc}#${entry.block} ${entry.expression}`),
      ),
    );
    const listed = new Set(
      readCurated(projectRoot).milestones.data.notEvents.map(
        (entry) => `${entry.doc}#${entry.block} ${normalizeForMatch(entry.expression)}`,
      ),
    );
    const found = passages().flatMap((passage) =>
      findDateExpressions(passage.text).map((expression) => ({ passage, expression })),
    );
    expect(found.length).toBeGreaterThan(0);
    // A passage not listed itself must have the same text as one that is (a reprint, classified once).
    const listedText = new Set(
      found
        .filter(({ passage, expression }) =>
          listed.has(`${passage.doc}#${passage.block} ${normalizeForMatch(expression.text)}`),
        )
        .map(({ passage, expression }) => `${normalizeForMatch(passage.text)} ${normalizeForMatch(expression.text)}`),
    );
    for (const { passage, expression } of found) {
      const place = `${passage.doc}#${passage.block}`;
      const key = `${place} ${expression.text}`;
      expect(
        attached.has(key) ||
          listed.has(`${place} ${normalizeForMatch(expression.text)}`) ||
          listedText.has(`${normalizeForMatch(passage.text)} ${normalizeForMatch(expression.text)}`),
        key,
      ).toBe(true);
    }
  });

  it("classify a reprinted passage's date expressions as where they were first classified", () => {
    const root = copyOfProject();
    const [cited] = readCurated(root).milestones.data.milestones.flatMap((milestone) =>
      milestone.passages.map((citation) => ({ milestone: milestone.id, citation })),
    );
    if (!cited) throw new Error("no milestone cites a passage");
    const document = corpus.documents.find((candidate) => candidate.slug === cited.citation.doc);
    if (!document) throw new Error(`no document ${cited.citation.doc}`);
    addCopyOfSource(root, document.source.file, "reprint");
    const reprinted = ingestOutputs(root);
    const milestone = reprinted.entities.milestones.find((entry) => entry.id === cited.milestone);
    const expressions = (milestone?.expressions ?? []).filter((entry) => entry.block === cited.citation.block);
    expect(expressions.map((entry) => entry.doc)).toContain(cited.citation.doc);
    expect(expressions.map((entry) => entry.doc)).toContain(`${cited.citation.doc}-reprint`);
  });
});

describe("terms", () => {
  it("are counted from the published text", () => {
    const term = (id: string) => entities.terms.find((entry) => entry.id === id);
    expect(term("nine-dragons-governing-water")).toMatchObject({
      total: 1,
      documents: [{ doc: "cac-study-group-cyber-power-thought", count: 1, passages: [{ block: "p13", count: 1 }] }],
    });
    for (const entry of entities.terms) {
      const expected = passages().reduce((sum, passage) => sum + countOccurrences(passage.text, entry.term), 0);
      if (entry.variants.length === 0) expect(entry.total, entry.term).toBe(expected);
      else expect(entry.total, entry.term).toBeGreaterThan(expected);
    }
  });

  it("name the earliest year of the documents that use them, with the dates as stated or inferred", () => {
    const dateOf = new Map(corpus.documents.map((document) => [document.slug, document.date]));
    for (const term of entities.terms) {
      const dated = term.documents.flatMap(({ doc }) => {
        const date = dateOf.get(doc);
        return date ? [{ doc, year: date.value.slice(0, 4), inferred: date.basis !== undefined }] : [];
      });
      const year = dated.map((entry) => entry.year).sort()[0];
      expect(term.earliest?.year, term.id).toBe(year);
      expect(term.earliest?.documents.map(({ doc, inferred }) => ({ doc, inferred })) ?? [], term.id).toEqual(
        dated.filter((entry) => entry.year === year).map(({ doc, inferred }) => ({ doc, inferred })),
      );
    }
    expect(entities.terms.some((term) => term.earliest?.documents.some((entry) => entry.inferred))).toBe(true);
    const tenPrinciples = entities.terms.find((entry) => entry.id === "ten-principles");
    expect(tenPrinciples?.principleSet).toBe("ten-principles");
  });

  it("cover the vocabulary the issue asks for", () => {
    const listed = new Set(entities.terms.map((entry) => entry.term));
    for (const term of [
      "网络强国",
      "网信",
      "网络空间命运共同体",
      "四梁八柱",
      "同心圆",
      "九龙治水",
      "清朗",
      "数字中国",
      "总体国家安全观",
      "关键信息基础设施",
      "军民融合",
      "数字鸿沟",
    ]) {
      expect(listed.has(term), term).toBe(true);
    }
  });
});

describe("generated collections", () => {
  it("match the committed files, and nothing else is in the ingest's folders (run `npm run ingest` after editing)", () => {
    for (const [path, content] of files) expect(readFileSync(join(projectRoot, path), "utf8"), path).toBe(content);
    for (const dir of OUTPUT_DIRS) {
      for (const name of readdirSync(join(projectRoot, dir))) {
        expect(files.has(`${dir}/${name}`), `${dir}/${name}`).toBe(true);
      }
    }
  });
});

describe("bad curated data stops the ingest with a clear message", () => {
  it("names the entry, field and quote of a misquoted citation", () => {
    const root = copyOfProject();
    edit(root, PRINCIPLES, (text) => text.replace("quote: 统筹发展与安全 }", "quote: 统筹发展和安全 }"));
    const issues = failingIngest(root);
    expect(issues).toContainEqual({
      file: PRINCIPLES,
      line: lineContaining(root, PRINCIPLES, "quote: 统筹发展和安全 }"),
      problem: expect.stringMatching(
        /^principle development-and-security, sets\[0\]\.items\[3\]\.elaborations\[0\]\.quote: the quote “统筹发展和安全” does not occur in conference-2023-instruction-report#p7/,
      ),
      fix: expect.stringContaining("verbatim"),
    });
  });

  it("names a dangling reference to a document, a passage and a principle", () => {
    const root = copyOfProject();
    edit(root, MILESTONES, (text) =>
      text
        .replace("documents: [booklet-2023-material-3]", "documents: [booklet-2023-material-9]")
        .replace("principles: [ten-principles, mission-tasks]", "principles: [ten-principle, mission-tasks]")
        .replace("        block: p24\n", "        block: p240\n"),
    );
    edit(root, TERMS, (text) => text.replace("principleSet: four-principles,", "principleSet: four-principle,"));
    const problems = failingIngest(root).map((issue) => `${issue.file}:${issue.line ?? "?"} ${issue.problem}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /milestones\.yaml:\d+ milestone national-cybersecurity-conference-2023-07, milestones\[\d+\]\.documents\[0\]: there is no document booklet-2023-material-9/,
        ),
        expect.stringMatching(
          /milestones\.yaml:\d+ milestone national-cybersecurity-conference-2023-07, milestones\[\d+\]\.principles\[0\]: there is no principle set or principle ten-principle/,
        ),
        expect.stringMatching(
          /milestones\.yaml:\d+ milestone second-world-internet-conference-2015-12-16, milestones\[\d+\]\.passages\[0\]\.block: booklet-2023-material-1 has no passage p240/,
        ),
        expect.stringMatching(
          /terms\.yaml:\d+ term 四项原则, terms\[\d+\]\.principleSet: there is no principle set four-principle/,
        ),
      ]),
    );
  });

  it("names a date expression that is neither a milestone nor listed as not an event", () => {
    const root = copyOfProject();
    edit(root, MILESTONES, (text) =>
      text.replace(/ {2}- doc: booklet-2023-material-2\n {4}block: p28\n {4}expression: 2022 年\n( {4}.*\n)*/, ""),
    );
    expect(failingIngest(root)).toContainEqual(
      expect.objectContaining({
        file: MILESTONES,
        problem: expect.stringContaining("the date expression “2022 年” in booklet-2023-material-2#p28"),
        fix: expect.stringContaining("notEvents"),
      }),
    );
  });

  it("fails when a new date appears in a source, until it is classified", () => {
    const root = copyOfProject();
    const source = "content/sources/000_4e4dd60d782a0e7d.txt";
    edit(root, source, (text) => text.replace("五年来，在习近平", "五年来（2012年至2017年），在习近平"));
    const hash = createHash("sha256")
      .update(readFileSync(join(root, source)))
      .digest("hex");
    edit(root, "content/sources/000_4e4dd60d782a0e7d.manifest.yaml", (text) =>
      text.replace(/sha256: [0-9a-f]{64}/, `sha256: ${hash}`),
    );
    const issues = failingIngest(root);
    expect(issues.map((issue) => issue.problem)).toEqual([
      expect.stringContaining("the date expression “2012年” in zhao-zhiguo-new-era-cyber-power#p3"),
      expect.stringContaining("the date expression “2017年” in zhao-zhiguo-new-era-cyber-power#p3"),
    ]);
  });

  it("names an id used twice", () => {
    const root = copyOfProject();
    edit(root, TERMS, (text) => text.replace("id: digital-divide,", "id: digital-china,"));
    expect(failingIngest(root)).toContainEqual(
      expect.objectContaining({
        file: TERMS,
        line: lineContaining(root, TERMS, "term: 数字鸿沟"),
        problem: expect.stringContaining("the id digital-china is already used by term 数字中国"),
      }),
    );
  });

  it("names a not-event entry that matches no date expression", () => {
    const root = copyOfProject();
    edit(root, MILESTONES, (text) => text.replace("expression: 截至2016年底", "expression: 截至2017年底"));
    const problems = failingIngest(root).map((issue) => issue.problem);
    expect(problems).toContainEqual(
      expect.stringContaining("“截至2017年底” is not a date expression of cac-study-group-cyber-power-thought#p17"),
    );
  });
});
