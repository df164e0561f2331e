/**
 * Package: the built site as one reproducible archive for people who host it
 * offline (a school intranet, a shared drive).
 *
 *   npm run build && npm run package      → release/<name>-<version>.zip
 *
 * The archive holds one folder, `<name>-<version>/`, with the site, a
 * `SHA256SUMS` of every file of the site and a `README.txt` saying how to
 * serve and verify it. The same dist/ gives the same archive byte for byte:
 * entries sorted, every time stamp the edition's release date, fixed modes,
 * one compression level.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync, type Zippable } from "fflate";
import { latestRelease } from "../src/lib/edition.ts";
import { filesBelow, requireBuiltSite } from "./lib/site-files.ts";

export interface PackageInput {
  /** The built site. */
  dist: string;
  /** The archive's folder name, such as wangluo-qiangguo-corpus-0.2.0. */
  folder: string;
  /** The edition's release date (YYYY-MM-DD): every entry's time stamp. */
  date: string;
  /** The base path the site was built for (SITE_BASE, see builtBase), which README.txt tells the reader. */
  base: string;
}

/** `sha256sum` output for the files: one `<hex>  <path>` line each, in path order. */
export function sha256Sums(files: readonly { path: string; bytes: Uint8Array }[]): string {
  return files.map(({ path, bytes }) => `${createHash("sha256").update(bytes).digest("hex")}  ${path}\n`).join("");
}

/** What README.txt says: what the folder is, how to serve it, how to check it. */
export function readmeText(folder: string, base: string): string {
  const where =
    base === "/"
      ? "at any path of a web address (the links are relative to each page)"
      : `under the path ${base} of a web address (http://host${base}), the path it was built for`;
  return [
    `${folder}`,
    "",
    "A static build of the digital edition: HTML, CSS, JavaScript, the search index and open data.",
    "No server program is needed and no request goes to any other site.",
    "",
    `Serve this folder ${where}, with any static web server, for example:`,
    "",
    "    cd " + folder,
    "    python3 -m http.server 8000",
    "",
    "then open http://localhost:8000/ in a browser.",
    ...(base === "/"
      ? [
          "Opened as files (any index.html), the pages can be read, but search cannot run:",
          "browsers load no module script from the file system.",
        ]
      : [`Open the pages through a web server: they are addressed from ${base}.`]),
    "",
    "To check that every file is as released:",
    "",
    "    cd " + folder,
    "    sha256sum -c SHA256SUMS",
    "",
  ].join("\n");
}

/** The base path a built site was built for, read from its home page's stylesheet link (`/corpus/_astro/…`). */
export function builtBase(dist: string): string {
  const home = readFileSync(join(dist, "index.html"), "utf8");
  return /(?:href|src)="(\/[^"]*?)_astro\//.exec(home)?.[1] ?? "/";
}

/** The archive's bytes. */
export function packageSite(input: PackageInput): Uint8Array {
  const files = filesBelow(input.dist).map((path) => ({
    path,
    bytes: new Uint8Array(readFileSync(join(input.dist, path))),
  }));
  // Zip stores local date and time fields: local midnight of the release date reads the same in every time zone.
  const [year = 1980, month = 1, day = 1] = input.date.split("-").map(Number);
  const mtime = new Date(year, month - 1, day);
  const entry = (bytes: Uint8Array) => [bytes, { mtime, os: 3, attrs: 0o100644 << 16 }] as const;
  const encoder = new TextEncoder();
  const tree: Zippable = {};
  for (const { path, bytes } of files) tree[`${input.folder}/${path}`] = entry(bytes) as unknown as Zippable[string];
  tree[`${input.folder}/SHA256SUMS`] = entry(encoder.encode(sha256Sums(files))) as unknown as Zippable[string];
  tree[`${input.folder}/README.txt`] = entry(
    encoder.encode(readmeText(input.folder, input.base)),
  ) as unknown as Zippable[string];
  // Object keys keep insertion order; sort so that the archive's order is the paths' alone.
  const sorted: Zippable = Object.fromEntries(Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return zipSync(sorted, { level: 9 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dist = join(root, "dist");
  requireBuiltSite(dist, "package");
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };
  const { version, date } = latestRelease(readFileSync(join(root, "CHANGELOG.md"), "utf8"), manifest.version);
  const folder = `${manifest.name}-${version}`;
  const archive = packageSite({ dist, folder, date, base: builtBase(dist) });
  mkdirSync(join(root, "release"), { recursive: true });
  const target = join(root, "release", `${folder}.zip`);
  writeFileSync(target, archive);
  console.log(
    `package: ${relative(root, target)}, ${archive.length} bytes, SHA-256 ${createHash("sha256").update(archive).digest("hex")}`,
  );
}
