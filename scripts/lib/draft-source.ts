import { Document, isMap, isScalar, isSeq, visit } from "yaml";
import { isTerminated } from "../../src/lib/punctuation.ts";
import { splitSourceLines } from "../../src/lib/source-lines.ts";
import type { Manifest } from "../../src/schemas/manifest.ts";
import type { DocumentKind, FieldName } from "../../src/schemas/speech.ts";
import type { Vocabulary } from "../../src/schemas/vocabulary.ts";
import { statesDate } from "./assemble.ts";
import { findDateExpressions, proposeClassification } from "./date-expressions.ts";

/**
 * Drafts the manifest and editorial data of a new source text, for
 * `npm run add-source`: a proposal an editor then reads, published meanwhile
 * as a `draft`. Every line is used once: clutter the vocabulary's patterns
 * recognise is omitted with its reason, metadata lines become fields and
 * claims (`from` the line that states them), the rest is the body, with
 * headings, joins of lines cut without sentence-final punctuation, pull
 * quotes and repeated headlines proposed. Nothing is invented: a value the
 * text does not state is left out, or recorded as an inference with its basis.
 */

export interface DraftInput {
  /** The file name the source gets in content/sources/. */
  file: string;
  text: string;
  sha256: string;
  slug: string;
  kind?: DocumentKind | undefined;
  vocabulary: Vocabulary;
}

export interface Draft {
  manifest: Manifest;
  /** The editorial YAML, with each line's text and every date expression as comments; not yet formatted. */
  editorial: string;
  /** What the draft decided, one sentence each, for the editor to read. */
  decided: string[];
  /** What needs a human look before the document is raised above draft. */
  toCheck: string[];
}

type Role =
  | { role: "omit"; reason: string; note?: string }
  | { role: "title" }
  | { role: "field"; field: FieldName }
  | { role: "body" };

interface Line {
  number: number;
  text: string;
  role: Role;
  /** A line cut in two: the first piece's role, the rest is `role`. */
  head?: { length: number; role: Role } | undefined;
}

