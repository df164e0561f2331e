import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  alignTexts,
  collate,
  commonLength,
  findSharedPassages,
  MIN_SHARED_LENGTH,
  type PassageText,
} from "../../src/lib/collation.ts";
import { normalizeForMatch } from "../../src/lib/text-match.ts";
import { passagesEntrySchema } from "../../src/schemas/entities.ts";
import { projectRoot } from "../helpers/root.ts";

function passagesOf(doc: string): PassageText[] {
  const entry = passagesEntrySchema.parse(
    JSON.parse(readFileSync(join(projectRoot, "content", "generated", "passages", `${doc}.json`), "utf8")),
  );
  return entry.passages.map((passage) => ({ doc, id: passage.id, text: passage.text }));
}

describe("shared passages on the corpus", () => {
  it("on the corpus, links the reprinted review passage by passage and leaves short common phrases unlinked", () => {
    const documents = readdirSync(join(projectRoot, "content", "generated", "passages")).map((file) =>
      file.replace(/\.json$/, ""),
    );
    const passages = documents.flatMap(passagesOf);
    const links = findSharedPassages(passages);
    const linked = new Set(links.map((link) => `${link.from.doc}#${link.from.id}>${link.to.doc}#${link.to.id}`));
    // Every passage of the newspaper copy long enough to be linked has its counterpart in the booklet.
    for (const passage of passagesOf("review-cyber-power-newspaper-2023").filter(
      (candidate) => normalizeForMatch(candidate.text).length >= MIN_SHARED_LENGTH,
    ))
      expect(
        links.some(
          (link) =>
            link.from.id === passage.id && link.from.doc === passage.doc && link.to.doc === "booklet-2023-material-2",
        ),
        passage.id,
      ).toBe(true);
    // Passages of different documents that both quote “习近平总书记强调” but share less than the threshold are not linked.
    const quoting = passages.filter((passage) => passage.text.includes("习近平总书记强调"));
    let unrelated = 0;
    for (const x of quoting)
      for (const y of quoting) {
        if (x.doc === y.doc) continue;
        if (commonLength(alignTexts(x.text, y.text)).longest >= MIN_SHARED_LENGTH) continue;
        unrelated += 1;
        expect(linked.has(`${x.doc}#${x.id}>${y.doc}#${y.id}`)).toBe(false);
      }
    expect(unrelated).toBeGreaterThan(10);
    for (const link of links) expect(link.longest).toBeGreaterThanOrEqual(MIN_SHARED_LENGTH);
  });
});

describe("collation of the two copies of the review article", () => {
  const newspaper = passagesOf("review-cyber-power-newspaper-2023");
  const booklet = passagesOf("booklet-2023-material-2");
  const collation = collate(newspaper, booklet);

  it("finds the known variants", () => {
    const readings = collation.variants.map((variant) => [variant.a, variant.b]);
    // 《国家网络空间安全战略》 in the newspaper, 《国家网络安全战略》 in the booklet.
    expect(readings).toContainEqual(["空间", ""]);
    // 勇敢担当 against 勇毅担当.
    expect(readings).toContainEqual(["敢", "毅"]);
    const strategy = collation.variants.find((variant) => variant.a === "空间");
    expect(newspaper.find((passage) => passage.id === strategy?.aPassage)?.text).toContain("《国家网络空间安全战略》");
    expect(booklet.find((passage) => passage.id === strategy?.bPassage)?.text).toContain("《国家网络安全战略》");
  });

  it("gives every variant context that finds it in its passage, and the row that holds it", () => {
    const squeeze = (text: string) => text.replace(/\s+/g, "");
    expect(collation.variants.length).toBeGreaterThan(0);
    for (const variant of collation.variants) {
      expect(`${variant.before}${variant.after}`.length, JSON.stringify(variant)).toBeGreaterThan(0);
      const passage = newspaper.find((candidate) => candidate.id === variant.aPassage)?.text ?? "";
      expect(squeeze(passage)).toContain(squeeze(`${variant.before}${variant.a}${variant.after}`));
      expect(collation.rows[variant.row]?.a.passages.map((shown) => shown.id)).toContain(variant.aPassage);
    }
  });

  it("covers every paragraph of the newspaper copy once, and shows what the newspaper lacks as gaps", () => {
    const shown = collation.rows.flatMap((row) => row.a.passages.map((passage) => passage.id));
    expect(shown).toEqual(newspaper.map((passage) => passage.id));
    const shownBooklet = collation.rows.flatMap((row) => row.b.passages.map((passage) => passage.id));
    expect(shownBooklet).toEqual(booklet.map((passage) => passage.id));
    expect(collation.rows.filter((row) => row.lacking === "a").length).toBeGreaterThan(5);
    expect(collation.lacunae.map((lacuna) => lacuna.side)).toEqual(["a", "a"]);
    expect(collation.lacunae[0]?.text).toContain("当今世界，信息化浪潮云奔潮涌");
  });

  it("shows each copy's text exactly as published, differences marked", () => {
    for (const row of collation.rows)
      for (const [side, passages] of [
        ["a", newspaper],
        ["b", booklet],
      ] as const)
        for (const passage of row[side].passages) {
          const text = passage.segments.map((segment) => segment.text).join("");
          expect(text.replace(/\s+/g, "")).toBe(
            passages.find((candidate) => candidate.id === passage.id)?.text.replace(/\s+/g, ""),
          );
        }
  });
});
