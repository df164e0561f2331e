import { isTerminated } from "../../src/lib/punctuation.ts";

/**
 * Whether two body lines are one paragraph cut in two, from evidence the text
 * shows. A join is proposed only on such evidence; a line that ends without
 * sentence-final punctuation and shows none is left unjoined, and the ingest
 * then lists it as an open question for the editor (a heading? a label? a
 * cut sentence?). A wrong join publishes a headline or caption inside a
 * paragraph; a missing one is asked about, so the drafter errs that way.
 */

/** What the whole text shows about how it breaks lines. */
export interface LineLayout {
  /** Most paragraphs are separated by a blank line, so lines with none between them are one paragraph wrapped. */
  blankSeparated: boolean;
  /** The width at which a hard-wrapped text (PDF, e-paper) cuts its lines; undefined when lines are not cut at one width. */
  wrapWidth?: number | undefined;
}

/** A line this short without punctuation inside reads as a heading, a label or a caption, not a wrapped sentence. */
const SHORT = 16;
/**
 * A sentence visibly goes on after the line: it ends on a comma, an opening
 * quote or bracket. Not a colon: a salutation (同志们：) or a line before a
 * list ends its paragraph with one; nor a dash, which as often introduces the
 * paragraphs after it (……成色更足——).
 */
const OPEN_END = /[，、；,;“‘「『（(《]$/u;
/** A line that begins like this cannot begin a paragraph: it continues the sentence before it. */
const CONTINUES = /^[，。、；：！？”’」』）)》…]/u;

/** A line that begins a list item (- , • , 1. ) begins its own line, whatever ended the one before. */
const LIST_ITEM = /^\s*([-–•·*●■◆▪▶►]\s|\d{1,2}[.、）)]\s*\S)/u;
/** A short bracketed note after a sentence's end (（瞭新社）, （完）, （河北网信办供稿）) does not reopen the sentence. */
const CLOSING_NOTE = /[（(][^（()）]{1,20}[）)]$/u;

/** Whether a line ends a sentence, a closing note after its end allowed. */
export function endsSentence(line: string): boolean {
  const text = line.trim();
  return isTerminated(text) || isTerminated(text.replace(CLOSING_NOTE, "").trim());
}

/** Whether a line begins where no paragraph can: with punctuation that continues the sentence before it. */
export function continuesSentence(line: string): boolean {
  return CONTINUES.test(line.trim());
}

export function layoutOf(lines: readonly { text: string; blankBefore: boolean }[]): LineLayout {
  const gaps = lines.slice(1);
  const blankSeparated = gaps.length > 0 && gaps.filter((line) => line.blankBefore).length * 2 >= gaps.length;
  // A hard-wrapped text cuts many lines at one width: the most common length of the longer lines, met at least 3 times.
  // list items are often cut to one width by the page; they say nothing of how its text wraps
  const lengths = lines
    .filter((line) => !LIST_ITEM.test(line.text))
    .map((line) => [...line.text.trim()].length)
    .filter((length) => length > SHORT);
  const counts = new Map<number, number>();
  for (const length of lengths) counts.set(length, (counts.get(length) ?? 0) + 1);
  const [width, count] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
  const wrapWidth = count >= 3 && count * 4 >= lengths.length ? width : undefined;
  return { blankSeparated, wrapWidth };
}

export type JoinEvidence =
  { join: true; reason: "line-wrap" | "page-break"; evidence: string } | { join: false; evidence: string };

/**
 * Whether `next` continues the sentence of `previous`. `between` says what
 * lies between them: nothing, blank lines only, or omitted lines (a jump
 * line, a page number) that a page or column break left. A kept HTML tag
 * that closes or opens a block (</div>, <p>) shows a paragraph's end as a
 * blank line does: the caller passes such a gap as "blank".
 */
export function joinEvidence(
  previous: string,
  next: string,
  between: "nothing" | "blank" | "omitted",
  layout: LineLayout,
): JoinEvidence {
  const left = previous.trim();
  const right = next.trim();
  if (endsSentence(left)) return { join: false, evidence: "the line ends a sentence" };
  if (LIST_ITEM.test(right)) return { join: false, evidence: "the next line begins a list item" };
  const reason = between === "omitted" ? "page-break" : "line-wrap";
  if (CONTINUES.test(right)) return { join: true, reason, evidence: "the next line begins with punctuation" };
  if (OPEN_END.test(left)) return { join: true, reason, evidence: "the line ends on an open clause" };
  if (between === "blank") return { join: false, evidence: "a blank line follows and the text shows no wrap" };
  const short = [...left].length <= SHORT;
  if (short) return { join: false, evidence: "a short line: a heading, a label or a caption" };
  const width = layout.wrapWidth;
  if (width !== undefined && Math.abs([...left].length - width) <= 1)
    return { join: true, reason, evidence: `the line is cut at the text's wrap width (${width})` };
  if (between === "omitted")
    return { join: true, reason, evidence: "a long line cut in mid-sentence, with page debris before the next" };
  if (between === "nothing" && layout.blankSeparated)
    return { join: true, reason, evidence: "paragraphs are separated by blank lines, and none follows" };
  return { join: false, evidence: "each line is a paragraph in this text, and this one shows no wrap" };
}
