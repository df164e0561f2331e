/**
 * The drafting benchmark: `npm run bench:drafting`. Each case of
 * tests/fixtures/drafting/ (a text and the draft an editor would accept) is
 * added with `add-source` to a throwaway copy of the project's input and
 * ingested; the draft is scored against the expected one. A case with a
 * `source.json` is a real capture (added with the address and day it was
 * taken), held out when that file says so (its expected draft written before
 * the drafter was run on it); one without is a constructed text. Prints, per
 * case and in total for each set, join and block-boundary precision and recall, titles, dates
 * and outlets right, debris characters published, over-long lines asked
 * about, drafts made cautiously and drafts that fail to ingest. Exit code 1
 * when a set's total misses its target (TARGETS). Names given after `--`
 * limit the run to the texts whose folder names begin with them.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { addSource } from "./add-source.ts";
import { ingestOutputs } from "./ingest.ts";
import {
  precision,
  recall,
  scoreDraft,
  totalsOf,
  type DraftedDocument,
  type ExpectedDraft,
  type Ratio,
  type ScoredText,
  type SetTotals,
} from "./lib/drafting-score.ts";
import { projectPaths } from "./lib/write-outputs.ts";

export const FIXTURES_DIR = "tests/fixtures/drafting";

/** What the issue asks of the drafter on this set and on texts it has never seen. */
export const TARGETS = { joinPrecision: 0.95, joinRecall: 0.9, failedIngests: 0 } as const;

/** Where a real capture came from: `source.json` beside its text. */
export interface CaptureSource {
  url: string;
  /** The stored corpus the capture was read from (the search tool's `pages`). */
  corpus: string;
  /** The day it was retrieved, YYYY-MM-DD. */
  retrieved: string;
  /** Its expected draft was written before the drafter was run on it: a text the drafter was not built on. */
  heldOut?: boolean | undefined;
  note: string;
}

/** Real captures the drafter was improved on, real captures held out from that, and constructed texts. */
export type SetKind = "tuned" | "held-out" | "constructed";

export interface CaseResult extends ScoredText {
  name: string;
  kind: SetKind;
}

export interface BenchResult {
  cases: CaseResult[];
  /** Totals of each set, of all real captures, and of every text. */
  totals: Record<SetKind | "real" | "all", SetTotals>;
}

/** `prefixes`: only the texts whose folder name begins with one of them (`real-h3-`); every text when empty. */
export async function benchDrafting(root: string, prefixes: readonly string[] = []): Promise<BenchResult> {
  const names = readdirSync(join(root, FIXTURES_DIR), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => prefixes.length === 0 || prefixes.some((prefix) => name.startsWith(prefix)))
    .sort();
  const cases: CaseResult[] = [];
  for (const name of names) cases.push(await benchCase(root, name));
  const of = (...kinds: SetKind[]) => totalsOf(cases.filter((entry) => kinds.includes(entry.kind)));
  return {
    cases,
    totals: {
      tuned: of("tuned"),
      "held-out": of("held-out"),
      real: of("tuned", "held-out"),
      constructed: of("constructed"),
      all: totalsOf(cases),
    },
  };
}

