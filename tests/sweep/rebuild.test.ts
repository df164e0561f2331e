import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildSite } from "../../scripts/build.ts";
import { projectRoot, WORD_FILES_FROM } from "../helpers/root.ts";

/** The site built by the global setup, and a second build of the same configuration into a fresh folder. */
const first = inject("siteDir");
const scratch = mkdtempSync(join(tmpdir(), "corpus-build-"));
const second = join(scratch, "second");

beforeAll(async () => {
  const saved = { ...process.env };
  // The configuration of the first build (tests/global-setup.ts), whatever the shell sets.
  Object.assign(process.env, {
    SITE_BASE: "/",
    SITE_URL: "",
    SERVICE_WORKER: "",
    SEARCH_WORD_FILES_FROM: String(WORD_FILES_FROM),
  });
  try {
    await buildSite(projectRoot, second);
  } finally {
    process.env = saved;
  }
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file below `dir` by path, with the SHA-256 of its bytes. */
function digests(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(dir.length + 1)] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return files;
}

describe("the built site", () => {
  it("is byte-identical when built twice", () => {
    const built = digests(first);
    expect(Object.keys(built).length).toBeGreaterThan(100);
    expect(digests(second)).toEqual(built);
  });
});
