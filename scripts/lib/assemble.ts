import type { DateClaim, EditorialData, EditorialDocument } from "../../src/schemas/editorial.ts";
import type { DocumentKind, FieldName, OutletKind, ReviewStatus } from "../../src/schemas/speech.ts";
import { isTerminated } from "../../src/lib/punctuation.ts";
import type { IssueCollector } from "./issues.ts";
import { buildPieceTable, expandRange, textOf, type Piece, type PieceTable, type Span } from "./pieces.ts";
import type { SourceText } from "./sources.ts";
import type { YamlPath } from "./yaml-file.ts";

/** Verbatim text and exactly the source spans it was taken from. */
export interface Place {
  text: string;
  spans: Span[];
}

export interface Decision {
  /** A kind of decision of content/vocabulary.yaml. */
  reason: string;
  note?: string | undefined;
}

export interface Join extends Decision {
  after: number;
  before: number;
}

/** A block before ids are assigned. */
export interface DraftBlock extends Place {
  type: "heading" | "paragraph" | "item" | "gap";
  level?: 2 | 3 | undefined;
  joins: Join[];
  decision?: Decision | undefined;
  /** A block kind of content/vocabulary.yaml (pull quote, caption), for a block that is not a plain one. */
  kind?: string | undefined;
  /** For a draft: what an editor must still decide about this block (an unterminated end). */
  question?: string | undefined;
}

export interface AssembledClaim {
  value: string;
  stated?: Place | undefined;
  basis?: string | undefined;
}

export interface DraftDocument {
  slug: string;
  kind: DocumentKind;
  status: ReviewStatus;
  sequence?: number | undefined;
  /** The document's place in its editorial file, the last tie-breaker of the corpus order. */
  position: number;
  source: SourceText;
  /** The edition's English translation of the title. */
  titleEnglish?: string | undefined;
  /** The title the text prints; or, with `basis` and no spans, an editorial title. */
  title: Place & { basis?: string | undefined };
  fields: Partial<Record<FieldName, Place>>;
  date?: (AssembledClaim & { precision: DateClaim["precision"] }) | undefined;
  authors: AssembledClaim[];
  outlet?: AssembledClaim | undefined;
  outletKind: OutletKind | undefined;
  page?: AssembledClaim | undefined;
  readingOrder?: string | undefined;
  relations: EditorialDocument["relations"];
  contents?: { label: Place; title: Place; target: string }[] | undefined;
  blocks: DraftBlock[];
  /** Decisions the drafter left open (absent when none). */
  questions?: EditorialDocument["questions"] | undefined;
}

export interface Omission extends Place, Decision {
  source: string;
}

/** Where in the editorial file a problem lies, for error messages. */
export interface EditorialLocation {
  file: string;
  lineOf(path: YamlPath): number | undefined;
}

const OMISSIONS = "omissions";

type BodyEntry = { kind: "piece"; piece: Piece } | { kind: "gap"; reason: string; note: string };

/**
 * Turns one source and its editorial data into draft documents and omissions.
 * Every piece of the source must be taken exactly once; problems are added to
 * `issues` with the editorial file and line they concern.
 */