/** A capture's provenance, or undefined for a constructed text. */
export function captureSource(folder: string): CaptureSource | undefined {
  const path = join(folder, "source.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as CaptureSource) : undefined;
}

async function benchCase(root: string, name: string): Promise<CaseResult> {
  // 1. a throwaway copy of the project's input
  const copy = mkdtempSync(join(tmpdir(), "bench-drafting-"));
  const folder = join(root, FIXTURES_DIR, name);
  const source = captureSource(folder);
  const kind: SetKind = !source ? "constructed" : source.heldOut ? "held-out" : "tuned";
  try {
    for (const path of projectPaths()) cpSync(join(root, path), join(copy, path), { recursive: true });
    const expected = JSON.parse(readFileSync(join(folder, "expected.json"), "utf8")) as ExpectedDraft;

    // 2. add the text as a new editor would, with where it came from
    let added;
    try {
      added = await addSource(copy, join(folder, "source.txt"), {
        name,
        slug: name,
        url: source?.url ?? `https://example.invalid/${name}`,
        retrieved: source?.retrieved ?? "2026-01-01",
      });
    } catch (error) {
      return { name, kind, failed: error instanceof Error ? error.message : String(error), cautious: false };
    }

    // 3. ingest, and score what the edition would publish
    const { corpus } = ingestOutputs(copy);
    const drafted: DraftedDocument[] = corpus.documents
      .filter((document) => document.source.file === added.file)
      .sort((a, b) => a.position - b.position)
      .map((document) => ({
        title: document.title.text,
        date: document.date?.value,
        dateStated: document.date ? document.date.basis === undefined : undefined,
        outlet: document.outlet?.value,
        blocks: document.blocks.map((block) => ({ text: block.text, joins: block.joins })),
        questions: (document.questions ?? []).map((question) => ({ text: question.text, fix: question.fix })),
      }));
    const cautious = added.toCheck.some((line) => line.includes("the bolder draft did not ingest"));
    return { name, kind, score: scoreDraft(expected, drafted), cautious };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

const figure = (value: number) => value.toFixed(2);
const ratio = (value: Ratio) => `${value.right}/${value.of}`;

function row(entry: CaseResult): string {
  if (!entry.score) return `${entry.name.padEnd(30)} FAILED TO INGEST: ${entry.failed ?? ""}`;
  const { joins, blocks, titles, dates, outlets, debris } = entry.score;
  return [
    entry.name.padEnd(30),
    `joins P ${figure(precision(joins))} R ${figure(recall(joins))}`,
    `blocks P ${figure(precision(blocks))} R ${figure(recall(blocks))}`,
    `title ${ratio(titles)}`,
    `date ${ratio(dates)}`,
    `outlet ${ratio(outlets)}`,
    `debris ${debris}`,
    entry.cautious ? "cautious" : "",
  ].join("  ");
}

function summary(label: string, totals: SetTotals): string[] {
  if (totals.texts === 0) return [`${label}: no texts`];
  const joins = totals.joins.truePositive + totals.joins.falseNegative;
  return [
    `${label} (${totals.texts} texts, ${joins} joins expected): joins P ${figure(precision(totals.joins))} R ${figure(recall(totals.joins))}  blocks P ${figure(precision(totals.blocks))} R ${figure(recall(totals.blocks))}`,
    `  titles ${ratio(totals.titles)}  dates ${ratio(totals.dates)}  outlets ${ratio(totals.outlets)}  debris characters published ${totals.debris}  over-long lines asked ${ratio(totals.overlongAsked)}`,
    `  cautious drafts ${totals.cautious}  drafts that fail to ingest ${totals.failed}`,
  ];
}

function report(result: BenchResult): string {
  const set = (kind: SetKind, heading: string) => {
    const rows = result.cases.filter((entry) => entry.kind === kind).map(row);
    return rows.length === 0 ? [] : [heading, ...rows, ""];
  };
  return [
    ...set("tuned", "Real captures the drafter was improved on (source.json: where and when each was taken)"),
    ...set("held-out", "Real captures held out: expected drafts written before the drafter was run on them"),
    ...set("constructed", "Constructed texts (the drafter was built on these)"),
    ...summary("real, improved on", result.totals.tuned),
    ...summary("real, held out", result.totals["held-out"]),
    ...summary("real, all", result.totals.real),
    ...summary("constructed", result.totals.constructed),
    ...summary("all", result.totals.all),
    `targets, for each set: joins P ≥ ${TARGETS.joinPrecision}, R ≥ ${TARGETS.joinRecall}; no draft fails to ingest`,
  ].join("\n");
}

/** Whether a set's totals meet the targets. */
export function meetsTargets(totals: SetTotals): boolean {
  return (
    precision(totals.joins) >= TARGETS.joinPrecision &&
    recall(totals.joins) >= TARGETS.joinRecall &&
    totals.failed <= TARGETS.failedIngests
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  // npm run bench:drafting -- real-h3- real-h4-: only those texts, their totals as for the whole set
  const result = await benchDrafting(root, process.argv.slice(2));
  console.log(report(result));
  if (!meetsTargets(result.totals.real) || !meetsTargets(result.totals.constructed)) process.exitCode = 1;
}
