import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editorialSchema } from "../../src/schemas/editorial.ts";
import { assembleSource } from "../../scripts/lib/assemble.ts";
import { checkConservation } from "../../scripts/lib/conservation.ts";
import { omissionPlaces, publishedPlaces, toSpeech } from "../../scripts/lib/corpus.ts";
import { renderMdx } from "../../scripts/lib/emit.ts";
import { assignBlockIds } from "../../scripts/lib/ids.ts";
import { IssueCollector } from "../../scripts/lib/issues.ts";
import { sha256 } from "../../scripts/lib/sources.ts";
import { decodeUtf8 } from "../../scripts/lib/utf8.ts";
import { parseYaml } from "../../scripts/lib/yaml-file.ts";
import { splitSourceLines } from "../../src/lib/source-lines.ts";

/**
 * Golden fixtures: each folder of tests/fixtures/assemble/ holds a source
 * text and its editorial data; the expected documents (expected.json) and MDX
 * (expected/*.mdx) stand beside them. `npx vitest run -u` rewrites the
 * expected files for review in the diff.
 */
const fixtures = join(import.meta.dirname, "../fixtures/assemble");

describe.each(readdirSync(fixtures))("assemble %s", (name) => {
  const dir = join(fixtures, name);
  const bytes = readFileSync(join(dir, "source.txt"));
  const text = decodeUtf8(bytes);
  const source = {
    file: "source.txt",
    bytes,
    text,
    lines: splitSourceLines(text),
    manifest: {
      file: "source.txt",
      sha256: sha256(bytes),
      description: name,
      states: { title: null, author: null, outlet: null, date: null, page: null },
    },
  };
  const editorial = parseYaml(readFileSync(join(dir, "editorial.yaml"), "utf8"), "editorial.yaml", editorialSchema);
  const issues = new IssueCollector();
  const assembled = assembleSource(
    source,
    editorial.data,
    { file: "editorial.yaml", lineOf: editorial.lineOf },
    issues,
  );
  const documents = assembled.documents.map((document, order) => ({
    ...document,
    order,
    blocks: assignBlockIds(document.blocks),
  }));

  it("assembles without problems", () => {
    issues.throwIfAny();
  });

  it("publishes every character exactly once", () => {
    expect(checkConservation(source, publishedPlaces("source.txt", documents, assembled.omissions))).toEqual([]);
  });

  it("gives the expected documents", async () => {
    const view = {
      documents: documents.map((document) => ({
        slug: document.slug,
        title: document.title.text,
        ...(document.title.basis ? { editorialTitle: document.title.basis } : {}),
        status: document.status,
        fields: Object.fromEntries(Object.entries(document.fields).map(([key, place]) => [key, place.text])),
        blocks: document.blocks.map((block) => ({
          id: block.id,
          type: block.type,
          ...(block.level ? { level: block.level } : {}),
          text: block.text,
          lines: block.spans.map((span) => span.line),
          ...(block.joins.length > 0
            ? { joins: block.joins.map((join) => `${join.after}→${join.before} ${join.reason}`) }
            : {}),
          ...(block.kind ? { kind: block.kind } : {}),
          ...(block.question ? { openQuestion: block.question } : {}),
        })),
      })),
      omissions: assembled.omissions.map((omission) => ({ text: omission.text, reason: omission.reason })),
    };
    await expect(`${JSON.stringify(view, null, 2)}\n`).toMatchFileSnapshot(join(dir, "expected.json"));
  });

  it("renders the expected MDX", async () => {
    const placed = omissionPlaces({ documents, omissions: assembled.omissions });
    for (const document of documents) {
      await expect(renderMdx(document, toSpeech(document, [], placed.get(document.slug)))).toMatchFileSnapshot(
        join(dir, "expected", `${document.slug}.mdx`),
      );
    }
  });
});
