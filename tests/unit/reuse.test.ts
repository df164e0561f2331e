import { describe, expect, it } from "vitest";
import {
  distinctFormulas,
  documentsContaining,
  formulaOf,
  FORMULA_MIN_DOCUMENTS,
  longestCommonStretch,
  sharedWords,
} from "../../src/lib/reuse.ts";

const texts = (...documents: string[]) => new Map(documents.map((text, index) => [`d${index}`, text]));

describe("reuse", () => {
  it("finds the longest stretch two texts share", () => {
    expect(longestCommonStretch("甲乙丙丁戊", "乙丙丁己")).toEqual({ start: 1, length: 3 });
    expect(longestCommonStretch("甲", "乙")).toEqual({ start: 0, length: 0 });
  });

  it("shows the shared words with a few characters around them, long words cut in the middle", () => {
    expect(sharedWords("前面的话加快建设网络强国后面的话", "要加快建设网络强国。", 3)).toEqual({
      before: "…面的话",
      words: "加快建设网络强国",
      after: "后面的…",
      length: 8,
      whole: "加快建设网络强国",
    });
    const long = "一二三四五六七八九十".repeat(6);
    const shown = sharedWords(long, long, 3, 11);
    expect(shown.words).toBe("一二三四五…六七八九十");
    expect(shown.whole).toBe(long);
  });

  it("takes words that many documents contain for a formula, trimming punctuation and a caught particle", () => {
    const phrase = "习近平总书记关于网络强国的重要思想";
    const corpus = texts(
      ...Array.from({ length: FORMULA_MIN_DOCUMENTS }, (_, index) => `第${index}篇：${phrase}。`),
      "别的文字",
    );
    expect(documentsContaining(phrase, corpus)).toBe(FORMULA_MIN_DOCUMENTS);
    expect(formulaOf(`了${phrase}。`, corpus)).toEqual({ phrase, documents: FORMULA_MIN_DOCUMENTS });
    // words only a few documents share mark reuse, not a formula
    expect(formulaOf("别的文字另有八个字符", corpus)).toBeUndefined();
    expect(formulaOf(phrase, texts(phrase, phrase))).toBeUndefined();
  });

  it("lists a formula once, the shorter phrase standing for those that contain it", () => {
    expect(
      distinctFormulas([{ phrase: "了网络强国思想" }, { phrase: "网络强国思想" }, { phrase: "网络强国思想" }]),
    ).toEqual([{ phrase: "网络强国思想" }]);
  });
});
