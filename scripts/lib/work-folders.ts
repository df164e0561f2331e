import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * The folders a step writes beside its target before swapping them in
 * (`dist.staging-<pid>`, `dist.previous-<pid>`, `speeches.next-<pid>-<time>`),
 * named by the process that writes them. A process that is stopped (SIGTERM,
 * SIGKILL, a power cut) leaves its folders behind; the next run removes
 * those of every process that no longer runs, and leaves a running one's.
 */

/** This process's work folder of `kind` beside `target`: `<target>.<kind>-<pid>`, then `-<unique>` if given. */
export function workFolder(target: string, kind: string, unique?: string | number): string {
  return `${target}.${kind}-${process.pid}${unique === undefined ? "" : `-${unique}`}`;
}

/** The pid of a work folder named `<target>.<kind>-<pid>` or `<target>.<kind>-<pid>-<more>`, or undefined. */
export function workFolderOwner(name: string, target: string, kinds: readonly string[]): number | undefined {
  for (const kind of kinds) {
    const match = new RegExp(`^${escapeRegExp(target)}\\.${escapeRegExp(kind)}-(\\d+)(-.*)?$`).exec(name);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** Whether a process with this pid runs (one of another user counts as running). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the work folders of `kinds` beside `target` whose process no longer
 * runs; returns their paths. This process's own folders are left alone.
 */
export function removeStaleWorkFolders(
  target: string,
  kinds: readonly string[],
  isRunning: (pid: number) => boolean = processIsRunning,
): string[] {
  const parent = dirname(target);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const stale = names.filter((name) => {
    const owner = workFolderOwner(name, basename(target), kinds);
    return owner !== undefined && owner !== process.pid && !isRunning(owner);
  });
  for (const name of stale) rmSync(join(parent, name), { recursive: true, force: true });
  return stale.map((name) => join(parent, name));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
