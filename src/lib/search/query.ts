import { normalizeForSearch, withoutFormatCharacters } from "./normalize.ts";

/** Longest query accepted, in characters; the search box enforces it too. */
export const MAX_QUERY_LENGTH = 200;

/** Most alternatives a query may expand to (`(A | B) (C | D)` is four). */
export const MAX_CLAUSES = 16;

/**
 * One alternative of a query: what a passage (or sentence, or document; see
 * the search scope) must contain, must not contain, and which pairs of terms
 * must stand close together.
 */
export interface Clause {
  /** Every one of these terms occurs. */
  all: string[];
  /** None of these terms occurs. */
  none: string[];
  /** Both terms occur with at most `within` characters between the end of one and the start of the other, in either order. */
  near: { a: string; b: string; within: number }[];
}

export type QueryProblem =
  /** An alternative with nothing to find: only excluded terms. */
  | "only-excluded"
  /** NEAR/n needs a term on each side. */
  | "near-operand"
  /** NEAR/ needs a whole number of characters after it (NEAR/10), not NEAR/, NEAR/-1 or NEAR/1.5. */
  | "near-distance"
  /** A parenthesis without its partner, or an empty group or alternative. */
  | "unbalanced"
  /** More than MAX_CLAUSES alternatives. */
  | "too-complex";

export type ParsedQuery =
  | { kind: "empty" }
  | { kind: "too-long"; length: number }
  | { kind: "invalid"; problem: QueryProblem }
  | {
      kind: "query";
      /** The query in disjunctive normal form: a unit matches when it satisfies any clause. */
      clauses: Clause[];
      /** Every term a match may show marked: the positive terms of every clause. */
      terms: string[];
    };

