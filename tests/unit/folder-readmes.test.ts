import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/root.ts";

/**
 * Every module has one line in the README of its folder: a newcomer finds
 * each file named, in backticks, with what it does. A folder's modules are
 * its `.ts` files (not those of its subfolders, which have their own entry);
 * each is listed under the README heading that starts with `heading`.
 */
const folders: readonly { folder: string; readme: string; heading: string }[] = [
  { folder: "src/lib", readme: "src/lib/README.md", heading: "Modules" },
  { folder: "src/lib/search", readme: "src/lib/README.md", heading: "`search/`" },
  { folder: "scripts/lib", readme: "scripts/lib/README.md", heading: "Modules" },
  { folder: "scripts/lib/curated", readme: "scripts/lib/README.md", heading: "`curated/`" },
  { folder: "tests/unit", readme: "tests/README.md", heading: "`unit/`" },
  { folder: "tests/ingest", readme: "tests/README.md", heading: "`ingest/`" },
  { folder: "tests/site", readme: "tests/README.md", heading: "`site/`" },
  { folder: "tests/browser", readme: "tests/README.md", heading: "`browser/`" },
  { folder: "tests/sweep", readme: "tests/README.md", heading: "`sweep/`" },
  { folder: "tests/helpers", readme: "tests/README.md", heading: "`helpers/`" },
];

/** The root README stays readable in ten minutes. */
const ROOT_README_MAX_LINES = 250;

/** The `.ts` files directly in a folder of the project, by name, sorted. */
function modulesIn(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The part of a Markdown text under the first heading whose text starts with
 * `heading`, up to the next heading of the same or a higher level; undefined
 * when there is no such heading.
 */
function section(markdown: string, heading: string): string | undefined {
  const lines = markdown.split("\n");
  const headingOf = (line: string) => /^(#+)\s+(.*)$/.exec(line);
  const start = lines.findIndex((line) => headingOf(line)?.[2]?.startsWith(heading));
  if (start < 0) return undefined;
  const level = headingOf(lines[start] ?? "")?.[1]?.length ?? 0;
  const after = lines.slice(start + 1);
  const end = after.findIndex((line) => {
    const found = headingOf(line);
    return found !== null && (found[1]?.length ?? 0) <= level;
  });
  return (end < 0 ? after : after.slice(0, end)).join("\n");
}

describe("folder READMEs", () => {
  it.each(folders)("list every module of $folder in $readme", ({ folder, readme, heading }) => {
    const listed = section(readFileSync(join(projectRoot, readme), "utf8"), heading);
    expect(listed, `${readme} has no heading starting with ${heading} for the modules of ${folder}/`).toBeDefined();
    const missing = modulesIn(folder).filter((name) => !listed?.includes(`\`${name}\``));
    expect(
      missing.map(
        (name) =>
          `${folder}/${name} is not in ${readme}: add a line "\`${name}\`: what it does" under the heading ${heading}`,
      ),
    ).toEqual([]);
  });

  it("find modules to check in every folder", () => {
    for (const { folder } of folders) expect(modulesIn(folder).length, folder).toBeGreaterThan(0);
  });

  it(`keep the root README under ${ROOT_README_MAX_LINES} lines`, () => {
    const text = readFileSync(join(projectRoot, "README.md"), "utf8");
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    expect(lines, "README.md is for a ten-minute read: move detail to docs/ or a folder's README").toBeLessThan(
      ROOT_README_MAX_LINES,
    );
  });
});
