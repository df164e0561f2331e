/**
 * Screenshots of the built site for review: each page below at 1280 px and
 * 375 px wide, in the light and the dark scheme, into docs/screenshots/
 * (the first screen of each, as a reader first sees it, or the screen at a
 * share of its height, such as the middle of the longest document).
 *
 *   npm run build && npm run screenshots
 *   npm run screenshots -- documents home   # only these pages, the other files kept
 *
 * The pages are found from the built site, not named here, so that the script
 * works for any corpus: the home page, the document list, the longest
 * document (its top and its middle), the timeline, the first principle, the
 * most frequent term, the shared-text overview, the first collation and the
 * line view of the first source.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./support/chromium.ts";
import { serveStatic } from "./support/static-server.ts";
import { requireBuiltSite } from "./lib/site-files.ts";

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 812 },
] as const;
const SCHEMES = ["light", "dark"] as const;

/** The pages to photograph, by name and path, chosen from what the build wrote. */
export function pagesToPhotograph(dist: string): { name: string; path: string; at?: number }[] {
  const directories = (path: string) =>
    existsSync(join(dist, path))
      ? readdirSync(join(dist, path)).filter((entry) => statSync(join(dist, path, entry)).isDirectory())
      : [];
  const size = (path: string) => statSync(join(dist, path, "index.html")).size;
  const longest = directories("speeches")
    .filter((entry) => existsSync(join(dist, "speeches", entry, "index.html")))
    .sort((a, b) => size(`speeches/${b}`) - size(`speeches/${a}`))[0];
  const firstSet = directories("principles").sort()[0];
  const firstPrinciple = firstSet && directories(`principles/${firstSet}`).sort()[0];
  const terms = JSON.parse(readFileSync(join(dist, "data", "terms.json"), "utf8")) as {
    terms: { id: string; term: string; total: number }[];
  };
  const frequent = [...terms.terms].sort((a, b) => b.total - a.total);
  const term = frequent[0];
  // The search page: the most frequent term's results and concordance, and the three most frequent compared.
  const query = (text: string) => encodeURIComponent(text);
  const searches = term
    ? [
        { name: "search-results", path: `search/?q=${query(term.term)}` },
        { name: "search-concordance", path: `search/?q=${query(term.term)}&view=kwic` },
        {
          name: "search-compare",
          path: `search/?${frequent
            .slice(0, 3)
            .map((each) => `compare=${query(each.term)}`)
            .join("&")}`,
        },
      ]
    : [];
  const collation = directories("shared").sort()[0];
  const source = directories("sources").sort()[0];
  return [
    { name: "home", path: "" },
    { name: "documents", path: "speeches/" },
    ...(longest
      ? [
          { name: "document", path: `speeches/${longest}/` },
          { name: "document-middle", path: `speeches/${longest}/`, at: 0.5 },
        ]
      : []),
    { name: "timeline", path: "milestones/" },
    ...(firstSet && firstPrinciple ? [{ name: "principle", path: `principles/${firstSet}/${firstPrinciple}/` }] : []),
    ...(term ? [{ name: "term", path: `terms/${term.id}/` }] : []),
    { name: "shared", path: "shared/" },
    ...(collation ? [{ name: "collation", path: `shared/${collation}/` }] : []),
    ...(source ? [{ name: "source", path: `sources/${source}/` }] : []),
    ...searches,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dist = join(root, "dist");
  requireBuiltSite(dist, "screenshots");
  const out = join(root, "docs", "screenshots");
  const only = process.argv.slice(2);
  if (only.length === 0) rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const pages = pagesToPhotograph(dist).filter(({ name }) => only.length === 0 || only.includes(name));
    if (pages.length === 0) throw new Error(`screenshots: no page named ${only.join(", ")}`);
    for (const { name, path, at } of pages) {
      for (const viewport of VIEWPORTS) {
        for (const colorScheme of SCHEMES) {
          const page = await browser.newPage({ viewport, colorScheme });
          await page.goto(new URL(path, server.url).href);
          if (path.startsWith("search/")) await page.waitForSelector('[data-search-state="done"]');
          if (at !== undefined)
            await page.evaluate((share) => window.scrollTo(0, document.documentElement.scrollHeight * share), at);
          const file = `${name}-${viewport.name}-${colorScheme}.png`;
          await page.screenshot({ path: join(out, file) });
          await page.close();
          console.log(`screenshots: ${file} (/${path})`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
