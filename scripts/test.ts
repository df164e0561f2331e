/**
 * `npm test`: the checks, then the test tiers fastest first, each as
 * `npm run <step>` with its output as it comes. Stops at the first step that
 * fails, with that step's exit code, and ends with one line per step and its
 * wall time, and the total.
 *
 * Every step gets the same TEST_RUN, which tests/global-setup.ts reads: the
 * tiers that test a built site share one build per configuration in a run,
 * even with TEST_REBUILD=1.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";

const STEPS = ["lint", "format:check", "typecheck", "test:unit", "test:ingest", "test:site", "test:browser"] as const;

/** Runs `npm run <step>`; resolves to its exit code (1 when a signal ended it). */
function runStep(step: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", step], { stdio: "inherit", env });
    child.on("error", (error) => {
      console.error(`npm test: cannot start npm run ${step}: ${error.message}`);
      resolve(1);
    });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

const env = { ...process.env, TEST_RUN: process.env["TEST_RUN"] ?? randomUUID() };
const started = performance.now();
const lines: string[] = [];
let exitCode = 0;
for (const step of STEPS) {
  if (exitCode !== 0) {
    lines.push(`${step.padEnd(14)} ${"".padStart(8)}  not run`);
    continue;
  }
  const stepStarted = performance.now();
  exitCode = await runStep(step, env);
  const outcome = exitCode === 0 ? "passed" : `failed (exit code ${exitCode})`;
  lines.push(`${step.padEnd(14)} ${seconds(performance.now() - stepStarted).padStart(8)}  ${outcome}`);
}
lines.push(`${"total".padEnd(14)} ${seconds(performance.now() - started).padStart(8)}`);
console.log(`\nnpm test, wall time per step:\n${lines.map((line) => `  ${line}`).join("\n")}`);
process.exitCode = exitCode;
