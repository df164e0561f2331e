import { Document, isMap, isScalar, isSeq, visit } from "yaml";
import { characters, rankByAffected } from "../../src/lib/open-questions.ts";
import { isTerminated } from "../../src/lib/punctuation.ts";
import { splitSourceLines } from "../../src/lib/source-lines.ts";
import type { EditorialDocument } from "../../src/schemas/editorial.ts";
import type { Manifest } from "../../src/schemas/manifest.ts";
import type { DocumentKind, FieldName } from "../../src/schemas/speech.ts";
import type { Vocabulary } from "../../src/schemas/vocabulary.ts";
import { findDateExpressions, proposeClassification } from "./date-expressions.ts";
import { proposeDate, type DateEvidence } from "./draft-dates.ts";
import { continuesSentence, joinEvidence, layoutOf } from "./draft-joins.ts";
import {
  isFieldLabel,
  isParagraphLike,
  isPostingLine,
  isTitleLabel,
  isTitleLike,
  opensText,
  pageHeader,
  repeatedHeadlineEnd,
  sameHeadline,
  splitDate,
  trailingNavigation,
  unbulletedItems,
  type LineShape,
} from "./draft-layout.ts";
import {
  agencyCredit,
  bulletLength,
  captionEnd,
  findDateline,
  findIssueLine,
  findMetadataRun,
  fullDateIn,
  htmlTags,
  isAffiliation,
  isBlockTag,
  isCaptionLine,
  isCreditLine,
  isNameList,
  isNamedAuthor,
  isOutletByline,
  isOverlong,
  isPostingInformation,
  isRoleLine,
  proposeCuts,
  runTogetherBreaks,
  todayIn,
  wrappedParagraphStarts,
  type Dateline,
} from "./draft-lines.ts";

/**
 * Drafts the manifest and editorial data of a new source text, for
 * `npm run add-source`: a proposal an editor then reads, published meanwhile
 * as a `draft`. Every line is used once: clutter the vocabulary's patterns
 * recognise is omitted with its reason, page information (posting times,
 * 来源, 责任编辑), bullets and photo captions are cut off where they are fused
 * with text, metadata becomes fields and claims (`from` the piece that states
 * them), the rest is the body. A page with several bulleted items becomes
 * several documents. Nothing is invented, and what the drafter is unsure of
 * is not decided but written as an open question with its fix.
 */

export interface DraftInput {
  /** The file name the source gets in content/sources/. */
  file: string;
  text: string;
  sha256: string;
  slug: string;
  kind?: DocumentKind | undefined;
  vocabulary: Vocabulary;
  /** The longest paragraph the edition publishes, in characters: a line three times longer is asked about. */
  longestParagraph?: number | undefined;
  /** Where and when the capture was taken; asked about when absent. */
  url?: string | undefined;
  retrieved?: string | undefined;
  /**
   * 0 proposes everything; 1 leaves structure (joins, headings, block kinds)
   * and claims open; 2 publishes every line but a byte order mark as body
   * under an editorial title. `add-source` steps up when a draft does not ingest.
   */
  caution?: 0 | 1 | 2 | undefined;
  /** Why a more cautious draft was made: the ingest's problems with the bolder one. */
  cautionReason?: string | undefined;
}

export interface Draft {
  manifest: Manifest;
  /** The editorial YAML, with each line's text and every date expression as comments; not yet formatted. */
  editorial: string;
  /** What the draft decided, one sentence each, for the editor to read. */
  decided: string[];
  /** What needs a human look before the document is raised above draft, most text affected first. */
  toCheck: string[];
  /** What the editor should know that the ingest asks about itself (the last paragraph's end): notes, not questions. */
  remarks: string[];
}

type Role =
  | { role: "omit"; reason: string }
  | { role: "title" }
  | { role: "field"; field: FieldName }
  | { role: "body"; caption?: boolean };

interface Part {
  /** Where the part ends in the line (UTF-16 offset); the last part ends at the line's end. */
  end: number;
  role: Role;
}

interface Line {
  number: number;
  text: string;
  /** The line's parts in order; one part is the whole line. */
  parts: Part[];
}

interface Question {
  /** The document the question belongs to; absent for one about the whole source. */
  doc?: string | undefined;
  about: string;
  text: string;
  fix: string;
  /**
   * Characters of the text the decision affects (code points): the lines or
   * piece it concerns, the whole document for its date or structure, 0 for
   * what is not text (a title the text lacks, where a capture came from).
   */
  affects: number;
}

const HAN = /\p{Script=Han}/u;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
/** A byline; the one-character role 文 needs a separator or a space before the name (文/张三, not 文字内容). */
const BYLINE =
  /^((本报记者|新华社记者|人民日报记者|记者|通讯员|作者|撰文)\s*[:：／/|]?\s*\S|文\s*[:：／/|]\s*\S|文\s+\S)/;
