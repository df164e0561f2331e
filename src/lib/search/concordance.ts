/**
 * The concordance (keyword in context) of search results: one line per
 * match, with its left and right context, sortable as corpus tools
 * sort (left context read from the match outwards), and exportable as CSV.
 */
import type { DatePrecision } from "../../schemas/passage.ts";
import { concordanceSorts, type ConcordanceSort } from "./address.ts";
import type { DocumentGroup, PassageHit } from "./engine.ts";
import type { Range } from "./kwic.ts";
import type { SearchScope } from "./match.ts";
import { passageAnchor } from "../passage-numbers.ts";

export interface ConcordanceLine {
  doc: string;
  title: string;
  /** ISO date at its precision, or "" for an undated document. */
  date: string;
  /** How precisely the date is known ("" when undated). */
  datePrecision: DatePrecision | "";
  /** Whether the editor inferred the date rather than the text stating it. */
  dateInferred: boolean;
  outlet: string;
  /** The passage's id (`p7`). */
  passage: string;
  /** The passage's reader number (0 for the title); with its type, its anchor (`para3`, src/lib/passage-numbers.ts). */
  number: number;
  type: PassageHit["type"];
  left: string;
  /** What matched (src/lib/search/match.ts): a term, a near pair and what lies between, or a sentence. */
  match: string;
  /** The query's terms within the match, as ranges of it. */
  marks: Range[];
  right: string;
  /** At sentence scope, the sentence that matched (the match); "" otherwise. */
  sentence: string;
  /** Corpus order of the document and the line's place in it, for a stable order. */
  order: number;
  position: number;
  start: number;
}

/** Context shown on each side of a match, in characters. */
export const DEFAULT_CONTEXT = 15;

/**
 * The `width` code points before UTF-16 index `start` and after `end`: read
 * from at most 2 × width + 1 units each side (a code point is one or two
 * units, so that many hold `width` whole ones), so that a line costs its
 * context, never its passage's length.
 */
export function contextAround(text: string, start: number, end: number, width: number): [left: string, right: string] {
  if (width <= 0) return ["", ""];
  const units = 2 * width + 1;
  const left = [...text.slice(Math.max(0, start - units), start)].slice(-width).join("");
  const right = [...text.slice(end, end + units)].slice(0, width).join("");
  return [left, right];
}

/**
 * One line per match in the results, in their order (the passages' spans,
 * src/lib/search/match.ts: a term, a near pair with what lies between, or at
 * sentence scope a sentence), with `width` characters of context each side
 * (code points, not UTF-16 units), the terms marked within the match, and
 * at sentence scope the sentence the match is.
 */
export function concordanceLines(
  groups: readonly DocumentGroup[],
  width = DEFAULT_CONTEXT,
  scope: SearchScope = "passage",
): ConcordanceLine[] {
  return groups.flatMap((group) =>
    group.passages.flatMap((passage) => {
      // Marks and spans both come in text order, so each span's marks are found by walking forward once.
      let mark = 0;
      const marksIn = (start: number, end: number): Range[] => {
        while ((passage.occurrences[mark]?.[1] ?? Infinity) <= start) mark += 1;
        const inside: Range[] = [];
        for (let index = mark; index < passage.occurrences.length; index += 1) {
          const [from, to] = passage.occurrences[index] ?? [0, 0];
          if (from >= end) break;
          inside.push([Math.max(from, start) - start, Math.min(to, end) - start]);
        }
        return inside;
      };
      return passage.spans.map(([start, end]) => {
        const [left, right] = contextAround(passage.text, start, end, width);
        const match = passage.text.slice(start, end);
        return {
          doc: group.doc,
          title: group.title,
          date: group.date?.value ?? "",
          datePrecision: group.date?.precision ?? "",
          dateInferred: group.date?.inferred ?? false,
          outlet: group.outlet ?? "",
          passage: passage.id,
          number: passage.number,
          type: passage.type,
          left,
          match,
          marks: marksIn(start, end),
          right,
          sentence: scope === "sentence" ? match : "",
          order: group.order,
          position: passage.position,
          start,
        };
      });
    }),
  );
}

export { concordanceSorts, type ConcordanceSort };

const collator = new Intl.Collator("zh-CN");
const reversed = (text: string) => [...text].reverse().join("");
const inCorpusOrder = (a: ConcordanceLine, b: ConcordanceLine) =>
  a.order - b.order || a.position - b.position || a.start - b.start;

