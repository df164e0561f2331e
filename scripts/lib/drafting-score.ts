/**
 * How close an ingested draft comes to the draft an editor would accept,
 * for `npm run bench:drafting`: joins and block boundaries as precision and
 * recall, title, date and outlet right or wrong, and debris (page text an
 * editor omits) published as text. Pure: it compares two descriptions.
 */

/** The draft an editor would accept, written by hand beside each fixture. */
export interface ExpectedDraft {
  shape: string;
  documents: {
    /** The title as printed; null for a text without one, whose draft gets an editorial title. */
    title: string | null;
    /** The date, to the day; null when the text gives none the draft may propose. */
    date: string | null;
    /** Whether the text states the date (a dateline with its year, a date line) or the draft infers it (a posting time); absent: either. */
    dateBasis?: "stated" | "inferred" | undefined;
    outlet: string | null;
  }[];
  /** Line pairs joined into one paragraph (two pieces of one line joined are not counted). */
  joins: [number, number][];
  /** The opening words of every body block (paragraph, heading, caption), in order. */
  blocks: string[];
  /** Strings of the page that are not text and must not be published. */
  debris: string[];
  /** Lines far longer than any paragraph, which the draft must ask about. */
  overlong?: number[];
}

/** What the ingest made of a draft: per document, as the corpus holds it. */
export interface DraftedDocument {
  title: string;
  date?: string | undefined;
  /** True when the draft's date is stated by the text, false when it is inferred with a basis. */
  dateStated?: boolean | undefined;
  outlet?: string | undefined;
  blocks: { text: string; joins: { after: number; before: number }[] }[];
  /** Every open question's words and fix. */
  questions: { text: string; fix: string }[];
}

export interface Tally {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface Ratio {
  right: number;
  of: number;
}

export interface DraftScore {
  joins: Tally;
  blocks: Tally;
  titles: Ratio;
  dates: Ratio;
  outlets: Ratio;
  /** Characters of debris published as text. */
  debris: number;
  /** Over-long lines the draft asked about, of those the text has. */
  overlongAsked: Ratio;
}

/** How many characters of a block's start identify it. */
const OPENING = 6;

export function scoreDraft(expected: ExpectedDraft, drafted: readonly DraftedDocument[]): DraftScore {
  // a join inside one line (words a kept HTML tag separates) joins no pair of lines
  const joins = tally(
    expected.joins.map(([after, before]) => `${after}-${before}`),
    drafted.flatMap((document) =>
      document.blocks.flatMap((block) =>
        block.joins.filter((join) => join.after !== join.before).map((join) => `${join.after}-${join.before}`),
      ),
    ),
  );
  const opening = (text: string) => [...text.trim()].slice(0, OPENING).join("");
  const blocks = tally(
    expected.blocks.map(opening),
    drafted.flatMap((document) => document.blocks.map((block) => opening(block.text))),
  );
  const pairs = expected.documents.map((want, index) => ({ want, got: drafted[index] }));
  const right = (test: (want: ExpectedDraft["documents"][number], got: DraftedDocument | undefined) => boolean) => ({
    right: pairs.filter(({ want, got }) => test(want, got)).length,
    of: Math.max(expected.documents.length, drafted.length),
  });
  const published = drafted.flatMap((document) => [document.title, ...document.blocks.map((block) => block.text)]);
  const debris = expected.debris
    .filter((piece) => published.some((text) => text.includes(piece)))
    .reduce((sum, piece) => sum + [...piece].length, 0);
  const questions = drafted.flatMap((document) => document.questions.map((question) => question.fix));
  const overlong = expected.overlong ?? [];
  return {
    joins,
    blocks,
    // an expected title of null is an editorial one: any draft title without text of the page is right
    titles: right((want, got) => got !== undefined && (want.title === null || got.title === want.title)),
    // a date is right with its value and, when the editor says, with its basis: stated, or inferred
    dates: right(
      (want, got) =>
        got !== undefined &&
        (got.date ?? null) === want.date &&
        (want.dateBasis === undefined || got.dateStated === (want.dateBasis === "stated")),
    ),
    outlets: right((want, got) => got !== undefined && (got.outlet ?? null) === want.outlet),
    debris,
    overlongAsked: {
      right: overlong.filter((line) => questions.some((fix) => fix.startsWith(`line ${line} has `))).length,
      of: overlong.length,
    },
  };
}

/** Matches as multisets: each expected item matched once at most. */
function tally(expected: readonly string[], found: readonly string[]): Tally {
  const left = [...expected];
  let truePositive = 0;
  for (const item of found) {
    const index = left.indexOf(item);
    if (index >= 0) {
      left.splice(index, 1);
      truePositive += 1;
    }
  }
  return { truePositive, falsePositive: found.length - truePositive, falseNegative: left.length };
}

export function precision(tallied: Tally): number {
  const found = tallied.truePositive + tallied.falsePositive;
  return found === 0 ? 1 : tallied.truePositive / found;
}

export function recall(tallied: Tally): number {
  const wanted = tallied.truePositive + tallied.falseNegative;
  return wanted === 0 ? 1 : tallied.truePositive / wanted;
}

export function sumTallies(tallies: readonly Tally[]): Tally {
  return tallies.reduce(
    (sum, next) => ({
      truePositive: sum.truePositive + next.truePositive,
      falsePositive: sum.falsePositive + next.falsePositive,
      falseNegative: sum.falseNegative + next.falseNegative,
    }),
    { truePositive: 0, falsePositive: 0, falseNegative: 0 },
  );
}

/** One text of the bench: its score, or why it has none. */
export interface ScoredText {
  score?: DraftScore | undefined;
  /** The draft did not ingest even at its most cautious. */
  failed?: string | undefined;
  /** The first draft did not ingest, and a more cautious one was written. */
  cautious: boolean;
}

/** The figures of a set of texts: each text's score summed over those that drafted, and how many texts. */
export interface SetTotals extends DraftScore {
  texts: number;
  cautious: number;
  failed: number;
}

export function totalsOf(texts: readonly ScoredText[]): SetTotals {
  const scores = texts.flatMap((text) => (text.score ? [text.score] : []));
  const ratio = (pick: (score: DraftScore) => Ratio): Ratio => ({
    right: scores.reduce((sum, score) => sum + pick(score).right, 0),
    of: scores.reduce((sum, score) => sum + pick(score).of, 0),
  });
  return {
    texts: texts.length,
    joins: sumTallies(scores.map((score) => score.joins)),
    blocks: sumTallies(scores.map((score) => score.blocks)),
    titles: ratio((score) => score.titles),
    dates: ratio((score) => score.dates),
    outlets: ratio((score) => score.outlets),
    debris: scores.reduce((sum, score) => sum + score.debris, 0),
    overlongAsked: ratio((score) => score.overlongAsked),
    cautious: texts.filter((text) => text.cautious).length,
    failed: texts.filter((text) => text.failed !== undefined).length,
  };
}
