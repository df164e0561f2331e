import { readdirSync } from "node:fs";
import { describe, inject, it } from "vitest";
import { builtPages, COLOUR_SCHEMES, RESULT_PAGES, useAxe } from "../helpers/axe.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";

const siteDir = inject("siteDir");
const site = useSiteInBrowser(siteDir);
const axe = useAxe(site);

/** Every page the build wrote but the 404 page, and the result pages. */
const pages = [...builtPages(siteDir), ...RESULT_PAGES];

// One test per page and scheme, so that a failure names its page and one page can be rerun:
// npm run test:sweep -- -t "axe: about/ \(dark\)"
describe.concurrent("accessibility of every page", () => {
  it("covers every built page but the 404 page, and the result pages", ({ expect }) => {
    const built = (readdirSync(siteDir, { recursive: true }) as string[]).filter(
      (file) => file.endsWith(".html") && file !== "404.html",
    );
    expect(pages.length).toBe(built.length + RESULT_PAGES.length);
  });

  it.for(COLOUR_SCHEMES.flatMap((scheme) => pages.map((path) => [path, scheme] as const)))(
    "axe: %s (%s) has no violation",
    async ([path, scheme], { expect }) => {
      expect(await axe.violations(path, scheme)).toEqual([]);
    },
  );
});
