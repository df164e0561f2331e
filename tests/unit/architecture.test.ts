import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/root.ts";

/** Every TypeScript module below `dir` (relative to the project), recursively. */
function modules(dir: string): string[] {
  return (readdirSync(join(projectRoot, dir), { recursive: true }) as string[])
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(dir, file));
}

/** The project modules a module imports (types included), as paths relative to the project. */
function importsOf(module: string): string[] {
  const text = readFileSync(join(projectRoot, module), "utf8");
  return [...text.matchAll(/^(?:import|export)[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gms)].map((match) =>
    relative(projectRoot, resolve(dirname(join(projectRoot, module)), match[1] ?? "")),
  );
}

/** The circles of an import graph: each as the modules in it, from where it was found back to it. */
function circlesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      found.push(path.slice(path.indexOf(file)));
      return;
    }
    state.set(file, "open");
    for (const target of graph.get(file) ?? []) visit(target, [...path, target]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file, [file]);
  return found;
}

/** The import circles among `files`. */
const circles = (files: readonly string[]) =>
  circlesIn(new Map(files.map((file) => [file, importsOf(file).filter((target) => files.includes(target))])));

describe("the shape of the code", () => {
  it("has no import circle among the search modules", () => {
    const search = modules("src/lib/search");
    expect(search.length).toBeGreaterThan(5);
    expect(circles(search)).toEqual([]);
  });

  it("finds a circle when there is one (the check itself)", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(circlesIn(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
    expect(circlesIn(new Map([["a.ts", ["b.ts"]]]))).toEqual([]);
  });

  it("builds nothing from the browser's search modules: the build shares only the index layout and text rules", () => {
    const browserOnly = [
      "src/lib/search/engine.ts",
      "src/lib/search/index-matches.ts",
      "src/lib/search/documents.ts",
      "src/lib/search/session.ts",
    ];
    const offending = modules("scripts")
      .filter((file) => !file.startsWith("scripts/support/") && !/^scripts\/bench-/.test(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => browserOnly.includes(target) || target.startsWith("src/scripts/"))
          .map((target) => `${file} imports ${target}`),
      );
    expect(offending).toEqual([]);
  });

  it("declares the passage types, review statuses and date precisions once, in src/schemas/passage.ts", () => {
    const lists = [
      /"title",\s*"heading",\s*"paragraph",\s*"item"/,
      /"title"\s*\|\s*"heading"\s*\|\s*"paragraph"\s*\|\s*"item"/,
      /"draft",\s*"proofread",\s*"verified"/,
      /"draft"\s*\|\s*"proofread"/,
      /"year",\s*"month",\s*"day",\s*"after"/,
      /"year"\s*\|\s*"month"\s*\|\s*"day"\s*\|\s*"after"/,
    ];
    const declaring = [...modules("src"), ...modules("scripts")].filter((file) => {
      const text = readFileSync(join(projectRoot, file), "utf8");
      return lists.some((list) => list.test(text));
    });
    expect(declaring).toEqual(["src/schemas/passage.ts"]);
  });
});