export function assembleSource(
  source: SourceText,
  editorial: EditorialData,
  where: EditorialLocation,
  issues: IssueCollector,
): { documents: DraftDocument[]; omissions: Omission[] } {
  const report = (path: YamlPath, problem: string, fix: string) =>
    issues.add({ file: where.file, line: where.lineOf(path), problem, fix });

  const { table, errors } = buildPieceTable(source.lines, editorial.splits);
  for (const error of errors) {
    if (error.kind === "no-such-line") {
      report(
        ["splits", String(error.line)],
        `splits names line ${error.line}, which is blank or beyond the end of ${source.file} (${source.lines.length} lines)`,
        "split only non-blank lines of the source",
      );
    } else if (error.kind === "bad-cut") {
      report(
        ["splits", String(error.line)],
        error.problem === "marker-not-found"
          ? `the marker “${String(error.cut)}” does not occur in line ${error.line} after the previous cut`
          : `the cut at ${String(error.cut)} is not inside line ${error.line} after the previous cut (the line has ${[...(source.lines[error.line - 1] ?? "")].length} characters)`,
        "cut at markers the line contains, or at character offsets between 1 and the line's length minus 1, in the order they come",
      );
    } else {
      report(
        ["splits", String(error.line)],
        `the pieces of line ${error.line} do not concatenate to the line: they give “${error.actual}”, the line is “${error.expected}”`,
        "make the pieces cover the line exactly, every character once, including spaces and tabs",
      );
    }
  }

  const owners = new Map<string, string>();
  const take = (ref: string, path: YamlPath, owner: string): Piece | undefined => {
    const piece = resolve(table, ref, path, report);
    if (!piece) return undefined;
    const previous = owners.get(piece.ref);
    if (previous !== undefined) {
      report(
        path,
        `piece ${piece.ref} (“${preview(piece.text)}”) is used twice: already in ${previous}`,
        "use each piece of the source exactly once; remove one of the two uses",
      );
      return undefined;
    }
    owners.set(piece.ref, owner);
    return piece;
  };
  const takeAll = (refs: readonly string[], path: YamlPath, owner: string): Place =>
    placeOf(refs.flatMap((ref, index) => take(ref, [...path, index], owner) ?? []));

  const omissions: Omission[] = editorial.omissions.flatMap((omission, index) =>
    omission.pieces.flatMap((ref, pieceIndex) => {
      const piece = take(ref, ["omissions", index, "pieces", pieceIndex], `${OMISSIONS}[${index}]`);
      return piece
        ? [
            {
              source: source.file,
              text: piece.text,
              spans: [span(piece)],
              reason: omission.reason,
              note: omission.note,
            },
          ]
        : [];
    }),
  );

  const documents = editorial.documents.map((document, index) =>
    assembleDocument(document, index, { source, table, take, takeAll, report, owners }),
  );

  for (const piece of table.pieces) {
    if (!owners.has(piece.ref)) {
      issues.add({
        file: where.file,
        problem: `piece ${piece.ref} of ${source.file} (“${preview(piece.text)}”) is not used`,
        fix: "add it to a document (title, fields or body) or to omissions with a reason; every character of a source must appear exactly once",
      });
    }
  }
  return { documents, omissions };
}

interface Context {
  source: SourceText;
  table: PieceTable;
  take(ref: string, path: YamlPath, owner: string): Piece | undefined;
  takeAll(refs: readonly string[], path: YamlPath, owner: string): Place;
  report(path: YamlPath, problem: string, fix: string): void;
  owners: ReadonlyMap<string, string>;
}

