import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestOutputs } from "../../scripts/ingest.ts";
import { failingIngest } from "../helpers/failing-ingest.ts";
import { projectRoot } from "../helpers/root.ts";
import { copyOfProject, edit, lineContaining, replaceSource } from "../helpers/project.ts";

const EDITORIAL_000 = "content/editorial/000_4e4dd60d782a0e7d.yaml";
const EDITORIAL_001 = "content/editorial/001_5568d11231c8a51e.yaml";
const EDITORIAL_002 = "content/editorial/002_1a3153f4b095e14b.yaml";
const SOURCE_000 = "000_4e4dd60d782a0e7d";
const SOURCE_002 = "002_1a3153f4b095e14b";

describe("bad input gets a clear error and changes nothing", () => {
  it("reports a missing source, naming its manifest", () => {
    const root = copyOfProject();
    rmSync(join(root, "content/sources/002_1a3153f4b095e14b.txt"));
    const [issue] = failingIngest(root);
    expect(issue).toMatchObject({
      file: "content/sources/002_1a3153f4b095e14b.manifest.yaml",
      line: 1,
      problem: expect.stringContaining("002_1a3153f4b095e14b.txt is missing"),
      fix: expect.stringContaining("git checkout"),
    });
  });

  it("reports a source that no longer matches its hash", () => {
    const root = copyOfProject();
    edit(root, "content/sources/003_6555140d0db160fb.txt", (text) => text.replace("十年来", "十年以来"));
    const [issue] = failingIngest(root);
    expect(issue?.file).toBe("content/sources/003_6555140d0db160fb.txt");
    expect(issue?.problem).toMatch(/no longer matches its manifest: SHA-256 is [0-9a-f]{64}/);
    expect(issue?.fix).toContain("sha256");
  });

  it("reports a line used twice, with the editorial line", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_000, (text) => text.replace("    title: [3]", "    title: [3, 5]"));
    const issues = failingIngest(root);
    expect(issues).toContainEqual({
      file: EDITORIAL_000,
      line: lineContaining(root, EDITORIAL_000, "byline: [5]"),
      problem:
        "piece 5 (“工业和信息化部网络安全管理局局长…”) is used twice: already in zhao-zhiguo-new-era-cyber-power.title",
      fix: expect.stringContaining("exactly once"),
    });
  });

  it("reports a line left out", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_001, (text) =>
      text.replace("    body: [5-19, 47, 49, 67-77]", "    body: [5-19, 47, 49, 67-75]"),
    );
    const issues = failingIngest(root);
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: EDITORIAL_001,
        problem: expect.stringContaining(
          "piece 77 of 001_5568d11231c8a51e.txt (“中央网络安全和信息化委员会成员，…”) is not used",
        ),
        fix: expect.stringContaining("omissions with a reason"),
      }),
    );
  });

  it("reports a line that does not exist", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_000, (text) => text.replace("      byline: [5]", "      byline: [5, 400]"));
    const issues = failingIngest(root);
    const issue = issues.find((candidate) => candidate.problem.includes("400"));
    expect(issue).toMatchObject({
      file: EDITORIAL_000,
      line: lineContaining(root, EDITORIAL_000, "byline: [5, 400]"),
      problem: "piece 400 names line 400, which does not exist (the source has 39 lines)",
    });
  });

  it("reports a field of the wrong type, with its line", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_000, (text) => text.replace("{ piece: 15, level: 2 }", "{ piece: 15, level: two }"));
    const [issue] = failingIngest(root);
    expect(issue).toMatchObject({
      file: EDITORIAL_000,
      line: lineContaining(root, EDITORIAL_000, "level: two"),
      problem: expect.stringContaining("documents[0].headings[1].level: level is 2 (section) or 3 (subsection)"),
    });
  });

  it("reports a manifest field of the wrong type", () => {
    const root = copyOfProject();
    edit(root, "content/sources/000_4e4dd60d782a0e7d.manifest.yaml", (text) =>
      text.replace(/sha256: \w+/, "sha256: 12"),
    );
    const [issue] = failingIngest(root);
    expect(issue).toMatchObject({
      file: "content/sources/000_4e4dd60d782a0e7d.manifest.yaml",
      line: 2,
      problem: expect.stringContaining("sha256"),
    });
  });

  it("reports a duplicate document id", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_000, (text) =>
      text.replace("slug: zhao-zhiguo-new-era-cyber-power", "slug: cac-stride-toward-cyber-power-2024"),
    );
    const issues = failingIngest(root);
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: "content/editorial/003_6555140d0db160fb.yaml",
        problem: expect.stringMatching(
          /^duplicate document slug cac-stride-toward-cyber-power-2024: also used at content\/editorial\/000_4e4dd60d782a0e7d\.yaml:\d+$/,
        ),
      }),
    );
  });

  it("reports an unexplained cut line, suggesting the join", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_000, (text) => text.replace(/ {6}- pieces: \[35, 37\][\s\S]*$/, ""));
    const issues = failingIngest(root);
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: EDITORIAL_000,
        problem: expect.stringContaining("piece 35 ends without sentence-final punctuation"),
        fix: expect.stringContaining("{ pieces: [35, 37], reason: page-break }"),
      }),
    );
    // the suggested join pastes as printed: as an item of joins, it settles the problem
    const fix = issues.find((issue) => issue.problem.includes("piece 35 ends"))?.fix ?? "";
    const snippet = /add a join (\{[^}]+\})/.exec(fix)?.[1];
    expect(snippet).toBeDefined();
    edit(root, EDITORIAL_000, (text) => `${text.trimEnd()}\n      - ${snippet}\n`);
    expect(() => ingestOutputs(root)).not.toThrow();
  });

  it("reports a stated date that the text does not state", () => {
    const root = copyOfProject();
    edit(root, "content/editorial/003_6555140d0db160fb.yaml", (text) =>
      text.replace("value: 2024-02-27", "value: 2024-02-28"),
    );
    const issues = failingIngest(root);
    expect(issues).toContainEqual(
      expect.objectContaining({ problem: expect.stringContaining("does not state 2024-02-28") }),
    );
  });
});

