/**
 * Text shared between documents: detection of shared passages and the
 * collation of two copies of one text. Texts are compared after
 * normalizeForMatch (NFKC, whitespace ignored), so spacing such as
 * “2023 年 6 月” against “2023年6月” is not a variant. Alignment is
 * diff-match-patch (Myers diff); a collation adds its semantic clean-up, which
 * removes coincidental one- or two-character matches inside stretches that
 * only one copy has.
 */
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, makeDiff, type Diff } from "@sanity/diff-match-patch";
import { normalizeForMatch } from "./text-match.ts";

/** Length of the character n-grams that propose two passages for alignment. */
export const SEED_LENGTH = 8;
/** Two passages share text when their alignment has one common stretch at least this long (characters, normalised). */
export const MIN_SHARED_LENGTH = 16;
/** In a collation, text one copy lacks is a lacuna (a gap in that copy), not a variant, from this length on. */
export const LACUNA_MIN_LENGTH = 40;

export interface PassageText {
  doc: string;
  /** Passage id: `title` or a block id. */
  id: string;
  text: string;
}

/**
 * The alignment of two texts after normalisation: equal, only-in-a (delete)
 * and only-in-b (insert) stretches. The plain Myers alignment, without
 * semantic clean-up: the clean-up would dissolve a short quotation inside two
 * otherwise different paragraphs, which is exactly what detection looks for.
 */
export function alignTexts(a: string, b: string): Diff[] {
  return makeDiff(normalizeForMatch(a), normalizeForMatch(b), { timeout: 0, checkLines: false });
}

/**
 * The longest stretch two aligned texts have in common, and all they have in
 * common in stretches of at least SEED_LENGTH characters (shorter equal
 * stretches of a plain alignment are mostly coincidence), in characters.
 */
export function commonLength(diffs: readonly Diff[]): { longest: number; total: number } {
  let longest = 0;
  let total = 0;
  for (const [type, text] of diffs) {
    if (type !== DIFF_EQUAL) continue;
    const length = [...text].length;
    longest = Math.max(longest, length);
    if (length >= SEED_LENGTH) total += length;
  }
  return { longest, total };
}

export interface SharedLink {
  from: { doc: string; id: string };
  to: { doc: string; id: string };
  /** Longest common stretch, in characters. */
  longest: number;
  /** All common text in stretches of at least SEED_LENGTH characters. */
  shared: number;
  /** The two passages are the same text (after normalisation). */
  identical: boolean;
}

function seeds(text: string): Set<string> {
  const characters = [...normalizeForMatch(text)];
  const grams = new Set<string>();
  for (let start = 0; start + SEED_LENGTH <= characters.length; start += 1)
    grams.add(characters.slice(start, start + SEED_LENGTH).join(""));
  return grams;
}

/**
 * Every pair of passages of different documents that share a stretch of at
 * least MIN_SHARED_LENGTH characters. Candidates are the pairs with a common
 * SEED_LENGTH-gram; each candidate is aligned and kept when its longest common
 * stretch reaches the threshold. Each pair is reported once in each direction,
 * in the order of `passages`, so the result does not depend on anything else.
 */
export function findSharedPassages(passages: readonly PassageText[]): SharedLink[] {
  const owners = new Map<string, number[]>();
  passages.forEach((passage, index) => {
    for (const gram of seeds(passage.text)) {
      const list = owners.get(gram);
      if (list) list.push(index);
      else owners.set(gram, [index]);
    }
  });
  // A candidate pair (left < right) as one number, so that sorting the numbers orders pairs by left, then right.
  const count = passages.length;
  const candidates = new Set<number>();
  for (const list of owners.values())
    for (const left of list)
      for (const right of list)
        if (left < right && passages[left]?.doc !== passages[right]?.doc) candidates.add(left * count + right);
  const links: SharedLink[] = [];
  for (const pair of [...candidates].sort((x, y) => x - y)) {
    const left = Math.floor(pair / count);
    const right = pair % count;
    const a = passages[left];
    const b = passages[right];
    if (!a || !b) continue;
    const diffs = alignTexts(a.text, b.text);
    const { longest, total } = commonLength(diffs);
    if (longest < MIN_SHARED_LENGTH) continue;
    const identical = diffs.every(([type]) => type === DIFF_EQUAL);
    const common = { longest, shared: total, identical };
    links.push({ from: { doc: a.doc, id: a.id }, to: { doc: b.doc, id: b.id }, ...common });
    links.push({ from: { doc: b.doc, id: b.id }, to: { doc: a.doc, id: a.id }, ...common });
  }
  return links;
}

/** A stretch of one copy's text in a collation row: common to both copies, or only in this one. */
export interface Segment {
  text: string;
  common: boolean;
}

