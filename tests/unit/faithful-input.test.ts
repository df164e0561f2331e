import { describe, expect, it } from "vitest";
import { checkConservation, firstDifferenceFromBytes } from "../../scripts/lib/conservation.ts";
import { hiddenCharacterIssues, hiddenCharactersOf, omissionFix } from "../../scripts/lib/hidden-characters.ts";
import { InputError, showInvisibles } from "../../scripts/lib/issues.ts";
import { decodeUtf8, describeInvalidUtf8, findInvalidUtf8, invalidUtf8Issue } from "../../scripts/lib/utf8.ts";
import { codePointLabel, isControlCharacter } from "../../src/lib/visible-text.ts";
import { splitSourceLines } from "../../src/lib/source-lines.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("UTF-8, read strictly", () => {
  it("finds nothing wrong in UTF-8, a byte order mark and four-byte characters included", () => {
    expect(findInvalidUtf8(utf8("\uFEFF网络强国\n𠀀 a\r\n"))).toBeUndefined();
    expect(findInvalidUtf8(bytes())).toBeUndefined();
    expect(findInvalidUtf8(bytes(0xf4, 0x8f, 0xbf, 0xbf))).toBeUndefined();
  });

  it("names the first invalid sequence: its offset, line, bytes and what is wrong", () => {
    const cases: [Uint8Array, number, number[], RegExp][] = [
      [bytes(0x61, 0x80), 1, [0x80], /0x80 continues a character, but no character begins before it/],
      [bytes(0xc0, 0xaf), 0, [0xc0], /0xC0 could only begin an overlong form/],
      [bytes(0xff), 0, [0xff], /0xFF never occurs in UTF-8/],
      [bytes(0xcd, 0xf8, 0xc2, 0xe7), 0, [0xcd, 0xf8], /0xCD begins a two-byte character, but byte 2 of it, 0xF8/],
      [bytes(0xe7, 0xbd, 0x41), 0, [0xe7, 0xbd, 0x41], /0xE7 begins a three-byte character, but byte 3 of it, 0x41/],
      [bytes(0xe0, 0x80, 0x80), 0, [0xe0, 0x80], /0xE0 0x80 begin an overlong form/],
      [bytes(0xed, 0xa0, 0x80), 0, [0xed, 0xa0], /0xED 0xA0 begin a surrogate/],
      [bytes(0xf0, 0x80, 0x80, 0x80), 0, [0xf0, 0x80], /0xF0 0x80 begin an overlong form/],
      [bytes(0xf4, 0x90, 0x80, 0x80), 0, [0xf4, 0x90], /above U\+10FFFF/],
      [bytes(0x61, 0xe7, 0xbd), 1, [0xe7, 0xbd], /the file ends inside a three-byte character that begins with 0xE7/],
    ];
    for (const [input, offset, sequence, problem] of cases) {
      const fault = findInvalidUtf8(input);
      expect(fault, problem.source).toMatchObject({ offset, bytes: sequence, problem: expect.stringMatching(problem) });
      // what the finder calls valid, the strict decoder decodes; what it refuses, the decoder refuses
      expect(() => decodeUtf8(input)).toThrow();
    }
  });

  it("locates the fault by line and the text before it on that line", () => {
    const input = Uint8Array.from([...utf8("第一行\n第二行的文字很长很长很长"), 0xff, ...utf8("\n")]);
    const fault = findInvalidUtf8(input);
    expect(fault).toMatchObject({ line: 2, before: "二行的文字很长很长很长".slice(-10) });
    expect(fault && describeInvalidUtf8(fault)).toBe(
      `not valid UTF-8 at byte offset ${utf8("第一行\n第二行的文字很长很长很长").length} (line 2, after “行的文字很长很长很长”): the byte 0xFF never occurs in UTF-8`,
    );
    const atStart = findInvalidUtf8(bytes(0x0a, 0xff));
    expect(atStart && describeInvalidUtf8(atStart)).toBe(
      "not valid UTF-8 at byte offset 1 (line 2, at its start): the byte 0xFF never occurs in UTF-8",
    );
  });

  it("keeps a byte order mark as U+FEFF, so the text is the bytes", () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe("\uFEFFa");
  });

  it("gives the issue of a file that is not UTF-8, with what else the fix must do", () => {
    expect(invalidUtf8Issue(utf8("好"), "a.yaml")).toBeUndefined();
    expect(invalidUtf8Issue(bytes(0x0a, 0xff), "a.txt", "then update its manifest")).toEqual({
      file: "a.txt",
      line: 2,
      problem: "not valid UTF-8 at byte offset 1 (line 2, at its start): the byte 0xFF never occurs in UTF-8",
      fix: expect.stringMatching(
        /^save the file as UTF-8: .*iconv -f GB18030 -t UTF-8 a\.txt.*; then update its manifest$/,
      ),
    });
  });
});

describe("conservation starts from the bytes", () => {
  const place = (text: string) => ({ where: "d#p1", text, spans: [{ line: 1, start: 0, end: text.length }] });

  it("calls no replacement character conserved: the lines must be the source's bytes", () => {
    // what a lenient reading of the bytes a, 0xFF, b gives
    const lines = ["a\uFFFDb"];
    expect(checkConservation({ bytes: bytes(0x61, 0xff, 0x62), lines }, [place("a\uFFFDb")])).toEqual([
      { kind: "not-the-bytes", line: 1, offset: 1 },
    ]);
    expect(checkConservation({ bytes: utf8("a\uFFFDb"), lines }, [place("a\uFFFDb")])).toEqual([]);
  });

  it("reads line ends as the file has them: LF, CRLF, a lone CR inside a line, no final line feed", () => {
    for (const text of ["a\nb", "a\r\nb\r\n", "a\rb\n", "", "\n", "a\r\r\nb"])
      expect(firstDifferenceFromBytes(utf8(text), splitSourceLines(text)), JSON.stringify(text)).toBeUndefined();
    expect(firstDifferenceFromBytes(utf8("a\nb"), ["a", "c"])).toEqual({ line: 2, offset: 2 });
    expect(firstDifferenceFromBytes(utf8("a\nb\n"), ["a", "b"])).toEqual({ line: 2, offset: 3 });
    expect(firstDifferenceFromBytes(utf8("ab"), ["a", "b"])).toEqual({ line: 1, offset: 1 });
  });
});