/** Quotation marks: what they enclose is one literal term, operators and spaces included. */
const quoteMarks = /["“”‘’「」『』＂﹁﹂﹃﹄]/u;

type Token =
  | { kind: "term"; text: string; excluded: boolean }
  | { kind: "or" }
  | { kind: "open" }
  | { kind: "close" }
  | { kind: "near"; within: number };

/** Splits a query into tokens; text between quotation marks is one term, and a `-` just before it excludes it. */
function tokenize(raw: string): Token[] {
  const tokens: Token[] = [];
  raw.split(quoteMarks).forEach((segment, index) => {
    if (index % 2 === 1) {
      const previous = tokens.at(-1);
      const excluded = previous?.kind === "term" && previous.text === "" && previous.excluded;
      if (excluded) tokens.pop();
      tokens.push({ kind: "term", text: segment, excluded });
      return;
    }
    // NEAR/ and the Latin letters, digits, signs and points after it are one token, so that NEAR/1.5 and NEAR/-1 are
    // read as malformed operators while NEAR/3战略 is NEAR/3 before 战略.
    for (const word of segment.split(/(\s+|[()|｜]|\bNEAR\/[-+.\w]*)/iu)) {
      if (!word || /^\s+$/u.test(word)) continue;
      if (/^[|｜]$/u.test(word)) tokens.push({ kind: "or" });
      else if (word === "(") tokens.push({ kind: "open" });
      else if (word === ")") tokens.push({ kind: "close" });
      else if (/^NEAR\/\d+$/i.test(word)) tokens.push({ kind: "near", within: Number(word.slice(5)) });
      else if (/^NEAR\//i.test(word)) tokens.push({ kind: "near", within: Number.NaN });
      else if (/^[-－]/u.test(word)) tokens.push({ kind: "term", text: word.replace(/^[-－]+/u, ""), excluded: true });
      else tokens.push({ kind: "term", text: word, excluded: false });
    }
  });
  return tokens;
}

class Invalid extends Error {
  constructor(readonly problem: QueryProblem) {
    super(problem);
  }
}

const emptyClause = (): Clause => ({ all: [], none: [], near: [] });

/** Every clause of `left` joined with every clause of `right`: the AND of two disjunctions. */
function both(left: Clause[], right: Clause[]): Clause[] {
  const product = left.flatMap((a) =>
    right.map((b) => ({ all: [...a.all, ...b.all], none: [...a.none, ...b.none], near: [...a.near, ...b.near] })),
  );
  if (product.length > MAX_CLAUSES) throw new Invalid("too-complex");
  return product;
}

/**
 * A recursive-descent parser of the grammar
 *   alternatives := conjunction ("|" conjunction)*
 *   conjunction  := item item*
 *   item         := "-"term | term ("NEAR/n" term)? | "(" alternatives ")"
 * giving the query in disjunctive normal form.
 */
function parseTokens(tokens: readonly Token[]): Clause[] {
  let position = 0;
  const peek = () => tokens[position];
  const alternatives = (): Clause[] => {
    const clauses = [...conjunction()];
    while (peek()?.kind === "or") {
      position += 1;
      clauses.push(...conjunction());
      if (clauses.length > MAX_CLAUSES) throw new Invalid("too-complex");
    }
    return clauses;
  };
  const conjunction = (): Clause[] => {
    let clauses = [emptyClause()];
    let items = 0;
    for (let token = peek(); token && token.kind !== "or" && token.kind !== "close"; token = peek()) {
      clauses = both(clauses, item());
      items += 1;
    }
    if (items === 0) throw new Invalid("unbalanced");
    return clauses;
  };
  const item = (): Clause[] => {
    const token = peek();
    position += 1;
    if (token?.kind === "open") {
      const inner = alternatives();
      if (peek()?.kind !== "close") throw new Invalid("unbalanced");
      position += 1;
      return inner;
    }
    if (token?.kind === "near" && !Number.isSafeInteger(token.within)) throw new Invalid("near-distance");
    if (token?.kind !== "term") throw new Invalid(token?.kind === "near" ? "near-operand" : "unbalanced");
    const term = normalizeForSearch(token.text);
    const next = peek();
    if (next?.kind === "near") {
      if (!Number.isSafeInteger(next.within)) throw new Invalid("near-distance");
      position += 1;
      const other = peek();
      position += 1;
      const right = other?.kind === "term" ? normalizeForSearch(other.text) : "";
      if (token.excluded || other?.kind !== "term" || other.excluded || !term || !right)
        throw new Invalid("near-operand");
      return [{ all: [], none: [], near: [{ a: term, b: right, within: next.within }] }];
    }
    if (!term) return [emptyClause()];
    return [token.excluded ? { all: [], none: [term], near: [] } : { all: [term], none: [], near: [] }];
  };
  const clauses = alternatives();
  if (position < tokens.length) throw new Invalid("unbalanced");
  return clauses;
}

/**
 * Whether a unit satisfies a clause, given how to tell that a term occurs in
 * it and that two terms stand within `within` characters of each other in it.
 */
export function clauseHolds(
  clause: Clause,
  occurs: (term: string) => boolean,
  near: (a: string, b: string, within: number) => boolean,
): boolean {
  return (
    clause.all.every(occurs) && !clause.none.some(occurs) && clause.near.every(({ a, b, within }) => near(a, b, within))
  );
}

/** The positive terms of a clause: what a match must contain. */
export function positiveTerms(clause: Clause): string[] {
  return [...new Set([...clause.all, ...clause.near.flatMap(({ a, b }) => [a, b])])];
}

/** A clause without repeats, and without required terms that another required term contains (they change nothing). */
function simplified(clause: Clause): Clause {
  const all = [...new Set(clause.all)];
  return {
    all: all.filter((term) => !all.some((other) => other !== term && other.includes(term))),
    none: [...new Set(clause.none)],
    near: clause.near,
  };
}

/**
 * Parses a query: terms separated by spaces are all required in one unit; `|`
 * separates alternatives; `-` before a term excludes units that contain it;
 * `A NEAR/n B` requires A and B at most n characters apart; parentheses group;
 * quotation marks make what they enclose one literal term. Terms are
 * normalised (src/lib/search/normalize.ts).
 *
 * @example parseQuery("“网络强国” 數字中國") // { kind: "query", clauses: [{ all: ["网络强国", "数字中国"], none: [], near: [] }], terms: ["网络强国", "数字中国"] }
 * @example parseQuery("网信 | 网络 -安全").kind // "query", with two clauses
 */
export function parseQuery(raw: string): ParsedQuery {
  const length = [...raw].length;
  if (length > MAX_QUERY_LENGTH) return { kind: "too-long", length };
  // U+FEFF is whitespace to JavaScript's \s, which separates terms: format characters go before the query is split.
  const tokens = tokenize(withoutFormatCharacters(raw));
  if (tokens.every((token) => token.kind === "term" && normalizeForSearch(token.text) === "")) return { kind: "empty" };
  let clauses: Clause[];
  try {
    clauses = parseTokens(tokens).map(simplified);
  } catch (error) {
    if (error instanceof Invalid) return { kind: "invalid", problem: error.problem };
    throw error;
  }
  clauses = clauses.filter((clause) => clause.all.length + clause.none.length + clause.near.length > 0);
  if (clauses.length === 0) return { kind: "empty" };
  if (clauses.some((clause) => positiveTerms(clause).length === 0))
    return { kind: "invalid", problem: "only-excluded" };
  return { kind: "query", clauses, terms: [...new Set(clauses.flatMap(positiveTerms))] };
}