describe("the editorial vocabulary is data", () => {
  it("names a reason the vocabulary does not declare, with its line and the file that declares reasons", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_000, (text) => text.replace("reason: page-break", "reason: column-jump"));
    const issues = failingIngest(root);
    expect(issues).toContainEqual({
      file: EDITORIAL_000,
      line: lineContaining(root, EDITORIAL_000, "reason: column-jump"),
      problem: "column-jump is not a reason of the editorial vocabulary",
      fix: expect.stringContaining("declare column-jump under reasons in content/vocabulary.yaml"),
    });
  });

  it("takes a new kind of decision declared in content/vocabulary.yaml, with no code change", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_000, (text) => text.replace("reason: page-break", "reason: column-jump"));
    edit(
      root,
      "content/vocabulary.yaml",
      (text) =>
        `${text.replace("reasons:\n", "reasons:\n  column-jump:\n    zh: 跨栏接续。\n    en: The text jumps to the next column.\n")}`,
    );
    const { corpus } = ingestOutputs(root);
    const joins = corpus.documents.flatMap((document) => document.blocks.flatMap((block) => block.joins));
    expect(joins.map((join) => join.reason)).toContain("column-jump");
  });
});

describe("splits without retyping", () => {
  const EDITORIAL_001_SPLITS = {
    before: '  3: ["# ", 习近平对网络安全和信息, " ", 深入贯彻党中央关于, " ", 大力推动网信]',
    after: '  3: { at: [2, " ", 14, " ", 24] }',
  };

  it("cuts a line at offsets and markers into the same pieces as listing them", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_001, (text) => {
      expect(text).toContain(EDITORIAL_001_SPLITS.before);
      return text.replace(EDITORIAL_001_SPLITS.before, EDITORIAL_001_SPLITS.after);
    });
    const original = ingestOutputs(projectRoot).files;
    const cut = ingestOutputs(root).files;
    expect(Object.fromEntries(cut)).toEqual(Object.fromEntries(original));
  });

  it("names a marker the line lacks, with the line of the editorial data and the fix", () => {
    const root = copyOfProject();
    edit(root, EDITORIAL_001, (text) => text.replace(EDITORIAL_001_SPLITS.before, '  3: { at: [2, "——"] }'));
    expect(failingIngest(root)).toContainEqual({
      file: EDITORIAL_001,
      line: lineContaining(root, EDITORIAL_001, '3: { at: [2, "——"] }'),
      problem: "the marker “——” does not occur in line 3 after the previous cut",
      fix: expect.stringContaining("cut at markers the line contains"),
    });
  });
});

