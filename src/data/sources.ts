import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The source texts as the project carries them (content/sources/), read at
 * build time from the project root, where the build runs. The ingest has
 * checked each against the SHA-256 of its manifest; this module checks again,
 * so that what is published under data/sources/ is the text the edition was
 * made from, byte for byte.
 */
export function sourceBytes(file: string, sha256: string): Buffer {
  const bytes = readFileSync(join("content", "sources", file));
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== sha256)
    throw new Error(
      `content/sources/${file} has SHA-256 ${actual}, not the ${sha256} of its manifest: run npm run ingest, which says what changed`,
    );
  return bytes;
}
