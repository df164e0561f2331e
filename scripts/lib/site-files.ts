import { existsSync, readdirSync, type Dirent } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file below `dir`, as forward-slash paths relative to it (`speeches/x/index.html`), sorted. */
export function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** Stops a command that needs a built site when `dist` holds none, saying how to make one. */
export function requireBuiltSite(dist: string, command: string): void {
  if (existsSync(join(dist, "index.html"))) return;
  console.error(`${command}: no built site in dist/; run npm run build first`);
  process.exit(1);
}