function assembleDocument(document: EditorialDocument, position: number, context: Context): DraftDocument {
  const { take, takeAll, report } = context;
  const path = ["documents", position];
  const owner = (field: string) => `${document.slug}.${field}`;

  const title = Array.isArray(document.title)
    ? takeAll(document.title, [...path, "title"], owner("title"))
    : { text: document.title.editorial, spans: [], basis: document.title.basis };
  const fields: Partial<Record<FieldName, Place>> = {};
  for (const [name, refs] of Object.entries(document.fields ?? {}) as [FieldName, string[]][]) {
    fields[name] = takeAll(refs, [...path, "fields", name], owner(name));
  }
  if (document.status === "verified" && document.questions.length > 0) {
    report(
      [...path, "questions"],
      `${document.slug} is verified but has ${document.questions.length} open drafting question(s)`,
      "settle each question as its fix says and delete it from questions, or lower the status to proofread",
    );
  }
  const contents = document.contents?.map((entry, index) => ({
    label: takeAll(entry.label, [...path, "contents", index, "label"], owner(`contents[${index}]`)),
    title: takeAll(entry.title, [...path, "contents", index, "title"], owner(`contents[${index}]`)),
    target: entry.target,
  }));

  const body: BodyEntry[] = [];
  document.body.forEach((item, index) => {
    const itemPath = [...path, "body", index];
    if (typeof item === "object") {
      body.push({ kind: "gap", reason: item.gap, note: item.note });
      return;
    }
    const range = /^(\d+)-(\d+)$/.exec(item);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to || to > context.table.lineCount) {
        report(
          itemPath,
          `range ${item} is not a range of lines of ${context.source.file} (${context.table.lineCount} lines)`,
          "write the first line, a hyphen and the last line, first ≤ last",
        );
        return;
      }
      for (const piece of expandRange(context.table, from, to)) {
        if (context.owners.get(piece.ref)?.startsWith(OMISSIONS)) continue;
        if (take(piece.ref, itemPath, owner("body"))) body.push({ kind: "piece", piece });
      }
      return;
    }
    const piece = take(item, itemPath, owner("body"));
    if (piece) body.push({ kind: "piece", piece });
  });

  const positionOf = new Map<string, number>();
  body.forEach((entry, index) => {
    if (entry.kind === "piece") positionOf.set(entry.piece.ref, index);
  });
  const inBody = (ref: string, entryPath: YamlPath, role: string): number | undefined => {
    const position = positionOf.get(ref);
    if (position === undefined) {
      report(
        entryPath,
        `${role} names piece ${ref}, which is not in the body of ${document.slug}`,
        "name a piece that this document's body lists",
      );
    }
    return position;
  };

  const headingLevels = new Map<string, 2 | 3>();
  document.headings.forEach((heading, index) => {
    if (inBody(heading.piece, [...path, "headings", index], "a heading") !== undefined) {
      headingLevels.set(heading.piece, heading.level);
    }
  });

  const listItems = new Set<string>();
  document.lists.forEach((list, index) => {
    const listPath = [...path, "lists", index];
    const from = inBody(list.from, listPath, "a list");
    const to = inBody(list.to, listPath, "a list");
    if (from === undefined || to === undefined) return;
    for (const entry of body.slice(from, to + 1)) {
      if (entry.kind === "piece") listItems.add(entry.piece.ref);
    }
  });

  const joinsAfter = new Map<string, Decision>();
  document.joins.forEach((join, index) => {
    const joinPath = [...path, "joins", index];
    const [left, right] = join.pieces;
    const leftPosition = inBody(left, joinPath, "a join");
    const rightPosition = inBody(right, joinPath, "a join");
    if (leftPosition === undefined || rightPosition === undefined) return;
    if (rightPosition !== leftPosition + 1) {
      report(
        joinPath,
        `join [${left}, ${right}]: ${right} does not follow ${left} in the reading order of the body`,
        "join only pieces that are consecutive in the body; reorder the body if the reading order is wrong",
      );
      return;
    }
    joinsAfter.set(left, { reason: join.reason, note: join.note });
  });

  const unterminated = new Map<string, Decision>();
  document.unterminated.forEach((entry, index) => {
    if (inBody(entry.piece, [...path, "unterminated", index], "an unterminated entry") !== undefined) {
      unterminated.set(entry.piece, { reason: entry.reason, note: entry.note });
    }
  });

  const blockKinds = new Map<string, string>();
  document.kinds.forEach((entry, index) => {
    if (inBody(entry.piece, [...path, "kinds", index], "a block kind") !== undefined) {
      blockKinds.set(entry.piece, entry.kind);
    }
  });

  const blocks: DraftBlock[] = [];
  for (let index = 0; index < body.length; index += 1) {
    const entry = body[index];
    if (entry === undefined) continue;
    if (entry.kind === "gap") {
      blocks.push({ type: "gap", text: entry.note, spans: [], joins: [], decision: { reason: entry.reason } });
      continue;
    }
    const pieces = [entry.piece];
    const joins: Join[] = [];
    let last = entry.piece;
    for (let join = joinsAfter.get(last.ref); join; join = joinsAfter.get(last.ref)) {
      const next = body[index + 1];
      if (next?.kind !== "piece") break;
      joins.push({ ...join, after: last.line, before: next.piece.line });
      pieces.push(next.piece);
      last = next.piece;
      index += 1;
    }
    const level = headingLevels.get(entry.piece.ref);
    const type = level ? "heading" : listItems.has(entry.piece.ref) ? "item" : "paragraph";
    const decision = unterminated.get(last.ref);
    const kind = blockKinds.get(entry.piece.ref);
    let question: string | undefined;
    if (type !== "heading" && !decision && !kind && !isTerminated(last.text)) {
      const next = body[index + 1];
      const problem = `piece ${last.ref} ends without sentence-final punctuation (“…${last.text.slice(-12)}”) but is neither joined to the next piece nor listed as unterminated`;
      const fix =
        next?.kind === "piece"
          ? `if the sentence goes on in ${next.piece.ref}, add a join { pieces: [${last.ref}, ${next.piece.ref}], reason: page-break }; otherwise add { piece: ${last.ref}, reason: label-line } to unterminated, or list it under headings`
          : `if the text breaks off here, add { piece: ${last.ref}, reason: missing-end } to unterminated (or reason: label-line for a label); otherwise list it under headings`;
      if (document.status === "draft") question = fix;
      else
        report(
          [...path, "body"],
          problem,
          `${fix} (a ${document.status} document settles this; a draft lists it as an open question)`,
        );
    }
    if (kind && type === "heading") {
      report(
        [...path, "kinds"],
        `piece ${entry.piece.ref} is a heading and cannot also be a ${kind}`,
        "mark a paragraph, or remove it from headings",
      );
    }
    for (const joined of pieces.slice(1)) {
      if (blockKinds.has(joined.ref)) {
        report(
          [...path, "kinds"],
          `piece ${joined.ref} is joined to the piece before it, so it does not begin a block and cannot be marked ${blockKinds.get(joined.ref) ?? ""}`,
          `mark the block by its first piece, ${entry.piece.ref}`,
        );
      }
    }
    blocks.push({
      ...placeOf(pieces),
      type,
      level,
      joins,
      decision,
      kind: type === "heading" ? undefined : kind,
      question,
    });
  }

  return {
    slug: document.slug,
    kind: document.kind,
    status: document.status,
    sequence: document.sequence,
    titleEnglish: document.titleEnglish,
    position,
    source: context.source,
    title,
    fields,
    date: document.date && {
      ...checkClaim(document.date, [...path, "date"], context, (text) => statesDate(text, document.date?.value ?? "")),
      precision: document.date.precision,
    },
    authors: (document.authors ?? []).map((author, index) =>
      checkClaim(author, [...path, "authors", index], context, (text) => text.includes(author.value)),
    ),
    outlet:
      document.outlet &&
      checkClaim(document.outlet, [...path, "outlet"], context, (text) => text.includes(document.outlet?.value ?? "")),
    outletKind: document.outlet ? (document.outletKind ?? (document.page ? "newspaper" : "website")) : undefined,
    page:
      document.page &&
      checkClaim(document.page, [...path, "page"], context, (text) => text.includes(document.page?.value ?? "")),
    readingOrder: document.readingOrder,
    relations: document.relations,
    contents,
    blocks,
    ...(document.questions.length > 0 ? { questions: document.questions } : {}),
  };
}