export interface CollationSide {
  /** The passages of this copy in the row, in order. */
  passages: { id: string; segments: Segment[] }[];
}

export interface CollationRow {
  a: CollationSide;
  b: CollationSide;
  /** One copy has nothing here: a lacuna in that copy. */
  lacking?: "a" | "b";
}

export interface Variant {
  /** The reading of copy a (empty when a lacks it) and where. */
  a: string;
  aPassage: string;
  b: string;
  bPassage: string;
  /** Up to VARIANT_CONTEXT characters the copies share before and after the variant, as copy a prints them. */
  before: string;
  after: string;
  /** The index of the collation row that holds it. */
  row: number;
}

/** Characters of common text shown on each side of a variant, so that it can be found. */
export const VARIANT_CONTEXT = 6;

export interface Collation {
  rows: CollationRow[];
  /** Every difference shorter than LACUNA_MIN_LENGTH: substitutions, additions, omissions. */
  variants: Variant[];
  /** Stretches of LACUNA_MIN_LENGTH or more that only one copy has. */
  lacunae: { side: "a" | "b"; text: string; passages: string[] }[];
}

interface Located {
  type: typeof DIFF_EQUAL | typeof DIFF_DELETE | typeof DIFF_INSERT;
  text: string;
  aPassage: number;
  bPassage: number;
  /** Where the piece starts in each side's normalised text (for an insert or a delete, the other side's position is where it falls). */
  aStart: number;
  bStart: number;
}

/** Cuts the aligned texts at the passage boundaries of both copies. */
function locate(diffs: readonly Diff[], aBounds: number[], bBounds: number[]): Located[] {
  const located: Located[] = [];
  let aAt = 0;
  let bAt = 0;
  const passageAt = (bounds: number[], at: number) => {
    let index = 0;
    while (index + 1 < bounds.length && (bounds[index + 1] ?? Infinity) <= at) index += 1;
    return index;
  };
  for (const [type, text] of diffs) {
    const characters = [...text];
    let start = 0;
    while (start < characters.length) {
      const aPassage = passageAt(aBounds, aAt);
      const bPassage = passageAt(bBounds, bAt);
      const aEnd = type === DIFF_INSERT ? Infinity : (aBounds[aPassage + 1] ?? Infinity) - aAt;
      const bEnd = type === DIFF_DELETE ? Infinity : (bBounds[bPassage + 1] ?? Infinity) - bAt;
      const length = Math.min(characters.length - start, aEnd, bEnd);
      const piece = characters.slice(start, start + length).join("");
      located.push({ type, text: piece, aPassage, bPassage, aStart: aAt, bStart: bAt });
      if (type !== DIFF_INSERT) aAt += length;
      if (type !== DIFF_DELETE) bAt += length;
      start += length;
    }
  }
  return located;
}

/**
 * The copies' passages concatenated after normalisation, with where each
 * passage starts and, for each normalised character, the source character it
 * comes from (so the collation shows the text as published: “，” stays “，”
 * although it is compared as “,”). A character that NFKC expands to several
 * shows once, on the first.
 */
function concatenate(passages: readonly PassageText[]): { text: string; bounds: number[]; raw: string[] } {
  const bounds: number[] = [];
  const raw: string[] = [];
  let text = "";
  for (const passage of passages) {
    bounds.push(raw.length);
    for (const character of passage.text) {
      const normalised = normalizeForMatch(character);
      text += normalised;
      [...normalised].forEach((_, index) => raw.push(index === 0 ? character : ""));
    }
  }
  return { text, bounds, raw };
}

/**
 * Collates two copies of one text passage by passage. The copies are
 * aligned as wholes, so a paragraph one copy splits in two is one row.
 * Passages linked by common text form a row; a passage with nothing in
 * common is a row of its own, the other side lacking. Rows follow copy b's
 * order, with copy a's unmatched passages in their place.
 */