const SOURCE_NOTE = /^[【[（(]?\s*(来源|來源|来源于|稿件来源|转自|出处|原文链接|原文地址)\s*[:：]/;
const CREDIT = /^[（(【[]?\s*(责任编辑|责编|编辑|校对)\s*[:：]/;
const PAGE = /第\s*0*(\d{1,3})\s*版/;
/** An e-paper's page label (第04版：要闻) on a line of its own. */
const PAGE_LABEL = /^\s*(第\s*\d{1,3}\s*版|[A-Z]?\d{1,3}\s*版?\s*(?=[:：]))\s*[:：]?\s*[^\s。，]{0,20}\s*$/u;
/** A line that is a date, perhaps with a time, and nothing else: above the text, when the page was posted. */
const DATE_ONLY = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s+\d{1,2}[:：]\d{2}([:：]\d{2})?)?$/u;
/** A title fused with the first numbered heading after it: the title is what comes before the heading's number. */
const FUSED_HEADING = /^(\S.{3,39}?)(?=(一、|第一[章部分节]|（一）|\(一\))\S)/u;
/** Omissions that show a page's own furniture: its navigation, controls and section labels. */
const SITE_REASONS = new Set(["page-navigation", "page-control", "section-label", "rights-notice"]);
/** A subtitle line (——写在……之际) under the title. */
const SUBTITLE = /^\s*[—－]{1,2}\S/u;
const NUMBERED_SECTION = /^[一二三四五六七八九十]{1,3}[、．.]/;
const NUMBERED_SUBSECTION = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
/** A date in brackets opening a line ((2016年4月19日)): the date line printed under a speech's or letter's title. */
const DATE_LINE = /^\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[）)]\s*/u;
/** A body line this long or longer that repeats an earlier one word for word is the page's duplicate. */
const REPEATED_TEXT = 16;
/** When the edition has no paragraph to measure, a line longer than this is asked about. */
const OVERLONG_DEFAULT = 10_000;

/** The reason of the first vocabulary kind, in file order, one of whose patterns matches the trimmed line. */
export function recogniseClutter(line: string, vocabulary: Vocabulary): string | undefined {
  const trimmed = line.trim();
  for (const [reason, entry] of Object.entries(vocabulary.reasons)) {
    if ((entry.patterns ?? []).some((pattern) => new RegExp(pattern, "u").test(trimmed))) return reason;
  }
  return undefined;
}

export function draftSource(input: DraftInput): Draft {
  const caution = input.caution ?? 0;
  const decided: string[] = [];
  const questions: Question[] = [];
  /** What the editor should know that the ingest asks about itself. */
  const remarks: string[] = [];
  let asking: string | undefined;
  const ask = (about: string, text: string, fix: string, affects: number) =>
    questions.push({ doc: asking, about, text: text.trim().slice(0, 40) || about, fix, affects });

  // 1. read: the lines as the ingest numbers them
  const lines: Line[] = splitSourceLines(input.text).map((text, index) => ({
    number: index + 1,
    text,
    parts: [{ end: text.length, role: { role: "body" } }],
  }));
  const nonBlank = lines.filter((line) => line.text.trim() !== "");
  /** A posting date the page prints over several lines, when it does. */
  let splitPosted: { value: string; text: string; line: number } | undefined;
  /** The value of a field the page labels as the title (活動標題), when it does. */
  let labelledTitle: Line | undefined;
  /** The values of the other fields the page labels (活動描述): the page's own description of the text. */
  const labelledValues = new Set<Line>();

  // 2. a byte order mark is an encoding mark, not text (alone on line 1, the whole line is omitted)
  const first = lines[0];
  if (first?.text === "\uFEFF") setRole(first, { role: "omit", reason: "byte-order-mark" });
  else if (first?.text.startsWith("\uFEFF")) cut(first, 1, { role: "omit", reason: "byte-order-mark" });
  if (first?.text.startsWith("\uFEFF")) decided.push("line 1: the byte order mark is omitted (byte-order-mark)");

  // a line of spaces alone is no text, but its characters must be used: omitted
  for (const line of lines) {
    if (line.text !== "" && line.text.trim() === "") setRole(line, { role: "omit", reason: "no-chinese-text" });
  }

  if (caution < 2) {
    // 3. what each line is: clutter, page information, a bullet, a caption, or text
    for (const line of nonBlank) recogniseLine(line);
    // and where it sits on the page: a posting date over several lines, the navigation after the text
    readPageLayout();
  }

  // 4. the documents: one per bulleted title when the page lists several items, else one
  const segments = caution < 2 ? segmentsOf(nonBlank) : [nonBlank];
  const documents = segments.map((segment, index) => {
    asking = index === 0 ? input.slug : `${input.slug}-${index + 1}`;
    return draftDocument(segment, asking);
  });
  asking = undefined;
  if (documents.length > 1)
    decided.push(`the page lists ${documents.length} items: drafted as ${documents.length} documents`);

  // 5. the capture's provenance
  if (!input.url || !input.retrieved) {
    ask(
      "source",
      input.file,
      "where and when was this text captured? run add-source again with --url URL --retrieved YYYY-MM-DD, or add url: and retrieved: to the manifest",
      0,
    );
  }
  if (input.cautionReason) {
    ask(
      "source",
      input.file,
      `the bolder draft did not ingest, so ${caution === 1 ? "structure and claims" : "everything but the text"} are left open: ${input.cautionReason}`,
      characters(input.text),
    );
  }

  // 6. the editorial data and the manifest
  const splits: Record<string, { at: number[] }> = {};
  const omissions = new Map<string, string[]>();
  for (const line of lines) {
    if (line.parts.length > 1) splits[String(line.number)] = { at: line.parts.slice(0, -1).map((part) => part.end) };
    line.parts.forEach((part, index) => {
      if (part.role.role === "omit")
        omissions.set(part.role.reason, [...(omissions.get(part.role.reason) ?? []), pieceRef(line, index)]);
    });
  }
  const ranked = rankByAffected(questions);
  // each question goes to the document that holds its line; those about the whole source to the first
  documents.forEach((entry, index) => {
    const own = ranked.filter((question) =>
      question.doc === undefined ? index === 0 : question.doc === entry.document.slug,
    );
    if (own.length > 0)
      entry.document.questions = own.map(({ about, text, fix, affects }) => ({ about, text, fix, affects }));
  });
  const editorial = {
    source: input.file,
    ...(Object.keys(splits).length > 0 ? { splits } : {}),
    ...(omissions.size > 0 ? { omissions: [...omissions].map(([reason, pieces]) => ({ pieces, reason })) } : {}),
    documents: documents.map((entry) => entry.document),
  };
  const comments = [
    ` ${input.file}: drafted by npm run add-source. Status draft: read it against`,
    " the source, settle each entry of `questions` (then delete it), and raise",
    " `status` to proofread (the text checked) and verified (dates, claims and",
    " links checked). Schema: src/schemas/editorial.ts.",
    "",
    " Lines of the source (blank lines left out):",
    ...nonBlank.map((line) => `   ${line.number}: ${line.text.replace(/\s+$/, "")}`),
    ...dateComments(lines, input.slug),
  ];
  const lead = documents[0]?.facts;
  const manifest: Manifest = {
    file: input.file,
    sha256: input.sha256,
    description: describe(input),
    ...(input.url ? { url: input.url } : {}),
    ...(input.retrieved ? { retrieved: input.retrieved } : {}),
    states: {
      title: lead?.title ?? null,
      author: lead?.author ?? null,
      outlet: lead?.outlet ?? null,
      date: lead?.date ?? null,
      page: lead?.page ?? null,
    },
  };
  return {
    manifest,
    editorial: toYaml(editorial, comments),
    decided,
    toCheck: [...ranked.map((question) => `${question.about} (${quote(question.text)}): ${question.fix}`), ...remarks],
    remarks,
  };

  /** Roles of one line: each recogniser cuts off what it knows and leaves the rest as text. */
  function recogniseLine(line: Line): void {
    // HTML tags the capture kept are cut off; the words between them are read as the line's text
    const tags = htmlTags(line.text);
    if (tags.length > 0 && line.parts.length === 1) {
      line.parts = tags
        .flatMap(([start, end], index): Part[] => {
          const before = index === 0 ? 0 : (tags[index - 1]?.[1] ?? 0);
          const markup: Part = { end, role: { role: "omit", reason: "html-markup" } };
          return start > before ? [{ end: start, role: { role: "body" } }, markup] : [markup];
        })
        .concat((tags.at(-1)?.[1] ?? 0) < line.text.length ? [{ end: line.text.length, role: { role: "body" } }] : []);
      decided.push(`line ${line.number}: ${tags.length} HTML tags left by the capture are omitted (html-markup)`);
      return;
    }
    // a bullet before page information or a control (• 来源:互联网, • 0 条评论) is the list's, the rest the page's
    const bulleted = bulletLength(rest(line));
    if (bulleted !== undefined && isPageMatter(rest(line).slice(bulleted)))
      cut(line, offset(line) + bulleted, { role: "omit", reason: "list-bullet" });
    const clutter = recogniseClutter(rest(line), input.vocabulary);
    if (clutter) {
      setLast(line, { role: "omit", reason: clutter });
      decided.push(`line ${line.number} (${quote(line.text)}): omitted as ${clutter}`);
      return;
    }
    const text = rest(line);
    if (PAGE_LABEL.test(text) || findIssueLine(text)) {
      setLast(line, { role: "field", field: "imprint" });
      return;
    }
    if (isCreditLine(text) || agencyCredit(text)) {
      setLast(line, { role: "field", field: "credit" });
      return;
    }
    const run = findMetadataRun(text);
    if (run && isPostingInformation(run)) {
      const after = text.slice(run.length);
      const keys = run.fields.map((field) => field.key);
      if (!HAN.test(after)) {
        if (keys.every((key) => /来源|來源|转自|出处/.test(key))) setLast(line, { role: "field", field: "sourceNote" });
        else if (keys.every((key) => /编辑|編輯|责编|責編|校对/.test(key)))
          setLast(line, { role: "field", field: "credit" });
        else setLast(line, { role: "omit", reason: "posting-timestamp" });
        return;
      }
      cut(line, offset(line) + run.length, { role: "omit", reason: "posting-timestamp" });
      decided.push(`line ${line.number}: the page information before the text is omitted (posting-timestamp)`);
      if (run.guessedEnd)
        ask(
          `${line.number}`,
          line.text.slice(0, run.length + 8),
          `where does the page information end in line ${line.number}? the draft cuts after “${text.slice(0, run.length)}”; move the cut in splits: { ${line.number}: { at: [OFFSET] } }`,
          characters(text.slice(0, run.length)),
        );
    } else if (SOURCE_NOTE.test(text.trim())) {
      setLast(line, { role: "field", field: "sourceNote" });
      return;
    } else if (CREDIT.test(text.trim())) {
      setLast(line, { role: "field", field: "credit" });
      return;
    }
    if (bulleted !== undefined && line.parts.length > 1) return;
    const bullet = bulletLength(rest(line));
    if (bullet) cut(line, offset(line) + bullet, { role: "omit", reason: "list-bullet" });
    const captionAt = captionEnd(rest(line));
    if (captionAt !== undefined) {
      const remainder = rest(line).slice(captionAt);
      if (HAN.test(remainder) && caution === 0) {
        cut(line, offset(line) + captionAt, { role: "body", caption: true });
        decided.push(`line ${line.number}: a photo caption fused with the text is cut off at its credit`);
      } else if (!HAN.test(remainder)) {
        setLast(line, { role: "body", caption: true });
      }
    } else if (isCaptionLine(rest(line)) && caution === 0) {
      setLast(line, { role: "body", caption: true });
    }
  }

  /** Text that is the page's, not a list item's: clutter, a posting time, page information or a date alone. */
  function isPageMatter(text: string): boolean {
    const run = findMetadataRun(text);
    return (
      recogniseClutter(text, input.vocabulary) !== undefined ||
      DATE_ONLY.test(text.trim()) ||
      (run !== undefined && isPostingInformation(run) && !HAN.test(text.slice(run.length)))
    );
  }

  /** The line shapes the layout reads: what of each line is still body, and whether it is page information. */
  function shapesOf(candidates: readonly Line[]): LineShape[] {
    const bodies = candidates.map((line) =>
      line.parts
        .flatMap((part, at) => (part.role.role === "body" ? [partText(line, at)] : []))
        .join("")
        .trim(),
    );
    return candidates.map((line, index) => ({
      body: bodies[index] ?? "",
      repeats: isTitleLike(bodies[index] ?? "") && bodies.slice(0, index).includes(bodies[index] ?? ""),
      pageInfo: line.parts.some(
        ({ role }) =>
          (role.role === "omit" && role.reason === "posting-timestamp") ||
          (role.role === "field" && (role.field === "imprint" || role.field === "sourceNote")),
      ),
      blankBefore: blankBetween(candidates[index - 1], line),
      site: line.parts.some(({ role }) => role.role === "omit" && SITE_REASONS.has(role.reason)),
    }));
  }

  /** Omit lines as the site's navigation, and ask about them once. */
  function omitAsSite(found: readonly Line[], where: string, fix: string): void {
    const shown = found.filter((line) => isBody(line));
    if (shown.length === 0) return;
    for (const line of shown) setRole(line, { role: "omit", reason: "page-navigation" });
    ask(
      `${shown[0]?.number ?? ""}`,
      shown.map((line) => line.text.trim()).join(" "),
      `lines ${shown.map((line) => line.number).join(", ")} ${where} and are omitted (page-navigation): ${fix}`,
      shown.reduce((sum, line) => sum + characters(line.text), 0),
    );
  }

  /** Where lines sit on the page: a posting time above the text, alone or over several lines; navigation after it. */
  function readPageLayout(): void {
    const shapes = shapesOf(nonBlank);
    const first = shapes.findIndex((shape) => opensText(shape.body));
    const header = nonBlank.slice(0, first < 0 ? nonBlank.length : first);
    for (const line of header) {
      const last = line.parts.at(-1)?.role;
      // a date the vocabulary omitted as a line without Chinese text is still when the page was posted
      const open = last?.role === "body" || last?.role === "omit";
      if (open && (DATE_ONLY.test(rest(line).trim()) || isPostingLine(rest(line).trim(), fullDateIn))) {
        setLast(line, { role: "omit", reason: "posting-timestamp" });
        decided.push(
          `line ${line.number}: a date above the text, alone or among a few short words, the page's posting information (posting-timestamp)`,
        );
      }
    }
    readFieldLabels();
    readCreditRuns();
    const split = splitDate(header.map((line) => line.text));
    if (split) {
      const used = split.lines.flatMap((index) => header[index] ?? []);
      for (const line of used) setRole(line, { role: "omit", reason: "posting-timestamp" });
      splitPosted = { value: split.value, text: split.text, line: used[0]?.number ?? 0 };
      decided.push(
        `lines ${used.map((line) => line.number).join(", ")}: a posting date over several lines (posting-timestamp)`,
      );
    }
    const tail = trailingNavigation(shapesOf(nonBlank), (text) => fullDateIn(text) !== undefined).flatMap(
      (index) => nonBlank[index] ?? [],
    );
    if (tail.length === 0) return;
    for (const line of tail) setRole(line, { role: "omit", reason: "page-navigation" });
    ask(
      `${tail[0]?.number ?? ""}`,
      tail.map((line) => line.text.trim()).join(" "),
      `lines ${tail.map((line) => line.number).join(", ")} after the text read as the page's navigation and are omitted (page-navigation): if one is text, such as a signature, move it from omissions to the body`,
      tail.reduce((sum, line) => sum + characters(line.text), 0),
    );
  }

  /**
   * A page that labels its fields (活動標題 / - 國新辦就…… / 活動描述 / - 2006年……):
   * a short label line directly followed by a dash-led value is the field's
   * name, omitted; the value of a label that names the title is the title.
   */
  function readFieldLabels(): void {
    nonBlank.forEach((line, index) => {
      const value = nonBlank[index + 1];
      if (!value || value.number !== line.number + 1 || !isBody(line) || line.parts.length > 1) return;
      const dashed = value.parts[0]?.role;
      const led = value.parts.length > 1 && dashed?.role === "omit" && dashed.reason === "list-bullet";
      if (!led || !/^\s*[-－–]/u.test(value.text) || !isFieldLabel(line.text)) return;
      setRole(line, { role: "omit", reason: "field-label" });
      decided.push(`line ${line.number} (${quote(line.text)}) names the field below it: omitted as field-label`);
      if (isTitleLabel(line.text) && !labelledTitle) labelledTitle = value;
      else labelledValues.add(value);
    });
  }

  /** Role and name lines (记者:王思北) next to a credit line (监制:胡清海) are credits of the same run, not bylines. */
  function readCreditRuns(): void {
    const isCredit = (line: Line | undefined) =>
      line?.parts.length === 1 && line.parts[0]?.role.role === "field" && line.parts[0].role.field === "credit";
    let changed = true;
    while (changed) {
      changed = false;
      nonBlank.forEach((line, index) => {
        if (!isBody(line) || line.parts.length > 1 || !isRoleLine(line.text)) return;
        if (!isCredit(nonBlank[index - 1]) && !isCredit(nonBlank[index + 1])) return;
        setRole(line, { role: "field", field: "credit" });
        changed = true;
      });
    }
  }

  /** Several documents when at least two bulleted lines read as titles; lines before the first go with it. */
  function segmentsOf(candidates: readonly Line[]): Line[][] {
    const starts = candidates.filter((line) => {
      const bulleted =
        line.parts.length > 1 && line.parts[0]?.role.role === "omit" && line.parts[0].role.reason === "list-bullet";
      const text = rest(line).trim();
      return bulleted && isTitleLike(text) && HAN.test(text);
    });
    // a bulleted line directly followed by another is a point of a list, not an item's title
    const isBulleted = (line: Line | undefined) =>
      line?.parts[0]?.role.role === "omit" && line.parts[0].role.reason === "list-bullet";
    starts.splice(0, starts.length, ...starts.filter((line) => !isBulleted(candidates[candidates.indexOf(line) + 1])));
    if (starts.length < 2) {
      const items = unbulletedItems(shapesOf(candidates));
      starts.splice(0, starts.length, ...items.flatMap((index) => candidates[index] ?? []));
      if (starts.length > 0) {
        asking = undefined;
        ask(
          "items",
          starts[0] ? rest(starts[0]).trim() : "",
          `the page reads as a list of ${starts.length} items, each a title line (lines ${starts.map((line) => line.number).join(", ")}) and one paragraph, and is drafted as that many documents: if it is one text with subheadings, give it one document and make those lines headings`,
          characters(input.text),
        );
      }
    }
    if (starts.length < 2) return [[...candidates]];
    const segments: Line[][] = [];
    let current: Line[] = [];
    for (const line of candidates) {
      if (starts.includes(line) && current.some((other) => starts.includes(other) || isBody(other))) {
        segments.push(current);
        current = [];
      }
      current.push(line);
    }
    segments.push(current);
    return segments;
  }

  function draftDocument(segment: Line[], slug: string) {
    const body = () => segment.filter((line) => isBody(line));
    const facts: { title?: string; author?: string; outlet?: string; date?: string; page?: string } = {};

    // a. the title: a Markdown heading marker is omitted; the line the page's layout shows as the title
    let title: Line | undefined;
    const titleLines: Line[] = [];
    const first = caution < 2 ? body()[0] : undefined;
    const marker = first && MARKDOWN_HEADING.exec(rest(first));
    if (first && marker && first.parts.length === 1)
      cut(first, marker[0].length, { role: "omit", reason: "markup-artifact" });
    // a field the page labels as the title names it outright; else the page's layout shows it
    const labelled = labelledTitle && segment.includes(labelledTitle) ? labelledTitle : undefined;
    const header =
      caution < 2 && !labelled ? pageHeader(shapesOf(segment)) : { title: undefined, above: [], labels: [] };
    const candidate = labelled ?? (header.title === undefined ? undefined : segment[header.title]);
    if (candidate && !isCaption(candidate)) {
      // a title the capture fused with the first numbered heading (……材料一、……的背景与意义) is cut before it
      const fused = FUSED_HEADING.exec(rest(candidate));
      const cutOff = fused?.[1] !== undefined && candidate.parts.length === 1 && caution === 0;
      if (fused?.[1] && cutOff) {
        cut(candidate, fused[1].length, { role: "title" });
        setLast(candidate, { role: "body" });
        ask(
          `${candidate.number}`,
          candidate.text,
          `line ${candidate.number} reads as the title fused with the first numbered heading, and is cut before “${rest(candidate).slice(0, 4)}”: if the whole line is the title, delete the split and name ${candidate.number} as the title`,
          characters(candidate.text),
        );
      }
      title = candidate;
      titleLines.push(candidate);
      if (!cutOff) setLast(candidate, { role: "title" });
      facts.title = partText(
        candidate,
        candidate.parts.findIndex((part) => part.role.role === "title"),
      ).trim();
      decided.push(`${slug}: line ${candidate.number} is the title: ${quote(facts.title)}`);
      // the site's header above the title, and its labels between the title and the text
      omitAsSite(
        header.above.flatMap((index) => segment[index] ?? []),
        "above the title read as the site's header",
        "if one belongs to the headline (a kicker), move it from omissions to the title",
      );
      omitAsSite(
        // several names alone are the authors, not a label of the site (one short word may be either: a label)
        header.labels
          .flatMap((index) => segment[index] ?? [])
          .filter((line) => !(isNameList(rest(line)) && /[\s,，、]/u.test(rest(line).trim()))),
        "between the title and the text read as the site's labels",
        "if one is the text's (a byline, a subtitle), move it from omissions to fields or the title",
      );
      // a subtitle (——写在……之际), or a second headline line directly under the first
      const next = body()[0];
      const after = next && body()[1];
      if (next && next.number === candidate.number + 1) {
        const text = rest(next).trim();
        if (SUBTITLE.test(text)) {
          setLast(next, { role: "title" });
          titleLines.push(next);
        } else if (
          isTitleLike(text) &&
          [...text].length >= 6 &&
          !BYLINE.test(text) &&
          !isOutletByline(text) &&
          after &&
          (isParagraphLike(rest(after).trim()) || findDateline(rest(after)) !== undefined)
        ) {
          setLast(next, { role: "title" });
          titleLines.push(next);
          ask(
            `${next.number}`,
            text,
            `line ${next.number}, directly under the title, is drafted as its second line (a two-line headline): if it is a subheading or a label, take it out of title`,
            [...text].length,
          );
        }
      }
    }
    if (!title)
      ask(
        "title",
        slug,
        "no line reads as a title: the draft gives an editorial title; write a better one, with its basis",
        0,
      );

    // b. bylines among the lines before the first paragraph; the headline repeated anywhere
    let byline: Line | undefined;
    const seen = new Set<string>();
    for (const [index, line] of (caution < 2 ? body() : []).entries()) {
      const text = rest(line).trim();
      const repeatEnd = title && index < 2 ? repeatedHeadlineEnd(rest(line), facts.title ?? "") : undefined;
      if (title && sameHeadline(text, facts.title ?? "")) {
        setLast(line, { role: "omit", reason: "repeated-headline" });
        decided.push(`line ${line.number} repeats the title: omitted as repeated-headline`);
      } else if (repeatEnd !== undefined && DATE_LINE.test(rest(line).slice(repeatEnd))) {
        // a line that opens with the title again and its date line ((2016年4月19日)), as a speech's first page prints them
        cut(line, offset(line) + repeatEnd, { role: "omit", reason: "repeated-headline" });
        const date = DATE_LINE.exec(rest(line));
        if (date) cut(line, offset(line) + date[0].length, { role: "field", field: "dateline" });
        decided.push(
          `line ${line.number} opens with the title and its date line again: the title omitted as repeated-headline`,
        );
      } else if (title && index < 2 && DATE_LINE.exec(text)?.[0].trim() === text) {
        // a date in brackets alone under the title ((2016年4月19日)): the date line of a speech or letter
        setLast(line, { role: "field", field: "dateline" });
      } else if (caution === 0 && [...text].length >= REPEATED_TEXT && seen.has(text)) {
        setLast(line, { role: "omit", reason: "repeated-text" });
        ask(
          `${line.number}`,
          text,
          `line ${line.number} repeats an earlier paragraph word for word and is omitted (repeated-text): if the text itself says it twice, move it from omissions to the body`,
          [...text].length,
        );
      } else if (
        index < 4 &&
        !byline &&
        (BYLINE.test(text) || isOutletByline(text)) &&
        [...text].length <= 40 &&
        !isCaption(line)
      ) {
        setLast(line, { role: "field", field: "byline" });
        byline = line;
      } else if (title && index === 0 && !byline && isNameList(text) && opensText(rest(belowNames(index)).trim())) {
        // names alone directly under the title, before the text: its authors, their affiliation in brackets under them
        setLast(line, { role: "field", field: "byline" });
        byline = line;
        const affiliation = body()[0];
        if (affiliation && isAffiliation(rest(affiliation))) setLast(affiliation, { role: "field", field: "byline" });
        ask(
          `${line.number}`,
          text,
          `line ${line.number}, names alone under the title, is drafted as the byline: if it is a heading or a label, move it from fields to the body`,
          [...text].length,
        );
      }
      if (isBody(line)) seen.add(rest(line).trim());
    }
    /** The line after names under the title, past an affiliation in brackets. */
    function belowNames(index: number): Line {
      const lines = body();
      const next = lines[index + 1];
      const after = next && isAffiliation(rest(next)) ? lines[index + 2] : next;
      return after ?? lines[index] ?? segment[0] ?? { number: 0, text: "", parts: [] };
    }

    // c. a news dateline (新华网北京2月28日电) opening one of the first paragraphs is cut off as the dateline field
    let dateline: { line: Line; found: Dateline; piece: string } | undefined;
    for (const line of caution < 2 ? body().slice(0, 3) : []) {
      const found = findDateline(rest(line));
      if (!found || isCaption(line)) continue;
      const at = offset(line) + found.length;
      if (at < line.text.length && HAN.test(line.text.slice(at))) cut(line, at, { role: "field", field: "dateline" });
      else setLast(line, { role: "field", field: "dateline" });
      // the dispatch's own headline after its dateline (新华社杭州12月5日电 题：……) repeats the title
      if (title && isBody(line) && sameHeadline(rest(line), facts.title ?? "")) {
        setLast(line, { role: "omit", reason: "repeated-headline" });
        decided.push(
          `line ${line.number}: the dispatch's headline after its dateline repeats the title (repeated-headline)`,
        );
      }
      const index = line.parts.findIndex((part) => part.role.role === "field" && part.role.field === "dateline");
      dateline = { line, found, piece: pieceRef(line, index) };
      break;
    }

    // a hard-wrapped text run together on one line (a PDF's lines joined with spaces) is cut where its paragraphs end
    for (const line of caution === 0 ? body() : []) {
      const from = offset(line);
      const starts = wrappedParagraphStarts(rest(line)).map((at) => from + at);
      if (starts.length === 0) continue;
      const whole = rest(line);
      for (const at of starts) cut(line, at, { role: "body" });
      ask(
        `${line.number}`,
        whole,
        `line ${line.number} reads as a hard-wrapped text run together (spaces at one width) and is cut into ${starts.length + 1} paragraphs where a sentence ends short of that width, at ${starts.join(", ")}: if a cut is not a paragraph's end, delete it from splits`,
        characters(whole),
      );
    }

    // d. the body's structure, piece by piece: captions, headings, pull quotes, joins, over-long lines
    const bodyLines = body();
    const pieces = bodyLines.flatMap((line) =>
      line.parts.flatMap((part, index) =>
        part.role.role === "body"
          ? [
              {
                line,
                index,
                ref: pieceRef(line, index),
                text: partText(line, index).trim(),
                caption: part.role.caption === true,
              },
            ]
          : [],
      ),
    );
    const layout = layoutOf(
      bodyLines.map((line, index) => ({ text: rest(line), blankBefore: blankBetween(bodyLines[index - 1], line) })),
    );
    const headings: { piece: string; level: 2 | 3 }[] = [];
    const kinds: { piece: string; kind: string }[] = [];
    const joins: { pieces: [string, string]; reason: string; note: string }[] = [];
    const structured = caution === 0;
    pieces.forEach((piece, index) => {
      if (!structured) return;
      const { text, ref } = piece;
      if (piece.caption) {
        kinds.push({ piece: ref, kind: "caption" });
        return;
      }
      const level = NUMBERED_SECTION.test(text) ? 2 : NUMBERED_SUBSECTION.test(text) ? 3 : undefined;
      const next = pieces[index + 1];
      const short = [...text].length <= 16 && !/[，、；：:,;]/.test(text) && HAN.test(text);
      const continued = next !== undefined && continuesSentence(next.text);
      if (!isTerminated(text) && index > 0 && next && !continued && ((level && [...text].length <= 40) || short)) {
        headings.push({ piece: ref, level: level ?? 2 });
        ask(
          ref,
          text,
          `a heading? if it is a label, remove it from headings and add { piece: ${ref}, reason: label-line } to unterminated`,
          [...text].length,
        );
        return;
      }
      const elsewhere = pieces.some(
        (other) =>
          other !== piece &&
          compact(other.text).length > compact(text).length &&
          compact(other.text).includes(compact(text)),
      );
      if (elsewhere && [...text].length <= 80 && [...text].length >= 6) {
        kinds.push({ piece: ref, kind: "pull-quote" });
        ask(
          ref,
          text,
          `repeats words of another paragraph: marked as a pull quote; if it is text, delete { piece: ${ref}, kind: pull-quote } from kinds`,
          [...text].length,
        );
      }
    });
    // a join links the last piece of a line to the first of a later line; a line cut by the drafter is never rejoined
    const marked = new Set([...headings.map((heading) => heading.piece), ...kinds.map((kind) => kind.piece)]);
    pieces.forEach((piece, index) => {
      const next = pieces[index + 1];
      if (!structured || !next || marked.has(piece.ref) || marked.has(next.ref)) return;
      if (next.line === piece.line) {
        // words a kept HTML tag separates (答:</STRONG>当前……) are one paragraph
        const between = piece.line.parts.slice(piece.index + 1, next.index);
        if (between.length > 0 && between.every(({ role }) => role.role === "omit" && role.reason === "html-markup"))
          joins.push({
            pieces: [piece.ref, next.ref],
            reason: "html-markup",
            note: `第${piece.line.number}行的HTML标签把一段文字隔开。`,
          });
        return;
      }
      if (
        piece.index !== piece.line.parts.length - 1 ||
        next.line.parts.slice(0, next.index).some((part) => part.role.role !== "omit")
      )
        return;
      // a bulleted line begins its own item
      const bullet = next.line.parts[0]?.role;
      if (bullet?.role === "omit" && bullet.reason === "list-bullet") return;
      const between = lines.slice(piece.line.number, next.line.number - 1);
      // page debris between the lines is a page break only where no blank line or block tag shows a paragraph's end
      const blank = between.some(
        (other) =>
          other.text.trim() === "" ||
          (other.parts.every(({ role }) => role.role === "omit" && role.reason === "html-markup") &&
            htmlTags(other.text).some(([start, end]) => isBlockTag(other.text.slice(start, end)))),
      );
      const kind = blank ? "blank" : between.length > 0 ? "omitted" : "nothing";
      const found = joinEvidence(piece.text, next.text, kind, layout);
      if (!found.join) return;
      joins.push({
        pieces: [piece.ref, next.ref],
        reason: found.reason,
        note: `第${piece.line.number}行止于“${[...piece.text].slice(-6).join("")}”，第${next.line.number}行以“${[...next.text].slice(0, 6).join("")}”续完。`,
      });
    });
    if (joins.length > 0) decided.push(`${slug}: ${joins.length} lines cut in mid-sentence are joined to the next`);
    // the ingest lists every unjoined line without sentence-final punctuation as a question; the last one is named here too
    const last = pieces.at(-1);
    if (structured && last && !isTerminated(last.text) && !marked.has(last.ref))
      remarks.push(
        `the last paragraph (line ${last.line.number}) ends without sentence-final punctuation: if the text breaks off, add { piece: ${last.ref}, reason: missing-end } to unterminated`,
      );
    const limit = input.longestParagraph ? input.longestParagraph * 3 : OVERLONG_DEFAULT;
    for (const piece of pieces) {
      if (!isOverlong(piece.text, limit)) continue;
      const from = piece.index === 0 ? 0 : (piece.line.parts[piece.index - 1]?.end ?? 0);
      const cuts = proposeCuts(piece.line.text, input.longestParagraph ?? 1_000).filter((at) => at > from);
      const shown = `${cuts.slice(0, 20).join(", ")}${cuts.length > 20 ? ", …" : ""}`;
      ask(
        piece.ref,
        piece.text,
        `line ${piece.line.number} has ${[...piece.text].length} characters, more than ${input.longestParagraph ? `three times the longest paragraph of the edition (${input.longestParagraph})` : `${OVERLONG_DEFAULT}`}: several paragraphs run together? cut it at their ends with splits: { ${piece.line.number}: { at: [${shown}] } }`,
        characters(piece.text),
      );
    }
    // a line with spaces after its sentence ends ran paragraphs together when the capture lost its breaks
    for (const piece of pieces) {
      if (isOverlong(piece.text, limit)) continue;
      const from = piece.index === 0 ? 0 : (piece.line.parts[piece.index - 1]?.end ?? 0);
      const breaks = runTogetherBreaks(partText(piece.line, piece.index)).map((at) => from + at);
      if (breaks.length === 0) continue;
      ask(
        piece.ref,
        piece.text,
        `line ${piece.line.number} has ${[...piece.text].length} characters and ${breaks.length} sentence ends followed by a space, where paragraph breaks were lost: cut it there with splits: { ${piece.line.number}: { at: [${breaks.join(", ")}] } }`,
        characters(piece.text),
      );
    }

    // e. claims: what the text states about itself, each from the piece that states it
    const fields: Partial<Record<FieldName, string[]>> = {};
    for (const line of segment) {
      line.parts.forEach((part, index) => {
        if (part.role.role === "field") (fields[part.role.field] ??= []).push(pieceRef(line, index));
      });
    }
    const claims = caution === 0;
    const authors =
      byline && claims
        ? rest(byline)
            .trim()
            .replace(BYLINE, (match) => match.slice(-1))
            .split(/[\s、,，]+/)
            .filter((name) => HAN.test(name) && [...name].length >= 2 && [...name].length <= 4 && isNamedAuthor(name))
            .map((name) => ({ value: name, from: lastPiece(byline) }))
        : [];
    if (byline) facts.author = rest(byline).trim();
    const outlet = claims ? outletOf(segment, dateline) : undefined;
    if (outlet) facts.outlet = outlet.stated;
    const pagePiece = segment
      .flatMap((line) =>
        line.parts.map((part, index) => ({ part, text: partText(line, index), ref: pieceRef(line, index) })),
      )
      .find(({ part, text }) => part.role.role !== "body" && PAGE.test(text));
    const pageFound = pagePiece && PAGE.exec(pagePiece.text);
    const page = pagePiece && pageFound && claims ? { value: pageFound[1] ?? "", from: pagePiece.ref } : undefined;
    if (pageFound) facts.page = pageFound[0];
    const evidence = dateEvidence(segment, title, dateline);
    const proposal = claims ? proposeDate(evidence) : {};
    if (proposal.decided) decided.push(`${slug}: ${proposal.decided}`);
    // the date places the whole document: its citation, its order, the year it is found under
    const documentCharacters = segment.reduce((sum, line) => sum + characters(line.text), 0);
    if (proposal.question) ask("date", proposal.question.text, proposal.question.fix, documentCharacters);
    if (!proposal.date && !proposal.question && claims)
      ask(
        "date",
        slug,
        "no date found in the text: add a date with its basis, or leave the document undated",
        documentCharacters,
      );
    const stated = proposal.date?.from ? pieceText(proposal.date.from) : undefined;
    const statedDate = stated ? fullDateIn(stated)?.text : evidence.posted && fullDateIn(evidence.posted.text)?.text;
    if (statedDate) facts.date = statedDate;

    const opening20 = [...(bodyLines[0] ? rest(bodyLines[0]).trim() : "")].slice(0, 20).join("");
    const document: EditorialDocument = {
      slug,
      kind: input.kind ?? (dateline ? "report" : "article"),
      status: "draft",
      title: title
        ? titleLines.map((line) =>
            pieceRef(
              line,
              line.parts.findIndex((part) => part.role.role === "title"),
            ),
          )
        : { editorial: opening20 || input.file, basis: "底本无标题；暂取首段开头为题。" },
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      ...(authors.length > 0 ? { authors } : {}),
      ...(proposal.date ? { date: proposal.date } : {}),
      ...(outlet ? { outlet: { value: outlet.value, from: outlet.from } } : {}),
      ...(page ? { page } : {}),
      body: ranges(bodyLines.flatMap(bodyPieces), lines),
      headings,
      lists: [],
      joins,
      unterminated: [],
      kinds,
      relations: [],
      questions: [],
    } satisfies EditorialDocument;
    return { document: compactDocument(document), facts };
  }

  function outletOf(segment: readonly Line[], dateline: { found: Dateline; piece: string } | undefined) {
    if (dateline?.found.outlet)
      return { value: dateline.found.outlet, from: dateline.piece, stated: dateline.found.outlet };
    for (const line of segment) {
      for (const [index, part] of line.parts.entries()) {
        const text = partText(line, index);
        if (part.role.role === "field" && part.role.field === "sourceNote") {
          const value = text
            .replace(SOURCE_NOTE, "")
            .trim()
            .split(/[\s，,（(|｜]/)[0]
            ?.replace(/[《》]/g, "");
          if (value && HAN.test(value) && isNamedAuthor(value))
            return { value, from: pieceRef(line, index), stated: text.trim() };
        }
        if (part.role.role === "field" && part.role.field === "imprint") {
          const value = findIssueLine(text)?.outlet;
          if (value) return { value, from: pieceRef(line, index), stated: value };
        }
        if (part.role.role === "omit" && part.role.reason === "posting-timestamp") {
          // a periodical's issue after its title (《云南行政学院学报》2019年第02期) is not part of the outlet's name
          const value = (
            findMetadataRun(text)?.fields.find((field) => /来源|來源/.test(field.key))?.value ??
            /[来來]源\s*[:：]\s*([^\s|｜]+)/u.exec(text)?.[1]
          )
            ?.replace(/(?<=》)\s*\d{4}\s*年.*$/u, "")
            .replace(/[《》]/g, "");
          if (value && HAN.test(value) && isNamedAuthor(value))
            return { value, from: pieceRef(line, index), stated: value };
        }
      }
    }
    // failing those, the agency a credit names (新华社 徐骏, 新华社国内部出品) made the text
    for (const line of segment) {
      for (const [index, part] of line.parts.entries()) {
        const credited =
          part.role.role === "field" && part.role.field === "credit" && agencyCredit(partText(line, index));
        if (credited) return { value: credited.outlet, from: pieceRef(line, index), stated: credited.outlet };
      }
    }
    return undefined;
  }

  function dateEvidence(
    segment: readonly Line[],
    title: Line | undefined,
    dateline: { line: Line; found: Dateline; piece: string } | undefined,
  ): DateEvidence {
    let stated: DateEvidence["stated"];
    let posted: DateEvidence["posted"];
    let issue: DateEvidence["issue"];
    for (const line of segment) {
      line.parts.forEach((part, index) => {
        const text = partText(line, index);
        const source = findMetadataRun(text)?.fields.find((field) => /来源|來源/.test(field.key))?.value;
        const printed = source ? /^《[^》]+》\s*(\d{4})\s*年/u.exec(source) : null;
        if (source && printed?.[1] && part.role.role !== "body" && !issue)
          issue = { year: printed[1], text: source, line: line.number };
        const found = fullDateIn(text);
        if (!found) return;
        if (part.role.role === "field" && !stated)
          stated = { value: found.value, piece: pieceRef(line, index), line: line.number };
        if (part.role.role === "omit" && part.role.reason === "posting-timestamp" && !posted)
          posted = { value: found.value, text: text.trim(), line: line.number };
      });
    }
    const bodyLines = segment.filter((line) => isBody(line));
    const openingLines = [...(title ? [title] : []), ...bodyLines.slice(0, 3)];
    const opening = openingLines.flatMap((line) => {
      const index = line.parts.length - 1;
      const text = partText(line, index);
      const found = fullDateIn(text);
      // the date opens a field the page labels as its own description (活動描述 / - 2006年2月14日下午……)
      const described = labelledValues.has(line) && found !== undefined && text.trimStart().startsWith(found.text);
      return found ? [{ ...found, piece: pieceRef(line, index), line: line.number, described }] : [];
    });
    const today = bodyLines.slice(0, 3).flatMap((line) => {
      const index = line.parts.length - 1;
      const found = todayIn(partText(line, index));
      return found ? [{ ...found, piece: pieceRef(line, index), line: line.number }] : [];
    })[0];
    const closing = segment
      .filter((line) => isBody(line))
      .slice(-3)
      .flatMap((line) => {
        const index = line.parts.length - 1;
        const text = partText(line, index).trim();
        const found = fullDateIn(text);
        return found && found.text === text
          ? [{ value: found.value, piece: pieceRef(line, index), line: line.number }]
          : [];
      })
      .at(-1);
    return {
      stated,
      closing,
      today,
      posted: posted ?? splitPosted,
      issue,
      opening,
      dateline:
        dateline?.found.day === undefined
          ? undefined
          : {
              month: dateline.found.month,
              day: dateline.found.day,
              text: partText(
                dateline.line,
                dateline.line.parts.findIndex((part) => part.role.role === "field"),
              ).trim(),
              piece: dateline.piece,
              line: dateline.line.number,
            },
    };
  }

  function pieceText(ref: string): string | undefined {
    const line = lines[Number.parseInt(ref, 10) - 1];
    if (!line) return undefined;
    const letter = /[a-z]$/.exec(ref)?.[0];
    return partText(line, letter ? letter.charCodeAt(0) - 97 : 0);
  }
}

// ─── parts of lines ────────────────────────────────────────────────────────

function offset(line: Line): number {
  return line.parts.length > 1 ? (line.parts.at(-2)?.end ?? 0) : 0;
}
/** The text of the line's last part. */
function rest(line: Line): string {
  return line.text.slice(offset(line));
}
function partText(line: Line, index: number): string {
  return line.text.slice(
    index === 0 ? 0 : (line.parts[index - 1]?.end ?? 0),
    line.parts[index]?.end ?? line.text.length,
  );
}
function pieceRef(line: Line, index: number): string {
  return line.parts.length > 1 ? `${line.number}${String.fromCharCode(97 + index)}` : String(line.number);
}
function lastPiece(line: Line): string {
  return pieceRef(line, line.parts.length - 1);
}
/** Cut the line's last part at `at` (from the line's start): the head gets `role`, the rest keeps its own. */
function cut(line: Line, at: number, role: Role): void {
  if (at <= offset(line) || at >= line.text.length) return;
  line.parts.splice(line.parts.length - 1, 0, { end: at, role });
}
function setRole(line: Line, role: Role): void {
  line.parts = [{ end: line.text.length, role }];
}
function setLast(line: Line, role: Role): void {
  const last = line.parts.at(-1);
  if (last) last.role = role;
}
function isBody(line: Line): boolean {
  return line.parts.some((part) => part.role.role === "body");
}
function isCaption(line: Line): boolean {
  const last = line.parts.at(-1)?.role;
  return last?.role === "body" && last.caption === true;
}
/** The body pieces of a line, in order. */
function bodyPieces(line: Line): string[] {
  return line.parts.flatMap((part, index) => (part.role.role === "body" ? [pieceRef(line, index)] : []));
}
function blankBetween(previous: Line | undefined, line: Line): boolean {
  return previous !== undefined && line.number - previous.number > 1;
}

// ─── writing the draft ─────────────────────────────────────────────────────

/**
 * What the manifest says of the text, published on its source page: only what
 * is known, never a note to the editor (an unknown provenance is an open question).
 */
function describe(input: DraftInput): string {
  const known = [input.url ? `取自 ${input.url}` : "", input.retrieved ? `${input.retrieved} 取得` : ""].filter(
    Boolean,
  );
  return `网页文本${known.length > 0 ? `（${known.join("，")}）` : ""}，由 npm run add-source 收录为初稿。`;
}

/** The document without the lists a draft leaves empty, as the hand-written files omit them. */
function compactDocument(document: EditorialDocument): EditorialDocument {
  const entries = Object.entries(document).filter(([, value]) => !(Array.isArray(value) && value.length === 0));
  return Object.fromEntries(entries) as EditorialDocument;
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
      const part = line.parts.find((candidate) => expression.index < candidate.end) ?? line.parts.at(-1);
      const inField = part?.role.role !== "body";
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
        key !== "about" &&
        key !== "value" &&
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
