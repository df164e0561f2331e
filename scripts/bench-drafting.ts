/**
 * The drafting benchmark: `npm run bench:drafting`. Each case of
 * tests/fixtures/drafting/ (a text and the draft an editor would accept) is
 * added with `add-source` to a throwaway copy of the project's input and
 * ingested; the draft is scored against the expected one. Prints, per case
 * and in total, join and block-boundary precision and recall, titles, dates
 * and outlets right, debris characters published, over-long lines asked
 * about, drafts made cautiously and drafts that fail to ingest. Exit code 1
 * when a total misses its target (TARGETS).
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addSource } from "./add-source.ts";
import { ingestOutputs } from "./ingest.ts";
import {
  precision,
  recall,
  scoreDraft,
  sumTallies,
  type DraftScore,
  type DraftedDocument,
  type ExpectedDraft,
} from "./lib/drafting-score.ts";
import { projectPaths } from "./lib/write-outputs.ts";

export const FIXTURES_DIR = "tests/fixtures/drafting";

/** What the issue asks of the drafter on this set and on texts it has never seen. */
export const TARGETS = { joinPrecision: 0.95, joinRecall: 0.9, failedIngests: 0 } as const;

export interface CaseResult {
  name: string;
  score?: DraftScore | undefined;
  /** The draft did not ingest even at its most cautious: the message. */
  failed?: string | undefined;
  /** The first draft did not ingest, and a more cautious one was written. */
  cautious: boolean;
}

export interface BenchResult {
  cases: CaseResult[];
  totals: {
    joinPrecision: number;
    joinRecall: number;
    blockPrecision: number;
    blockRecall: number;
    titles: string;
    dates: string;
    outlets: string;
    debris: number;
    overlongAsked: string;
    cautious: number;
    failedIngests: number;
  };
}

export async function benchDrafting(root: string): Promise<BenchResult> {
  const names = readdirSync(join(root, FIXTURES_DIR), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const cases: CaseResult[] = [];
  for (const name of names) cases.push(await benchCase(root, name));
  const scores = cases.flatMap((result) => (result.score ? [result.score] : []));
  const joins = sumTallies(scores.map((score) => score.joins));
  const blocks = sumTallies(scores.map((score) => score.blocks));
  const ratio = (pick: (score: DraftScore) => { right: number; of: number }) => {
    const right = scores.reduce((sum, score) => sum + pick(score).right, 0);
    const of = scores.reduce((sum, score) => sum + pick(score).of, 0);
    return `${right}/${of}`;
  };
  return {
    cases,
    totals: {
      joinPrecision: precision(joins),
      joinRecall: recall(joins),
      blockPrecision: precision(blocks),
      blockRecall: recall(blocks),
      titles: ratio((score) => score.titles),
      dates: ratio((score) => score.dates),
      outlets: ratio((score) => score.outlets),
      debris: scores.reduce((sum, score) => sum + score.debris, 0),
      overlongAsked: ratio((score) => score.overlongAsked),
      cautious: cases.filter((result) => result.cautious).length,
      failedIngests: cases.filter((result) => result.failed !== undefined).length,
    },
  };
}

async function benchCase(root: string, name: string): Promise<CaseResult> {
  // 1. a throwaway copy of the project's input
  const copy = mkdtempSync(join(tmpdir(), "bench-drafting-"));
  try {
    for (const path of projectPaths()) cpSync(join(root, path), join(copy, path), { recursive: true });
    const folder = join(root, FIXTURES_DIR, name);
    const expected = JSON.parse(readFileSync(join(folder, "expected.json"), "utf8")) as ExpectedDraft;

    // 2. add the text as a new editor would, with where it came from
    let added;
    try {
      added = await addSource(copy, join(folder, "source.txt"), {
        name,
        slug: name,
        url: `https://example.invalid/${name}`,
        retrieved: "2026-01-01",
      });
    } catch (error) {
      return { name, failed: error instanceof Error ? error.message : String(error), cautious: false };
    }

    // 3. ingest, and score what the edition would publish
    const { corpus } = ingestOutputs(copy);
    const drafted: DraftedDocument[] = corpus.documents
      .filter((document) => document.source.file === added.file)
      .sort((a, b) => a.position - b.position)
      .map((document) => ({
        title: document.title.text,
        date: document.date?.value,
        outlet: document.outlet?.value,
        blocks: document.blocks.map((block) => ({ text: block.text, joins: block.joins })),
        questions: (document.questions ?? []).map((question) => ({ text: question.text, fix: question.fix })),
      }));
    const cautious = added.toCheck.some((line) => line.includes("the bolder draft did not ingest"));
    return { name, score: scoreDraft(expected, drafted), cautious };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function report(result: BenchResult): string {
  const figure = (value: number) => value.toFixed(2);
  const rows = result.cases.map((entry) => {
    if (!entry.score) return `${entry.name.padEnd(20)} FAILED TO INGEST: ${entry.failed ?? ""}`;
    const { joins, blocks, titles, dates, outlets, debris } = entry.score;
    return [
      entry.name.padEnd(20),
      `joins P ${figure(precision(joins))} R ${figure(recall(joins))}`,
      `blocks P ${figure(precision(blocks))} R ${figure(recall(blocks))}`,
      `title ${titles.right}/${titles.of}`,
      `date ${dates.right}/${dates.of}`,
      `outlet ${outlets.right}/${outlets.of}`,
      `debris ${debris}`,
      entry.cautious ? "cautious" : "",
    ].join("  ");
  });
  const totals = result.totals;
  return [
    ...rows,
    "",
    `total (${result.cases.length} texts): joins P ${figure(totals.joinPrecision)} R ${figure(totals.joinRecall)}  blocks P ${figure(totals.blockPrecision)} R ${figure(totals.blockRecall)}`,
    `titles ${totals.titles}  dates ${totals.dates}  outlets ${totals.outlets}  debris characters published ${totals.debris}  over-long lines asked ${totals.overlongAsked}`,
    `cautious drafts ${totals.cautious}  drafts that fail to ingest ${totals.failedIngests}`,
    `targets: joins P ≥ ${TARGETS.joinPrecision}, R ≥ ${TARGETS.joinRecall}; no draft fails to ingest`,
  ].join("\n");
}

export function meetsTargets(result: BenchResult): boolean {
  return (
    result.totals.joinPrecision >= TARGETS.joinPrecision &&
    result.totals.joinRecall >= TARGETS.joinRecall &&
    result.totals.failedIngests <= TARGETS.failedIngests
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const result = await benchDrafting(root);
  console.log(report(result));
  if (!meetsTargets(result)) process.exitCode = 1;
}