const HAN = /\p{Script=Han}/u;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const BYLINE = /^(本报记者|新华社记者|人民日报记者|记者|通讯员|作者|撰文|文)\s*[:：／/|]?\s*\S/;
const SOURCE_NOTE = /^[【[（(]?\s*(来源|来源于|稿件来源|转自|出处)\s*[:：]/;
const CREDIT = /^[（(【[]?\s*(责任编辑|责编|编辑|校对)\s*[:：]/;
const NEWS_DATELINE =
  /^(新华社|中新社|人民网|新华网|央视网|中国新闻网|本报|本刊)[^\s，。；：]{0,12}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*电(\s*[（(][^）)]{1,30}[）)])?/;
const PAGE = /第\s*0*(\d{1,3})\s*版/;
const NUMBERED_SECTION = /^[一二三四五六七八九十]{1,3}[、．.]/;
const NUMBERED_SUBSECTION = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
/** How a line that continues the sentence of the line before may begin. */
const POSTED_SOURCE = /来源[:：]\s*([^\s|｜]+)/u;
const CONTINUATION = /^[，。、；：！？”’）》的了和与及等地得着过]/;
const FULL_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const NUMERIC_DATE = /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})/;

/** The reason of the first vocabulary kind, in file order, one of whose patterns matches the trimmed line. */
export function recogniseClutter(line: string, vocabulary: Vocabulary): string | undefined {
  const trimmed = line.trim();
  for (const [reason, entry] of Object.entries(vocabulary.reasons)) {
    if ((entry.patterns ?? []).some((pattern) => new RegExp(pattern, "u").test(trimmed))) return reason;
  }
  return undefined;
}

export function draftSource(input: DraftInput): Draft {
  const decided: string[] = [];
  const toCheck: string[] = [];
  // read: the lines as the ingest numbers them
  const lines: Line[] = splitSourceLines(input.text).map((text, index) => ({
    number: index + 1,
    text,
    role: { role: "body" },
  }));
  const nonBlank = lines.filter((line) => line.text.trim() !== "");
  const splits: Record<string, { at: number[] }> = {};
  const cut = (line: Line, length: number, role: Role) => {
    line.head = { length, role };
    splits[String(line.number)] = { at: [length] };
  };

  // 1. a byte order mark is an encoding mark, not text (alone on line 1, the whole line is omitted)
  const first = lines[0];
  if (first?.text === "\uFEFF") {
    first.role = { role: "omit", reason: "byte-order-mark" };
    decided.push("line 1: the byte order mark is omitted (byte-order-mark)");
  } else if (first?.text.startsWith("\uFEFF")) {
    cut(first, 1, { role: "omit", reason: "byte-order-mark" });
    decided.push("line 1: the byte order mark is omitted (byte-order-mark)");
  }

  // 2. clutter the vocabulary recognises
  for (const line of nonBlank) {
    const reason = recogniseClutter(line.head ? line.text.slice(line.head.length) : line.text, input.vocabulary);
    if (reason) {
      line.role = { role: "omit", reason };
      decided.push(`line ${line.number} (${quote(line.text)}): omitted as ${reason}`);
    }
  }

  // 3. metadata lines: source notes, credits, bylines before the text
  for (const line of nonBlank) {
    if (line.role.role !== "body") continue;
    if (SOURCE_NOTE.test(line.text.trim())) line.role = { role: "field", field: "sourceNote" };
    else if (CREDIT.test(line.text.trim())) line.role = { role: "field", field: "credit" };
  }

  // 4. the title: a Markdown heading marker is omitted; the first line of text is the title if it reads as one
  const body = () => nonBlank.filter((line) => line.role.role === "body");
  const candidate = body()[0];
  let title: Line | undefined;
  if (candidate) {
    const marker = MARKDOWN_HEADING.exec(candidate.text.slice(candidate.head?.length ?? 0));
    if (marker && !candidate.head) cut(candidate, marker[0].length, { role: "omit", reason: "markup-artifact" });
    const text = rest(candidate);
    if ([...text].length <= 60 && !isTerminated(text) && HAN.test(text)) {
      candidate.role = { role: "title" };
      title = candidate;
      decided.push(`line ${candidate.number} is the title: ${quote(text)}`);
    }
  }
  if (!title)
    toCheck.push("no line reads as a title: the draft gives an editorial title; write a better one, with its basis");

  // 5. bylines and repeated headlines among the lines before the first paragraph
  for (const line of body().slice(0, 4)) {
    const text = rest(line).trim();
    if (title && text === rest(title).trim()) {
      line.role = { role: "omit", reason: "repeated-headline" };
      decided.push(`line ${line.number} repeats the title: omitted as repeated-headline`);
    } else if (BYLINE.test(text) && [...text].length <= 40) {
      line.role = { role: "field", field: "byline" };
    }
  }

  // 6. a news dateline (新华社北京2月27日电) opening the first paragraph is cut off as the dateline field
  const opening = body()[0];
  const dateline = opening && !opening.head ? NEWS_DATELINE.exec(opening.text) : null;
  if (opening && dateline) cut(opening, dateline[0].length, { role: "field", field: "dateline" });

  // 7. the body's structure: headings, pull quotes, joins
  const bodyLines = body();
  const headings: { piece: string; level: 2 | 3 }[] = [];
  const kinds: { piece: string; kind: string }[] = [];
  const joins: { pieces: [string, string]; reason: string; note: string }[] = [];
  bodyLines.forEach((line, index) => {
    const text = rest(line);
    const next = bodyLines[index + 1];
    const level = NUMBERED_SECTION.test(text) ? 2 : NUMBERED_SUBSECTION.test(text) ? 3 : undefined;
    // A short line without inner punctuation reads as a heading unless the next line visibly continues it.
    const short = [...text].length <= 16 && !/[，、；：:,;]/.test(text) && !CONTINUATION.test(next ? rest(next) : "");
    if (!isTerminated(text) && next && ((level && [...text].length <= 40) || short) && index > 0) {
      headings.push({ piece: pieceOf(line), level: level ?? 2 });
      return;
    }
    const elsewhere = bodyLines.some(
      (other) =>
        other !== line &&
        compact(rest(other)).length > compact(text).length &&
        compact(rest(other)).includes(compact(text)),
    );
    if (elsewhere && [...text].length <= 80) {
      kinds.push({ piece: pieceOf(line), kind: "pull-quote" });
      toCheck.push(`line ${line.number} repeats words of another paragraph: marked as a pull quote; check it`);
      return;
    }
    if (!isTerminated(text) && next && !headings.some((heading) => heading.piece === pieceOf(next))) {
      const between = lines.slice(line.number, next.number - 1).filter((other) => other.text.trim() !== "");
      const reason = between.length > 0 ? "page-break" : "line-wrap";
      joins.push({
        pieces: [pieceOf(line), pieceOf(next)],
        reason,
        note: `第${line.number}行止于“${[...text].slice(-6).join("")}”，第${next.number}行以“${[...rest(next)].slice(0, 6).join("")}”续完。`,
      });
    }
  });
  for (const heading of headings) {
    decided.push(`line ${heading.piece} is a level-${heading.level} heading`);
    toCheck.push(`line ${heading.piece}: a heading, or a line cut in mid-sentence that should be joined?`);
  }
  if (joins.length > 0) {
    decided.push(`${joins.length} lines cut without sentence-final punctuation are joined to the next`);
    toCheck.push("each join: is the sentence really cut there (line-wrap, page-break), or is it a heading or a label?");
  }
  const last = bodyLines.at(-1);
  if (last && !isTerminated(rest(last)) && !headings.some((heading) => heading.piece === pieceOf(last))) {
    toCheck.push(
      `the last paragraph (line ${last.number}) ends without sentence-final punctuation: if the text breaks off, add { piece: ${pieceOf(last)}, reason: missing-end } to unterminated`,
    );
  }

  // 8. claims: what the text states about itself, each from the line that states it
  const metadata = lines.filter((line) => line.role.role !== "body" || line.head);
  const fields: Partial<Record<FieldName, string[]>> = {};
  for (const line of lines) {
    const roles = [...(line.head ? [line.head.role] : []), line.role];
    roles.forEach((role, index) => {
      if (role.role !== "field") return;
      (fields[role.field] ??= []).push(line.head ? `${line.number}${index === 0 ? "a" : "b"}` : String(line.number));
    });
  }
  const byline = lines.find((line) => line.role.role === "field" && line.role.field === "byline");
  const authors = byline
    ? rest(byline)
        .trim()
        .replace(BYLINE, (match) => match.slice(-1))
        .split(/[\s、,，]+/)
        .filter((name) => HAN.test(name) && [...name].length <= 4)
        .map((name) => ({ value: name, from: byline.number }))
    : [];
  const sourceNote = lines.find((line) => line.role.role === "field" && line.role.field === "sourceNote");
  const outletName = sourceNote
    ? rest(sourceNote)
        .replace(SOURCE_NOTE, "")
        .trim()
        .split(/[\s，,（(]/)[0]
        ?.replace(/[《》]/g, "")
    : undefined;
  // Failing a source line, a posting line's 来源：… states the outlet (the line itself is omitted).
  const posting = lines.find((line) => line.role.role === "omit" && line.role.reason === "posting-timestamp");
  const postedOutlet = posting ? POSTED_SOURCE.exec(posting.text) : null;
  const outlet =
    sourceNote && outletName
      ? { value: outletName, from: sourceNote.number }
      : posting && postedOutlet?.[1]
        ? { value: postedOutlet[1], from: posting.number }
        : undefined;
  const pageLine = metadata.find((line) => PAGE.test(line.text));
  const page = pageLine ? { value: PAGE.exec(pageLine.text)?.[1] ?? "", from: pageLine.number } : undefined;
  const date = dateClaim(lines, metadata, decided, toCheck);
  if (!date) toCheck.push("no date found in the text: add a date with its basis, or leave the document undated");

  // 9. the editorial data, in the shape of content/editorial/*.yaml
  const omissions = new Map<string, string[]>();
  for (const line of lines) {
    const roles = [...(line.head ? [line.head.role] : []), line.role];
    roles.forEach((role, index) => {
      if (role.role !== "omit") return;
      const piece = line.head ? `${line.number}${index === 0 ? "a" : "b"}` : String(line.number);
      omissions.set(role.reason, [...(omissions.get(role.reason) ?? []), piece]);
    });
  }
  const bodyPieces = bodyLines.map(pieceOf);
  const titleText = title ? rest(title) : undefined;
  const opening20 = [...(bodyLines[0] ? rest(bodyLines[0]) : "")].slice(0, 20).join("");
  const editorialDocument = {
    slug: input.slug,
    kind: input.kind ?? (dateline ? "report" : "article"),
    status: "draft",
    title: title
      ? [pieceOf(title)]
      : {
          editorial: opening20 || input.file,
          basis: "底本无标题；起草工具暂取首段开头，待编者拟题。",
        },
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...(authors.length > 0 ? { authors } : {}),
    ...(date ? { date } : {}),
    ...(outlet ? { outlet } : {}),
    ...(page ? { page } : {}),
    body: ranges(bodyPieces, lines),
    ...(headings.length > 0 ? { headings } : {}),
    ...(joins.length > 0 ? { joins } : {}),
    ...(kinds.length > 0 ? { kinds } : {}),
  };
  const editorial = {
    source: input.file,
    ...(Object.keys(splits).length > 0 ? { splits } : {}),
    ...(omissions.size > 0 ? { omissions: [...omissions].map(([reason, pieces]) => ({ pieces, reason })) } : {}),
    documents: [editorialDocument],
  };
  const comments = [
    ` ${input.file}: drafted by npm run add-source. Status draft: read it against`,
    " the source, then raise `status` to proofread (the text checked) and verified",
    " (dates, claims and links checked). Schema: src/schemas/editorial.ts.",
    "",
    " Lines of the source (blank lines left out):",
    ...nonBlank.map((line) => `   ${line.number}: ${line.text.replace(/\s+$/, "")}`),
    ...dateComments(lines, input.slug),
  ];

  const manifest: Manifest = {
    file: input.file,
    sha256: input.sha256,
    description: "待编者说明这份文本是什么、从何处取得（由 npm run add-source 起草）。",
    states: {
      title: titleText?.trim() || null,
      author: byline ? rest(byline).trim() : null,
      outlet: sourceNote ? rest(sourceNote).trim() : (postedOutlet?.[0] ?? null),
      date:
        date?.from !== undefined
          ? (FULL_DATE.exec(lines[Number.parseInt(date.from, 10) - 1]?.text ?? "")?.[0] ?? null)
          : posting
            ? ((FULL_DATE.exec(posting.text) ?? NUMERIC_DATE.exec(posting.text))?.[0] ?? null)
            : null,
      page: pageLine ? (PAGE.exec(pageLine.text)?.[0] ?? null) : null,
    },
  };
  return { manifest, editorial: toYaml(editorial, comments), decided, toCheck };

  function rest(line: Line): string {
    return line.head ? line.text.slice(line.head.length) : line.text;
  }
  function pieceOf(line: Line): string {
    return line.head ? `${line.number}b` : String(line.number);
  }
}

/** The date the text states (a full date in a metadata line) or, failing that, the posting time as an inference. */
function dateClaim(
  lines: readonly Line[],
  metadata: readonly Line[],
  decided: string[],
  toCheck: string[],
): { value: string; precision: "day"; from?: string; basis?: string } | undefined {
  for (const line of metadata) {
    // the published metadata: a whole field or title line, or the head cut off a line (a dateline)
    const stated = line.head
      ? line.head.role.role === "field"
        ? { text: line.text.slice(0, line.head.length), piece: `${line.number}a` }
        : undefined
      : line.role.role === "omit"
        ? undefined
        : { text: line.text, piece: String(line.number) };
    const found = stated && FULL_DATE.exec(stated.text);
    if (!stated || !found) continue;
    const value = iso(found);
    if (!statesDate(stated.text, value)) continue;
    decided.push(`date ${value}, stated in line ${line.number}`);
    return { value, precision: "day", from: stated.piece };
  }
  const posted = lines.find((line) => line.role.role === "omit" && line.role.reason === "posting-timestamp");
  const found = posted && (FULL_DATE.exec(posted.text) ?? NUMERIC_DATE.exec(posted.text));
  if (posted && found) {
    const value = iso(found);
    decided.push(`date ${value}, inferred from the posting time in line ${posted.number}`);
    toCheck.push(`the date ${value} is the web page's posting time (line ${posted.number}); check it against the text`);
    return {
      value,
      precision: "day",
      basis: `网页所载发布时间为“${posted.text.trim()}”（第${posted.number}行，未刊出）；文中未另载日期。`,
    };
  }
  return undefined;
}

function iso(found: RegExpExecArray): string {
  const [, year = "", month = "", day = ""] = found;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** Consecutive whole lines as ranges (`5-19`), blank lines in between allowed; cut lines by their piece. */
function ranges(pieces: readonly string[], lines: readonly Line[]): string[] {
  const result: string[] = [];
  let start: number | undefined;
  let end: number | undefined;
  const flush = () => {
    if (start !== undefined && end !== undefined) result.push(start === end ? String(start) : `${start}-${end}`);
    start = end = undefined;
  };
  for (const piece of pieces) {
    const number = Number(piece);
    const contiguous =
      end !== undefined &&
      Number.isInteger(number) &&
      lines.slice(end, number - 1).every((line) => line.text.trim() === "");
    if (!Number.isInteger(number)) {
      flush();
      result.push(piece);
    } else if (contiguous) {
      end = number;
    } else {
      flush();
      start = end = number;
    }
  }
  flush();
  return result;
}

/** Every date expression of the text with the classification it probably needs, as comment lines. */
function dateComments(lines: readonly Line[], slug: string): string[] {
  const found = lines.flatMap((line) =>
    findDateExpressions(line.text).map((expression) => {
      const role = line.head && expression.index < line.head.length ? line.head.role : line.role;
      const inField = role.role !== "body";
      return `   line ${line.number}: ${JSON.stringify(expression.text)} reads as ${proposeClassification(line.text, expression, inField)}`;
    }),
  );
  if (found.length === 0) return [];
  return [
    "",
    ` Date expressions. While ${slug} is a draft or proofread, those not yet classified`,
    " are listed on its page as open questions; classify them in content/curated/milestones.yaml",
    " (the ingest prints a snippet for each) before raising it to verified:",
    ...found,
  ];
}

/** YAML the way the hand-written editorial files look, every text value double-quoted so that no punctuation can cut it. */
function toYaml(data: unknown, comments: readonly string[]): string {
  const document = new Document(data);
  visit(document, {
    Pair(_, pair) {
      // A whole line is written as its number (7), as the hand-written files do; a slug stays a string.
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (isScalar(pair.key) && typeof key === "string" && /^\d+$/.test(key)) pair.key.value = Number(key);
      if (
        key !== "slug" &&
        isScalar(pair.value) &&
        typeof pair.value.value === "string" &&
        /^\d+$/.test(pair.value.value)
      ) {
        pair.value.value = Number(pair.value.value);
      }
    },
    Seq(_, node) {
      for (const item of node.items) {
        if (isScalar(item) && typeof item.value === "string" && /^\d+$/.test(item.value))
          item.value = Number(item.value);
      }
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Scalar(_, node) {
      // Plain only what no YAML reader can misread: names, piece references and ranges; dates and text quoted.
      const plain =
        /^([a-z0-9]+(-[a-z0-9]+)*|\d+[a-z]|\d+-\d+)$/.test(String(node.value)) &&
        !/^\d{4}-\d{2}/.test(String(node.value));
      if (typeof node.value === "string" && !plain) node.type = "QUOTE_DOUBLE";
    },
    Map(_, node) {
      const short = node.items.length <= 2 && node.items.every((pair) => isScalar(pair.value) || isSeq(pair.value));
      if (short && !node.items.some((pair) => isMap(pair.value))) node.flow = true;
    },
  });
  document.commentBefore = comments.join("\n");
  return document.toString({ lineWidth: 0 });
}

function compact(text: string): string {
  return text.replace(/\s+/g, "");
}

function quote(text: string): string {
  const trimmed = text.trim();
  return `“${trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed}”`;
}