describe("messages that lead to the fix", () => {
  const TERMS = "content/curated/terms.yaml";

  it("recognises a value cut at a half-width comma and says to quote it", () => {
    const root = copyOfProject();
    edit(root, TERMS, (text) =>
      text.replace("{ id: digital-china, term: 数字中国,", "{ id: digital-china, term: 数字中国, 数字经济,"),
    );
    expect(failingIngest(root)).toContainEqual({
      file: TERMS,
      line: lineContaining(root, TERMS, "id: digital-china"),
      problem: expect.stringContaining(
        "“数字经济” is not a field name but looks like the rest of a value that YAML cut at a half-width comma",
      ),
      fix: expect.stringContaining("double quotes"),
    });
  });

  it("recognises a value cut at a half-width colon and says to quote it", () => {
    const root = copyOfProject();
    edit(root, TERMS, (text) => text.replace("    note: 计数包括“清朗”", "    note: 计数包括: “清朗”"));
    expect(failingIngest(root)).toContainEqual(
      expect.objectContaining({
        file: TERMS,
        line: lineContaining(root, TERMS, "note: 计数包括: “清朗”"),
        problem: expect.stringContaining("YAML syntax"),
        fix: expect.stringContaining("half-width colon followed by a space"),
      }),
    );
  });
});

/** The byte offset at which a 1-based line of a text begins. */
function startOfLine(bytes: Buffer, line: number): number {
  let offset = 0;
  for (let number = 1; number < line; number += 1) offset = bytes.indexOf(0x0a, offset) + 1;
  return offset;
}

/** The bytes with `inserted` put in at `offset`. */
const insertBytes = (bytes: Buffer, offset: number, inserted: readonly number[]) =>
  Buffer.concat([bytes.subarray(0, offset), Buffer.from(inserted), bytes.subarray(offset)]);