/** A stated claim must name a piece this source has that states its value. */
function checkClaim(
  claim: { value: string; from?: string | undefined; basis?: string | undefined },
  path: YamlPath,
  context: Context,
  states: (text: string) => boolean,
): AssembledClaim {
  if (claim.from === undefined) return { value: claim.value, basis: claim.basis };
  const piece = resolve(context.table, claim.from, [...path, "from"], context.report);
  if (!piece) return { value: claim.value };
  if (!states(piece.text)) {
    context.report(
      [...path, "from"],
      `piece ${piece.ref} (“${preview(piece.text)}”) does not state ${claim.value}`,
      "name the piece that states this value, or give a `basis` instead of `from` if the edition infers it",
    );
  }
  return { value: claim.value, stated: placeOf([piece]) };
}

/** Whether a text states an ISO date: its year, month and day as written numbers. */
export function statesDate(text: string, iso: string): boolean {
  const [year, month, day] = iso.split("-").map(Number);
  const compact = text.replace(/\s+/g, "");
  if (year !== undefined && month !== undefined) {
    // 2023-11-09, 2023/11/9, 2023.11.09: a numeric date states its year, month and day as 年月日 would
    const numeric = new RegExp(
      `(^|\\D)${year}[-/.]0?${month}${day === undefined ? "(\\D|$)" : `[-/.]0?${day}(\\D|$)`}`,
    );
    if (numeric.test(text)) return true;
    // 19.11.2021: day, month and year with dots, as the drafter reads them (fullDateIn); never with slashes
    const dotted = new RegExp(`(^|[^\\d.])0?${day}\\.0?${month}\\.${year}([^\\d.]|$)`);
    if (day !== undefined && dotted.test(text)) return true;
  }
  const has = (value: number | undefined, unit: string) =>
    value === undefined || new RegExp(`(^|\\D)0?${value}${unit}`).test(compact);
  return has(year, "年") && has(month, "月") && has(day, "日");
}

function resolve(
  table: PieceTable,
  ref: string,
  path: YamlPath,
  report: (path: YamlPath, problem: string, fix: string) => void,
): Piece | undefined {
  const piece = table.get(ref);
  if (piece) return piece;
  const line = Number.parseInt(ref, 10);
  const split = table.ofLine(line);
  if (line > table.lineCount) {
    report(
      path,
      `piece ${ref} names line ${line}, which does not exist (the source has ${table.lineCount} lines)`,
      "name a line of the source",
    );
  } else if (split.length > 1) {
    report(
      path,
      `piece ${ref}: line ${line} is split into pieces ${split.map((piece) => piece.ref).join(", ")}`,
      "name the pieces of a split line, not the line",
    );
  } else if (split.length === 0) {
    report(path, `piece ${ref} names line ${line}, which is blank`, "name a non-blank line of the source");
  } else {
    report(path, `piece ${ref} does not exist; line ${line} is not split`, `name the whole line as ${line}`);
  }
  return undefined;
}

function span(piece: Piece): Span {
  return { line: piece.line, start: piece.start, end: piece.end };
}

function placeOf(pieces: readonly Piece[]): Place {
  return { text: textOf(pieces), spans: pieces.map(span) };
}

function preview(text: string): string {
  return text.length > 16 ? `${text.slice(0, 16)}…` : text;
}
