/**
 * A source text line by line, each line with every place its characters
 * went: a document's title, a metadata field, a contents entry or a block of
 * its text, or an omission with its reason. The source view page renders
 * this; its links and the "底本行 N" links on the documents' pages make the
 * way from the edition to its source and back.
 */
import type { Provenance } from "../schemas/provenance.ts";
import type { FieldName, Speech } from "../schemas/speech.ts";
import { splitSourceLines } from "./source-lines.ts";

export type LineUse =
  | { kind: "title"; doc: string }
  | { kind: "field"; doc: string; field: FieldName }
  | { kind: "contents"; doc: string }
  | { kind: "block"; doc: string; id: string }
  | {
      kind: "omission";
      index: number;
      /** The omitted text (all of it, where it spans lines). */
      text: string;
      reason: Provenance["omissions"][number]["reason"];
      note?: string | undefined;
    };

export interface SourceLine {
  /** 1-based, as the editorial data and the documents' pages number lines. */
  number: number;
  text: string;
  uses: LineUse[];
}

/**
 * The lines of a source text (split at line feeds, as the ingest splits
 * them) with their uses, in the order the documents and omissions list them.
 */
export function sourceLines(
  text: string,
  documents: readonly Speech[],
  omissions: Provenance["omissions"],
): SourceLine[] {
  const lines: SourceLine[] = splitSourceLines(text).map((line, index) => ({
    number: index + 1,
    text: line,
    uses: [],
  }));
  const add = (numbers: readonly number[], use: LineUse) => {
    for (const number of new Set(numbers)) {
      const line = lines[number - 1];
      if (!line) throw new Error(`line ${number} is beyond the source's ${lines.length} lines`);
      line.uses.push(use);
    }
  };
  for (const document of documents) {
    if ("lines" in document.title) add(document.title.lines, { kind: "title", doc: document.slug });
    for (const [field, placed] of Object.entries(document.fields) as [FieldName, { lines: number[] }][])
      add(placed.lines, { kind: "field", doc: document.slug, field });
    for (const entry of document.contents ?? [])
      add([...entry.label.lines, ...entry.title.lines], { kind: "contents", doc: document.slug });
    for (const block of document.blocks) add(block.lines, { kind: "block", doc: document.slug, id: block.id });
  }
  omissions.forEach((omission, index) =>
    add(omission.lines, { kind: "omission", index, text: omission.text, reason: omission.reason, note: omission.note }),
  );
  return lines;
}

/** The fragment id of a line on the source view page. */
export const lineAnchor = (number: number): string => `L${number}`;

/** The fragment id of a metadata field on a document's page. */
export const fieldAnchor = (field: FieldName): string => `field-${field}`;

/** The fragment id of an omission in a document's provenance section. */
export const omissionAnchor = (index: number): string => `omission-${index + 1}`;

/** The source view's path segment of a source file: its name without `.txt`. */
export const sourceStem = (file: string): string => file.replace(/\.txt$/, "");
