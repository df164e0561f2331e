import { join } from "node:path";
import { expect } from "vitest";
import { ingest } from "../../scripts/ingest.ts";
import { OUTPUT_DIRS } from "../../scripts/lib/write-outputs.ts";
import { InputError, type InputIssue } from "../../scripts/lib/issues.ts";
import { snapshotDir } from "./project.ts";

/**
 * Runs the ingest on a broken copy of the project; checks that it fails with
 * an InputError whose every issue says how to fix it, whose message holds no
 * character a terminal would act on or not show (control and format
 * characters but tab and line feed), and that every output folder is
 * unchanged. Returns the issues.
 */
export function failingIngest(root: string): InputIssue[] {
  const before = OUTPUT_DIRS.map((dir) => snapshotDir(join(root, dir)));
  let caught: unknown;
  try {
    ingest(root);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect(OUTPUT_DIRS.map((dir) => snapshotDir(join(root, dir)))).toEqual(before);
  expect((caught as InputError).message).not.toMatch(/[^\P{Cc}\t\n]|\p{Cf}|[\u2028\u2029]/u);
  const issues = (caught as InputError).issues;
  for (const issue of issues) expect(issue.fix.length).toBeGreaterThan(10);
  return [...issues];
}
