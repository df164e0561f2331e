/**
 * Where an editorial decision falls in a document's published text, for
 * exports that mark it at its place (the TEI files, src/lib/tei.ts): the
 * point of a join inside its block, and the place of each omitted piece.
 * Offsets are UTF-16 code units of the text they index, as the spans of
 * `pieces.ts` are. Pure.
 */
import type { OmissionPlace } from "../../src/schemas/speech.ts";
import type { Span } from "./pieces.ts";

/** The places of one document that publish source text, as `documentPlaces` in corpus.ts reads them. */
export interface PlacedDocument {
  slug: string;
  /** Without spans for an editorial title (the editor's words). */
  title: { spans: readonly Span[] };
  fields: Readonly<Partial<Record<string, { spans: readonly Span[] }>>>;
  contents?: readonly { label: { spans: readonly Span[] }; title: { spans: readonly Span[] } }[] | undefined;
  /** The body in reading order; a gap has no spans. */
  blocks: readonly { id: string; spans: readonly Span[] }[];
}

const length = (span: Span) => span.end - span.start;

/**
 * The offset in a text made of `spans` (concatenated in their order) at which
 * a piece at `at` of the source stands: after the last span of its line that
 * ends at or before it, else before the first span of its line. Undefined
 * when no span is on its line.
 *
 * @example offsetInSpans([{ line: 2, start: 0, end: 5 }, { line: 2, start: 6, end: 9 }], { line: 2, start: 5, end: 6 }) // 5
 */
export function offsetInSpans(spans: readonly Span[], at: Span): number | undefined {
  let offset = 0;
  let before: number | undefined;
  let after: number | undefined;
  for (const span of spans) {
    if (span.line === at.line) {
      before ??= offset;
      if (span.end <= at.start) after = offset + length(span);
    }
    offset += length(span);
  }
  return after ?? before;
}

/**
 * The offset in a block's text at which the piece of line `before` starts:
 * where the line break the join removed stood. Throws when the block has no
 * span on line `before` after one on line `after` (a pipeline bug).
 *
 * @example joinOffset([{ line: 31, start: 0, end: 12 }, { line: 33, start: 0, end: 40 }], { after: 31, before: 33 }) // 12
 */
export function joinOffset(spans: readonly Span[], join: { after: number; before: number }): number {
  let offset = 0;
  let seenAfter = false;
  for (const span of spans) {
    if (seenAfter && span.line === join.before) return offset;
    if (span.line === join.after) seenAfter = true;
    offset += length(span);
  }
  throw new Error(`pipeline bug: no piece of line ${join.before} follows line ${join.after} in the block`);
}

const linesOf = (place: { spans: readonly Span[] }) => place.spans.map((span) => span.line);

/** Every source line a document uses: title, fields, contents and blocks. */
function usedLines(document: PlacedDocument): number[] {
  return [
    ...linesOf(document.title),
    ...Object.values(document.fields).flatMap((field) => (field ? linesOf(field) : [])),
    ...(document.contents ?? []).flatMap((entry) => [...linesOf(entry.label), ...linesOf(entry.title)]),
    ...document.blocks.flatMap(linesOf),
  ];
}

/** How many body blocks come before source line `line`: those before the first block that starts after it. */
function blocksBefore(document: PlacedDocument, line: number): number {
  const index = document.blocks.findIndex((block) => (block.spans[0]?.line ?? 0) > line);
  return index < 0 ? document.blocks.length : index;
}

/** The place of an omitted piece in a document that uses its line. */
function placeIn(document: PlacedDocument, at: Span): Omit<OmissionPlace, "omission"> {
  const inTitle = offsetInSpans(document.title.spans, at);
  if (inTitle !== undefined) return { in: "title", at: inTitle };
  for (const block of document.blocks) {
    const offset = offsetInSpans(block.spans, at);
    if (offset !== undefined) return { in: block.id, at: offset };
  }
  return { in: "text", at: blocksBefore(document, at.line) };
}

/**
 * The omissions of one source placed in the documents made from it, by slug.
 * An omitted piece belongs to every document that uses its line; a whole
 * omitted line to the document that uses the nearest line before it (the
 * nearest after it when none is before), and stands between blocks there.
 * Each document's list is in source order, so that pieces at one offset
 * stand in the order the source has them; documents without an omission are
 * absent.
 */
export function placeOmissions(
  documents: readonly PlacedDocument[],
  omissions: readonly { spans: readonly Span[] }[],
): Map<string, OmissionPlace[]> {
  const placed = new Map<string, OmissionPlace[]>();
  const add = (slug: string, place: OmissionPlace) => placed.set(slug, [...(placed.get(slug) ?? []), place]);
  const lines = documents.map((document) => ({ document, lines: new Set(usedLines(document)) }));
  const inSourceOrder = omissions
    .map((omission, index) => ({ index, at: omission.spans[0] }))
    .filter((entry): entry is { index: number; at: Span } => entry.at !== undefined)
    .sort((a, b) => a.at.line - b.at.line || a.at.start - b.at.start);
  for (const { index, at } of inSourceOrder) {
    const users = lines.filter((entry) => entry.lines.has(at.line)).map((entry) => entry.document);
    for (const document of users) add(document.slug, { omission: index + 1, ...placeIn(document, at) });
    if (users.length > 0) continue;
    const nearest = (candidates: { document: PlacedDocument; line: number }[]) =>
      candidates.sort((a, b) => Math.abs(a.line - at.line) - Math.abs(b.line - at.line))[0]?.document;
    const all = lines.flatMap((entry) => [...entry.lines].map((line) => ({ document: entry.document, line })));
    const owner =
      nearest(all.filter((entry) => entry.line < at.line)) ?? nearest(all.filter((entry) => entry.line > at.line));
    if (owner) add(owner.slug, { omission: index + 1, in: "text", at: blocksBefore(owner, at.line) });
  }
  return placed;
}
