import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildSite } from "../../scripts/build.ts";
import { buildCorpus, type Corpus } from "../../scripts/lib/corpus.ts";
import { projectRoot, snapshotDir } from "../helpers/project.ts";

/** The site built by the global setup, and a second build into a fresh folder. */
const first = inject("siteDir");
const scratch = mkdtempSync(join(tmpdir(), "corpus-build-"));
const second = join(scratch, "second");
let corpus: Corpus;

beforeAll(async () => {
  corpus = buildCorpus(projectRoot);
  await buildSite(projectRoot, second);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function page(slug: string): Document {
  return parseHTML(readFileSync(join(first, "speeches", slug, "index.html"), "utf8")).document;
}

describe("the built site", () => {
  it("has a page per document, in Chinese", () => {
    for (const document of corpus.documents) {
      const html = page(document.slug);
      expect(html.documentElement.getAttribute("lang")).toBe("zh-CN");
      expect(html.querySelector("h1")?.textContent).toBe(document.title.text);
      expect(html.querySelector("title")?.textContent).toContain(document.title.text);
    }
  });

  it("publishes every block with its id and exactly the text of the model", () => {
    for (const document of corpus.documents) {
      const html = page(document.slug);
      const rendered = [...html.querySelectorAll(".block, .gap")];
      expect(rendered.map((element) => element.id)).toEqual(document.blocks.map((block) => block.id));
      document.blocks.forEach((block, index) => {
        const element = rendered[index];
        if (block.type === "gap") {
          expect(element?.textContent).toContain(block.text);
        } else {
          expect(element?.querySelector(".block-text")?.textContent, `${document.slug}#${block.id}`).toBe(block.text);
          expect(element?.getAttribute("data-lines")).toBe(
            [...new Set(block.spans.map((span) => span.line))].join(","),
          );
        }
      });
    }
  });

  it("shows metadata and inferences as the data says", () => {
    const html = page("zhao-zhiguo-new-era-cyber-power");
    expect(html.querySelector(".meta")?.textContent).toContain("工业和信息化部网络安全管理局局长 赵志国");
    expect(html.querySelector(".inferred")?.textContent).toBe("2017年10月以后");
    expect(html.querySelector(".provenance")?.textContent).toContain(
      "7c2e7cf6cac9c412598056e8d73f312fd0f36323c3b0e036533cbd6425ac26e6",
    );
  });

  it("is byte-identical when built twice", () => {
    expect(snapshotDir(second)).toEqual(snapshotDir(first));
  });
});
