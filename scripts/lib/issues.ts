import { codePointLabel } from "../../src/lib/visible-text.ts";

/**
 * Problems found in the input, reported all at once. Each names the file, the
 * line where there is one, what is wrong and how to fix it.
 */
export interface InputIssue {
  /** Path of the file at fault, relative to the project root. */
  file: string;
  /** 1-based line in that file, where the problem has one. */
  line?: number | undefined;
  /** What is wrong. */
  problem: string;
  /** How to fix it. */
  fix: string;
}

export class InputError extends Error {
  readonly issues: readonly InputIssue[];

  /** Every character a terminal would act on or not show is written as its code point (`showInvisibles`). */
  constructor(issues: readonly InputIssue[]) {
    const shown = issues.map((issue) => ({
      ...issue,
      file: showInvisibles(issue.file),
      problem: showInvisibles(issue.problem),
      fix: showInvisibles(issue.fix),
    }));
    super(formatIssues(shown));
    this.name = "InputError";
    this.issues = shown;
  }
}

/** Control characters but tab and line feed, format characters (direction marks, U+FEFF), line and paragraph separators. */
const INVISIBLE_IN_TERMINAL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * Text safe to print in an editor's terminal: each control or format
 * character (a NUL, an escape sequence's ESC, a carriage return, a direction
 * override, a byte order mark) written as `<U+001B>`, tab and line feed kept.
 * Messages quote source text, which may hold any of them.
 */
export function showInvisibles(text: string): string {
  return text.replace(INVISIBLE_IN_TERMINAL, (character) =>
    character === "\t" || character === "\n" ? character : `<${codePointLabel(character)}>`,
  );
}

/** `file:line: problem` then an indented `fix:` line, one issue after another. */
export function formatIssues(issues: readonly InputIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
      return `${where}: ${issue.problem}\n  fix: ${issue.fix}`;
    })
    .join("\n");
}

/**
 * Collects issues while a step runs and throws them together at the end, so
 * one run reports every problem rather than the first.
 */
export class IssueCollector {
  readonly #issues: InputIssue[] = [];

  add(issue: InputIssue): void {
    this.#issues.push(issue);
  }

  get count(): number {
    return this.#issues.length;
  }

  /** Throws, if there are any, the issues `first` (those that explain others) and then those collected. */
  throwIfAny(first: readonly InputIssue[] = []): void {
    if (first.length + this.#issues.length > 0) throw new InputError([...first, ...this.#issues]);
  }
}
