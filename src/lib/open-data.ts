/**
 * The open data: the corpus and its structured collections as JSON, each with
 * a JSON Schema generated from the zod schema that validates it, and the
 * milestones as CSV. Pure functions of the collections' data; the endpoints
 * in src/pages/data/ serve them.
 */
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { MilestoneEntry, PassagesEntry } from "../schemas/entities.ts";
import { openDataSchemas, type CorpusFile, type OpenDataName } from "../schemas/open-data.ts";
import type { Provenance } from "../schemas/provenance.ts";
import type { Speech } from "../schemas/speech.ts";

/** The documents in corpus order, each joined with its published passages. */
export function corpusFile(
  edition: string,
  speeches: readonly Speech[],
  passages: readonly PassagesEntry[],
  sources: readonly Provenance[],
): CorpusFile {
  const byDoc = new Map(passages.map((entry) => [entry.doc, entry]));
  const documents = [...speeches]
    .sort((a, b) => a.order - b.order)
    .map((speech) => {
      const text = byDoc.get(speech.slug);
      if (!text) throw new Error(`The passages collection has no entry for document “${speech.slug}”.`);
      return { ...speech, citeTitle: text.citeTitle, passages: text.passages };
    });
  const ordered = [...sources].sort((a, b) => a.manifest.file.localeCompare(b.manifest.file));
  return { edition, documents, sources: ordered };
}

/**
 * A data file's JSON after checking it against its schema, so a file never
 * disagrees with the schema published beside it.
 */
export function dataFileJson(name: OpenDataName, data: unknown): string {
  const checked = openDataSchemas[name].parse(data);
  return `${JSON.stringify(checked, null, 2)}\n`;
}

/**
 * The JSON Schema (draft 2020-12) of a data file, generated from its zod
 * schema; its `$id` is its absolute URL when the site has a public address.
 */
export function dataFileSchemaJson(name: OpenDataName, id: string | undefined): string {
  const schema = z.toJSONSchema(openDataSchemas[name], { io: "output" });
  return `${JSON.stringify(id ? { ...schema, $id: id } : schema, null, 2)}\n`;
}

/** The CSV columns of the milestones file, in order. */
export const milestoneColumns = [
  "id",
  "date",
  "precision",
  "start",
  "end",
  "derivation",
  "description",
  "documents",
  "passages",
  "principles",
] as const;

/**
 * A milestone's date as two ISO dates a spreadsheet reads, each at the
 * precision the text gives (2016-06, 2023-07-14): where the event begins and,
 * for a range, where it ends. An open interval (`2014/..`) has no end.
 */
export function milestoneSpan(value: string): { start: string; end: string } {
  const [start = "", end = ""] = value.split("/");
  return { start, end: end === ".." ? "" : end };
}

/**
 * The milestones as CSV (RFC 4180, UTF-8 with a byte-order mark so that
 * spreadsheet programs read the Chinese correctly), in date order (by start,
 * then id). `date` is the edition's notation, `start` and `end` plain ISO
 * dates, `precision` how much of them the text states. List fields are
 * joined with `;`; a passage is `document#block`.
 */
export function milestonesCsv(milestones: readonly MilestoneEntry[]): string {
  const rows = [...milestones]
    .map((milestone) => ({ milestone, ...milestoneSpan(milestone.date.value) }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.milestone.id.localeCompare(b.milestone.id))
    .map(({ milestone, start, end }) => [
      milestone.id,
      milestone.date.value,
      milestone.date.precision,
      start,
      end,
      milestone.date.derivation ?? "",
      milestone.description,
      milestone.documents.join(";"),
      milestone.passages.map((passage) => `${passage.doc}#${passage.block}`).join(";"),
      milestone.principles.join(";"),
    ]);
  return stringify(rows, { header: true, columns: [...milestoneColumns], bom: true, record_delimiter: "windows" });
}