describe("text that is not faithful input stops the ingest with its own message", () => {
  it("refuses a source that is not UTF-8, with the byte offset, line, what is wrong and the fix", () => {
    const root = copyOfProject();
    let offset = 0;
    // a deliberate new version: the manifest pins the broken bytes, as the message for a changed source suggests
    replaceSource(root, SOURCE_000, (bytes) => {
      offset = startOfLine(bytes, 7) + 6;
      const broken = Buffer.from(bytes);
      broken[offset] = 0xff;
      return broken;
    });
    const issues = failingIngest(root);
    expect(issues).toEqual([
      {
        file: `content/sources/${SOURCE_000}.txt`,
        line: 7,
        problem: `not valid UTF-8 at byte offset ${offset} (line 7, after “新时”): the byte 0xFF never occurs in UTF-8`,
        fix: expect.stringContaining("save the file as UTF-8"),
      },
    ]);
    expect(issues[0]?.fix).toContain("iconv -f GB18030 -t UTF-8");
    expect(issues[0]?.fix).toContain(`update sha256 in content/sources/${SOURCE_000}.manifest.yaml`);
  });

  it("refuses editorial data that is not UTF-8, with the byte offset and line", () => {
    const root = copyOfProject();
    const line = lineContaining(root, EDITORIAL_000, "note: 第21行止于分号");
    const path = join(root, EDITORIAL_000);
    const original = readFileSync(path);
    const offset = original.indexOf("第21行");
    // 网络 in GB18030, as a text pasted from a Chinese Windows system would carry it
    writeFileSync(path, insertBytes(original, offset, [0xcd, 0xf8, 0xc2, 0xe7]));
    // the place on the line: the last ten characters before the bytes
    expect(failingIngest(root)).toEqual([
      {
        file: EDITORIAL_000,
        line,
        problem: `not valid UTF-8 at byte offset ${offset} (line ${line}, after “    note: ”): the byte 0xCD begins a two-byte character, but byte 2 of it, 0xF8, does not continue it (a continuing byte is 0x80 to 0xBF)`,
        fix: expect.stringContaining(`iconv -f GB18030 -t UTF-8 ${EDITORIAL_000}`),
      },
    ]);
  });

  it("names a byte order mark that would be published, and its suggested omission settles it", () => {
    const root = copyOfProject();
    replaceSource(root, SOURCE_002, (bytes) => insertBytes(bytes, 0, [0xef, 0xbb, 0xbf]));
    expect(failingIngest(root)).toEqual([
      {
        file: `content/sources/${SOURCE_002}.txt`,
        line: 1,
        problem:
          "line 1 begins with a byte order mark (U+FEFF, the bytes EF BB BF), which some programs put at the start of a UTF-8 file to mark its encoding; it is not text, and as it stands it would be published, invisibly, in cac-study-group-cyber-power-thought.title",
        fix: expect.stringContaining(
          `in ${EDITORIAL_002}, add 1: { at: [1] } to splits and { pieces: [1a], reason: byte-order-mark } to omissions, and use 1b where line 1 was used`,
        ),
      },
    ]);
    edit(root, EDITORIAL_002, (text) =>
      text
        .replace("splits:\n", "splits:\n  1: { at: [1] }\n")
        .replace("documents:\n", "omissions:\n  - pieces: [1a]\n    reason: byte-order-mark\ndocuments:\n")
        .replace("    title: [1]\n", "    title: [1b]\n"),
    );
    const { corpus } = ingestOutputs(root);
    const title = corpus.documents.find((document) => document.slug === "cac-study-group-cyber-power-thought")?.title;
    expect(title?.text).toBe("深入贯彻习近平总书记网络强国战略思想 扎实推进网络安全和信息化工作");
    expect(corpus.omissions).toContainEqual(
      expect.objectContaining({ source: `${SOURCE_002}.txt`, text: "\uFEFF", reason: "byte-order-mark" }),
    );
  });

  it("names an empty source as empty: no bytes, or whitespace alone", () => {
    const root = copyOfProject();
    const file = `content/sources/${SOURCE_000}.txt`;
    replaceSource(root, SOURCE_000, () => Buffer.alloc(0));
    expect(failingIngest(root)).toEqual([
      { file, problem: "the source text is empty (0 bytes)", fix: expect.stringContaining(`git checkout -- ${file}`) },
    ]);
    replaceSource(root, SOURCE_000, () => Buffer.from(" \n\n\t\n"));
    expect(failingIngest(root)).toEqual([
      {
        file,
        problem: "the source text is empty: its 5 bytes are only whitespace (spaces, tabs, line ends)",
        fix: expect.stringContaining("if the source is withdrawn, remove it"),
      },
    ]);
    // emptied by accident, its manifest still pinning the text: both are said
    writeFileSync(join(root, file), "");
    edit(root, `content/sources/${SOURCE_000}.manifest.yaml`, (text) =>
      text.replace(/^sha256: \w+$/m, `sha256: ${"a".repeat(64)}`),
    );
    expect(failingIngest(root).map((issue) => issue.problem)).toEqual([
      "the source text is empty (0 bytes)",
      expect.stringContaining("no longer matches its manifest"),
    ]);
  });

  it("names a control character by line, column and code point, and its suggested omission settles it", () => {
    const root = copyOfProject();
    replaceSource(root, SOURCE_000, (bytes) => insertBytes(bytes, startOfLine(bytes, 11) + 5 * 3, [0x00]));
    const [issue, ...others] = failingIngest(root);
    expect(others).toEqual([]);
    expect(issue).toEqual({
      file: `content/sources/${SOURCE_000}.txt`,
      line: 11,
      problem: expect.stringMatching(
        /^line 11, column 6: the control character U\+0000 \(null\) would be published in zhao-zhiguo-new-era-cyber-power#p\d+; a control character is not text/,
      ),
      fix: `omit it with a reason, leaving the source byte for byte: in ${EDITORIAL_000}, add 11: { at: [5, 6] } to splits and { pieces: [11b], reason: control-character } to omissions, and use 11a, 11c where line 11 was used (a range of lines such as 5-19 takes them already); in the body, join them into one paragraph again: { pieces: [11a, 11c], reason: control-character }`,
    });
    edit(
      root,
      EDITORIAL_000,
      (text) =>
        `${text
          .replace(
            "documents:\n",
            "splits:\n  11: { at: [5, 6] }\nomissions:\n  - pieces: [11b]\n    reason: control-character\ndocuments:\n",
          )
          .trimEnd()}\n      - { pieces: [11a, 11c], reason: control-character }\n`,
    );
    const { corpus } = ingestOutputs(root);
    const source = readFileSync(join(projectRoot, `content/sources/${SOURCE_000}.txt`), "utf8");
    const paragraphs = corpus.documents.flatMap((document) => document.blocks.map((block) => block.text));
    expect(paragraphs).toContain(source.split("\n")[10]);
    expect(corpus.omissions).toContainEqual(
      expect.objectContaining({ source: `${SOURCE_000}.txt`, text: "\0", reason: "control-character" }),
    );
  });

  it("shows control characters as code points in every message, never raw", () => {
    const root = copyOfProject();
    // a form feed on the blank line 8, an escape sequence opening line 11
    replaceSource(root, SOURCE_000, (bytes) =>
      insertBytes(
        insertBytes(bytes, startOfLine(bytes, 11), [0x1b, 0x5b, 0x33, 0x31, 0x6d]),
        startOfLine(bytes, 8),
        [0x0c],
      ),
    );
    const issues = failingIngest(root);
    expect(issues.map((issue) => issue.problem)).toEqual([
      expect.stringMatching(/^line 8, column 1: the control character U\+000C \(form feed, /),
      expect.stringMatching(/^line 11, column 1: the control character U\+001B \(escape\) would be published/),
      expect.stringContaining("piece 8 ends without sentence-final punctuation (“…<U+000C>”)"),
    ]);
    expect(issues[0]?.fix).toContain("add { pieces: [8], reason: control-character } to omissions");
  });
});
