import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../scripts/build.ts";
import { copyOfProject, edit, snapshotDir } from "../helpers/project.ts";

/**
 * In a file of its own: scripts/build.ts loads Astro, and once Astro is
 * loaded the ingest runs about 2.5 times slower in the same process (the
 * shared-passage search most of all), so a test that imports it would slow
 * every ingest after it in its file.
 */
describe("a failed build", () => {
  it("stops at the ingest and leaves the previous dist/ intact", async () => {
    const root = copyOfProject();
    const dist = join(root, "dist");
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), "previous build");
    edit(root, "content/sources/000_4e4dd60d782a0e7d.txt", (text) => text.slice(1));
    await expect(buildSite(root, dist)).rejects.toThrow(/no longer matches its manifest/);
    expect(snapshotDir(dist)).toEqual({ "index.html": "previous build" });
  });

  it("first removes the folders a stopped build left beside dist/, and keeps those of a running process", async () => {
    const root = copyOfProject();
    const dist = join(root, "dist");
    mkdirSync(dist);
    writeFileSync(join(dist, "index.html"), "previous build");
    // a build stopped by SIGTERM or SIGKILL: its process has ended, its folders remain
    const ended = spawnSync(process.execPath, ["-e", ""]).pid;
    // pid 1 always runs: its folders are another build's, in progress
    for (const pid of [ended, 1]) {
      mkdirSync(join(root, `dist.staging-${pid}`, "speeches"), { recursive: true });
      mkdirSync(join(root, `dist.previous-${pid}`));
    }
    edit(root, "content/sources/000_4e4dd60d782a0e7d.txt", (text) => text.slice(1));
    await expect(buildSite(root, dist)).rejects.toThrow(/no longer matches its manifest/);
    expect(readdirSync(root).filter((name) => name.startsWith("dist"))).toEqual(
      ["dist", "dist.previous-1", "dist.staging-1"].sort(),
    );
    expect(snapshotDir(dist)).toEqual({ "index.html": "previous build" });
  });
});