/** The text a column is sorted by, made once per line (the left context reversed, so once, not per comparison). */
const textKey: Partial<Record<ConcordanceSort, (line: ConcordanceLine) => string>> = {
  left: (line) => reversed(line.left),
  match: (line) => line.match,
  right: (line) => line.right,
};

/**
 * Lines sorted by a column: `left` by the left context read backwards from
 * the match (the word before the match first), `match`, `right`, `date`
 * (undated last) or `document` (corpus order); ties in corpus order. Each
 * line's key is made once, so a sort costs O(n log n) comparisons of keys.
 */
export function sortConcordance(
  lines: readonly ConcordanceLine[],
  by: ConcordanceSort,
  descending = false,
): ConcordanceLine[] {
  const sign = descending ? -1 : 1;
  const makeKey = textKey[by];
  if (makeKey) {
    return lines
      .map((line) => ({ line, key: makeKey(line) }))
      .sort((a, b) => sign * collator.compare(a.key, b.key) || inCorpusOrder(a.line, b.line))
      .map(({ line }) => line);
  }
  const compare =
    by === "date"
      ? (a: ConcordanceLine, b: ConcordanceLine) =>
          a.date && b.date ? a.date.localeCompare(b.date) : (a.date ? 0 : 1) - (b.date ? 0 : 1)
      : (a: ConcordanceLine, b: ConcordanceLine) => a.order - b.order;
  return [...lines].sort((a, b) => sign * compare(a, b) || inCorpusOrder(a, b));
}

/** Concordance lines drawn at once, and added by each "more lines": the screen's work is bounded by it, not by the occurrences. */
export const CONCORDANCE_LINES_STEP = 200;

/**
 * The columns of the export (CSV and JSON), in order: the document's id and
 * title, its date as stated with its precision and whether it is inferred,
 * the outlet; the passage as its link ends (`para3`, `sec2`, `item4`,
 * `title`, src/lib/passage-numbers.ts), its type and reader number apart for
 * sorting, the locator a reader sees (第3段) and its stable id (`p7`); the
 * line, the sentence at sentence scope, the address.
 */
export const concordanceColumns = [
  "document_id",
  "document",
  "date",
  "date_precision",
  "date_inferred",
  "outlet",
  "passage",
  "passage_type",
  "passage_number",
  "locator",
  "passage_id",
  "left",
  "match",
  "right",
  "sentence",
  "url",
] as const;
export type ConcordanceRecord = Record<(typeof concordanceColumns)[number], string>;

/** What the export adds to each line: the locator a reader sees and the passage's address. */
export interface ExportContext {
  locatorOf(line: ConcordanceLine): string;
  urlOf(line: ConcordanceLine): string;
}

/** Each line as a record of the export's columns, in the lines' order. */
export function concordanceRecords(lines: readonly ConcordanceLine[], context: ExportContext): ConcordanceRecord[] {
  return lines.map((line) => ({
    document_id: line.doc,
    document: line.title,
    date: line.date,
    date_precision: line.datePrecision,
    date_inferred: line.date ? String(line.dateInferred) : "",
    outlet: line.outlet,
    passage: passageAnchor(line),
    passage_type: line.type,
    passage_number: String(line.number),
    locator: context.locatorOf(line),
    passage_id: line.passage,
    left: line.left,
    match: line.match,
    right: line.right,
    sentence: line.sentence,
    url: context.urlOf(line),
  }));
}

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, a quotation mark or a
 * line break, quotes doubled. A field that a spreadsheet program would run as
 * a formula (starting with =, +, -, @, a tab or a carriage return, also in
 * full width) starts with an apostrophe instead, as OWASP advises, so that
 * opening an export never runs anything; the apostrophe is the only
 * character the export adds to the text.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r＝＋－＠]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/**
 * The lines as CSV, UTF-8 with a byte-order mark (so that spreadsheet
 * programs read the Chinese text), CRLF line ends, a header row.
 */
export function concordanceCsv(lines: readonly ConcordanceLine[], context: ExportContext): string {
  const rows = [
    [...concordanceColumns],
    ...concordanceRecords(lines, context).map((record) => concordanceColumns.map((column) => record[column])),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The lines as JSON, for scripts: an array of records with the CSV's columns, in the lines' order. */
export function concordanceJson(lines: readonly ConcordanceLine[], context: ExportContext): string {
  return `${JSON.stringify(concordanceRecords(lines, context), null, 1)}\n`;
}
