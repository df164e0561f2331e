import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GENERATED_DIR, OUTPUT_DIRS, writeOutputsAtomically } from "../../scripts/lib/write-outputs.ts";
import { removeStaleWorkFolders, workFolder, workFolderOwner } from "../../scripts/lib/work-folders.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "work-folders-"));
  made.push(dir);
  return dir;
}

describe("work folders of a stopped process", () => {
  it("are named by their process, and told from other names", () => {
    expect(workFolder("/x/dist", "staging")).toBe(`/x/dist.staging-${process.pid}`);
    expect(workFolder("/x/speeches", "next", 17)).toBe(`/x/speeches.next-${process.pid}-17`);
    expect(workFolderOwner("dist.staging-4242", "dist", ["staging", "previous"])).toBe(4242);
    expect(workFolderOwner("dist.previous-7", "dist", ["staging", "previous"])).toBe(7);
    expect(workFolderOwner("speeches.next-12-1733330000000", "speeches", ["next", "old"])).toBe(12);
    for (const name of [
      "dist",
      "dist.staging-",
      "dist.staging-x1",
      "distx.staging-1",
      "dist.other-1",
      "xdist.staging-1",
    ])
      expect(workFolderOwner(name, "dist", ["staging", "previous"]), name).toBeUndefined();
  });

  it("are removed when their process no longer runs; a running process's and other folders stay", () => {
    const root = scratch();
    const target = join(root, "dist");
    for (const name of ["dist", "dist.staging-100", "dist.previous-100", "dist.staging-200", "dist.keep", "other"])
      mkdirSync(join(root, name));
    writeFileSync(join(root, "dist.staging-100", "index.html"), "half a build");
    mkdirSync(join(root, `dist.staging-${process.pid}`));
    const removed = removeStaleWorkFolders(target, ["staging", "previous"], (pid) => pid === 200);
    expect(removed.sort()).toEqual([join(root, "dist.previous-100"), join(root, "dist.staging-100")]);
    expect(readdirSync(root).sort()).toEqual(
      ["dist", "dist.keep", "dist.staging-200", `dist.staging-${process.pid}`, "other"].sort(),
    );
    expect(removeStaleWorkFolders(join(root, "missing", "dist"), ["staging"])).toEqual([]);
  });

  it("left by a stopped ingest are removed by the next one's write", () => {
    const root = scratch();
    const speeches = join(root, OUTPUT_DIRS[0] ?? "");
    const stale = `${speeches}.next-999999999-1`;
    mkdirSync(join(stale, "half"), { recursive: true });
    writeOutputsAtomically(root, new Map([[`${GENERATED_DIR}/speeches/a.mdx`, "a"]]));
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(join(root, GENERATED_DIR)).sort()).toEqual(
      OUTPUT_DIRS.map((dir) => dir.slice(GENERATED_DIR.length + 1)).sort(),
    );
  });
});