describe("hidden characters", () => {
  it("are control characters but tab, line feed and carriage return, and a byte order mark opening line 1", () => {
    for (const character of ["\0", "\x07", "\b", "\v", "\f", "\x1B", "\x7F", "\x80", "\x85", "\x9F"])
      expect(isControlCharacter(character), codePointLabel(character)).toBe(true);
    for (const character of ["\t", "\n", "\r", " ", "\u3000", "\uFEFF", "\u200B", "a", "网"])
      expect(isControlCharacter(character), codePointLabel(character)).toBe(false);
    expect(hiddenCharactersOf(["\uFEFF题\f", "a\uFEFF\x1B"])).toEqual([
      { reason: "byte-order-mark", line: 1, column: 1, character: "\uFEFF" },
      { reason: "control-character", line: 1, column: 3, character: "\f" },
      { reason: "control-character", line: 2, column: 3, character: "\x1B" },
    ]);
    expect(codePointLabel("\0")).toBe("U+0000");
    expect(codePointLabel("𠀀")).toBe("U+20000");
  });

  it("get the splits and omissions that omit them, counted in characters", () => {
    const hidden = (line: number, text: string) => hiddenCharactersOf([...Array<string>(line - 1).fill("x"), text]);
    expect(omissionFix(3, "\f", hidden(3, "\f"))).toBe(
      "add { pieces: [3], reason: control-character } to omissions, and use line 3 nowhere else",
    );
    expect(omissionFix(3, "𠀀正文\0", hidden(3, "𠀀正文\0"))).toBe(
      "add 3: { at: [3] } to splits and { pieces: [3b], reason: control-character } to omissions, and use 3a where line 3 was used (a range of lines such as 5-19 takes them already)",
    );
    expect(omissionFix(1, "\uFEFF\f题\0\0文", hidden(1, "\uFEFF\f题\0\0文"))).toBe(
      "add 1: { at: [1, 2, 3, 5] } to splits and { pieces: [1a], reason: byte-order-mark }, { pieces: [1b, 1d], reason: control-character } to omissions, and use 1c, 1e where line 1 was used (a range of lines such as 5-19 takes them already); in the body, join them into one paragraph again: { pieces: [1c, 1e], reason: control-character }",
    );
  });

  it("stop the ingest where they are published or used nowhere, not where they are omitted", () => {
    const lines = ["\uFEFF标题", "正\0文"];
    const source = { file: "s.txt", lines };
    const editorial = { file: "content/editorial/s.yaml", splitLines: new Set<number>() };
    const title = { where: "d.title", text: "\uFEFF标题", spans: [{ line: 1, start: 0, end: 3 }] };
    const body = { where: "d#p1", text: "正\0文", spans: [{ line: 2, start: 0, end: 3 }] };
    const issues = hiddenCharacterIssues(source, { published: [title, body], omitted: [] }, editorial);
    expect(issues.map(({ file, line }) => ({ file, line }))).toEqual([
      { file: "content/sources/s.txt", line: 1 },
      { file: "content/sources/s.txt", line: 2 },
    ]);
    expect(issues[0]?.problem).toContain("would be published, invisibly, in d.title");
    expect(issues[0]?.fix).toContain("or remove the mark from the file (save it as UTF-8 without BOM)");
    expect(issues[1]?.problem).toMatch(
      /^line 2, column 2: the control character U\+0000 \(null\) would be published in d#p1;/,
    );
    const omitted = { spans: [{ line: 2, start: 1, end: 2 }] };
    expect(hiddenCharacterIssues(source, { published: [], omitted: [omitted] }, editorial)).toEqual([
      expect.objectContaining({ line: 1, problem: expect.stringContaining("is neither published nor omitted") }),
    ]);
    const split = hiddenCharacterIssues(
      source,
      { published: [body], omitted: [title] },
      { ...editorial, splitLines: new Set([2]) },
    );
    expect(split[0]?.fix).toContain("line 2 is already split: cut it further");
  });
});

describe("messages show invisible characters as code points", () => {
  it("escapes control and format characters but tab and line feed", () => {
    expect(showInvisibles("a\0b\x1B[31mc\rd\u202Ee\uFEFFf\u2028g\th\ni")).toBe(
      "a<U+0000>b<U+001B>[31mc<U+000D>d<U+202E>e<U+FEFF>f<U+2028>g\th\ni",
    );
    expect(showInvisibles("网络强国")).toBe("网络强国");
  });

  it("in every issue an InputError carries and prints", () => {
    const error = new InputError([{ file: "a\x07.txt", line: 1, problem: "“\0”", fix: "omit \f" }]);
    expect(error.issues).toEqual([{ file: "a<U+0007>.txt", line: 1, problem: "“<U+0000>”", fix: "omit <U+000C>" }]);
    expect(error.message).toBe("a<U+0007>.txt:1: “<U+0000>”\n  fix: omit <U+000C>");
  });
});
