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

  constructor(issues: readonly InputIssue[]) {
    super(formatIssues(issues));
    this.name = "InputError";
    this.issues = issues;
  }
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

  throwIfAny(): void {
    if (this.#issues.length > 0) throw new InputError(this.#issues);
  }
}