export function collate(a: readonly PassageText[], b: readonly PassageText[]): Collation {
  const left = concatenate(a);
  const right = concatenate(b);
  const diffs = cleanupSemantic(makeDiff(left.text, right.text, { timeout: 0, checkLines: false }));
  const located = locate(diffs, left.bounds, right.bounds);

  // Rows: connected groups of passages that share an equal stretch.
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  const union = (x: string, y: string) => parent.set(find(x), find(y));
  for (const piece of located)
    if (piece.type === DIFF_EQUAL && piece.text.length > 0) union(`a${piece.aPassage}`, `b${piece.bPassage}`);
  const groups = new Map<string, { a: Set<number>; b: Set<number> }>();
  const group = (key: string) => {
    const root = find(key);
    let entry = groups.get(root);
    if (!entry) {
      entry = { a: new Set(), b: new Set() };
      groups.set(root, entry);
    }
    return entry;
  };
  a.forEach((_, index) => group(`a${index}`).a.add(index));
  b.forEach((_, index) => group(`b${index}`).b.add(index));

  const segmentsOf = (side: "a" | "b", index: number): Segment[] => {
    const segments: Segment[] = [];
    for (const piece of located) {
      const mine =
        side === "a"
          ? piece.type !== DIFF_INSERT && piece.aPassage === index
          : piece.type !== DIFF_DELETE && piece.bPassage === index;
      if (!mine) continue;
      const common = piece.type === DIFF_EQUAL;
      const source = side === "a" ? left.raw : right.raw;
      const start = side === "a" ? piece.aStart : piece.bStart;
      const text = source.slice(start, start + [...piece.text].length).join("");
      const last = segments.at(-1);
      if (last && last.common === common) last.text += text;
      else segments.push({ text, common });
    }
    return segments;
  };
  // A row's place: its first passage of copy b; a row with copy a only comes just after the row holding copy a's previous passage.
  const entries = [...groups.values()];
  const placeOf = (entry: { a: Set<number>; b: Set<number> }): number => {
    if (entry.b.size > 0) return Math.min(...entry.b);
    const firstA = Math.min(...entry.a);
    const before = entries.filter((other) => other.b.size > 0 && Math.min(...other.a, Infinity) < firstA);
    return Math.max(-1, ...before.map((other) => Math.min(...other.b))) + 0.5;
  };
  const ordered = entries
    .map((entry) => ({ entry, place: placeOf(entry), firstA: Math.min(...entry.a, Infinity) }))
    .sort((x, y) => x.place - y.place || x.firstA - y.firstA)
    .map(({ entry }) => entry);
  const rows = ordered.map((entry): CollationRow => {
    const side = (which: "a" | "b", indices: Set<number>, passages: readonly PassageText[]): CollationSide => ({
      passages: [...indices]
        .sort((x, y) => x - y)
        .map((index) => ({ id: passages[index]?.id ?? "", segments: segmentsOf(which, index) })),
    });
    const row: CollationRow = { a: side("a", entry.a, a), b: side("b", entry.b, b) };
    if (entry.a.size === 0) row.lacking = "a";
    if (entry.b.size === 0) row.lacking = "b";
    return row;
  });

  const rowOfA = new Map<number, number>();
  ordered.forEach((entry, row) => entry.a.forEach((index) => rowOfA.set(index, row)));

  // Variants and lacunae: each run of differences between two common stretches.
  const variants: Variant[] = [];
  const lacunae: Collation["lacunae"] = [];
  let run: Located[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const only = (type: number) => run.filter((piece) => piece.type === type);
    const rawOf = (piece: Located) =>
      piece.type === DIFF_DELETE
        ? left.raw.slice(piece.aStart, piece.aStart + [...piece.text].length).join("")
        : right.raw.slice(piece.bStart, piece.bStart + [...piece.text].length).join("");
    const aText = only(DIFF_DELETE).map(rawOf).join("");
    const bText = only(DIFF_INSERT).map(rawOf).join("");
    const ids = (side: "a" | "b") => [
      ...new Set(
        only(side === "a" ? DIFF_DELETE : DIFF_INSERT).map(
          (piece) => (side === "a" ? a[piece.aPassage]?.id : b[piece.bPassage]?.id) ?? "",
        ),
      ),
    ];
    const first = run[0] as Located;
    if (aText.length === 0 && [...bText].length >= LACUNA_MIN_LENGTH)
      lacunae.push({ side: "a", text: bText, passages: ids("b") });
    else if (bText.length === 0 && [...aText].length >= LACUNA_MIN_LENGTH)
      lacunae.push({ side: "b", text: aText, passages: ids("a") });
    else {
      // Context within copy a's passage: the common text just before and after where the variant falls.
      const aStart = first.aStart;
      const aEnd = aStart + only(DIFF_DELETE).reduce((length, piece) => length + [...piece.text].length, 0);
      const passageStart = left.bounds[first.aPassage] ?? 0;
      const passageEnd = left.bounds[first.aPassage + 1] ?? left.raw.length;
      variants.push({
        a: aText,
        aPassage: a[first.aPassage]?.id ?? "",
        b: bText,
        bPassage: b[first.bPassage]?.id ?? "",
        before: left.raw.slice(Math.max(passageStart, aStart - VARIANT_CONTEXT), aStart).join(""),
        after: left.raw.slice(aEnd, Math.min(passageEnd, aEnd + VARIANT_CONTEXT)).join(""),
        row: rowOfA.get(first.aPassage) ?? -1,
      });
    }
    run = [];
  };
  for (const piece of located) {
    if (piece.type === DIFF_EQUAL) flush();
    else run.push(piece);
  }
  flush();
  return { rows, variants, lacunae };
}
