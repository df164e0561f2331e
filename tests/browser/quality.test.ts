import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";
import { builtPages, COLOUR_SCHEMES, onePagePerTemplate, RESULT_PAGES, templateOf, useAxe } from "../helpers/axe.ts";
import { SEARCH_IDS, byId, searchStateSelector } from "../../src/lib/search/dom.ts";

const siteDir = inject("siteDir");
const site = useSiteInBrowser(siteDir);
const axe = useAxe(site);

const searchDone = (page: Page) => page.waitForSelector(searchStateSelector("done"));

/** One page of each template in each interface language, and the result pages; every page is in the sweep (tests/sweep/). */
const sample = [...onePagePerTemplate(builtPages(siteDir)), ...RESULT_PAGES];

// One test per page and scheme, so that a failure names its page and one page can be rerun:
// npm run test:browser -- -t "axe: about/ \(dark\)"
describe.concurrent("accessibility, one page of each template", () => {
  it("takes one page of every template in every interface language, and the result pages", ({ expect }) => {
    const key = (path: string) => {
      const { locale, template } = templateOf(path);
      return `${locale} ${template}`;
    };
    const pages = builtPages(siteDir);
    const templates = new Set(pages.map(key));
    const sampled = sample.filter((path) => !RESULT_PAGES.includes(path));
    expect(sampled.map(key).sort()).toEqual([...templates].sort());
    expect(sampled.every((path) => pages.includes(path))).toBe(true);
    // a page of a section and a page of one of its entries are different templates, in each language
    expect(templateOf("en/principles/ten-principles/party-leads-internet/")).toEqual({
      locale: "en",
      template: "principles/[entry]/[entry]/",
    });
    expect(templateOf("principles/")).toEqual({ locale: "zh-CN", template: "principles/" });
    expect(templateOf("")).toEqual({ locale: "zh-CN", template: "" });
  });

  it.for(COLOUR_SCHEMES.flatMap((scheme) => sample.map((path) => [path, scheme] as const)))(
    "axe: %s (%s) has no violation",
    async ([path, scheme], { expect }) => {
      expect(await axe.violations(path, scheme)).toEqual([]);
    },
  );
});

/** One page of each kind, and what to do on it. */
const pageTypes: { path: string; search?: string }[] = [
  { path: "" },
  { path: "speeches/cac-stride-toward-cyber-power-2024/", search: "网络强国" },
  { path: "principles/" },
  { path: "principles/ten-principles/" },
  { path: "principles/ten-principles/party-leads-internet/" },
  { path: "milestones/" },
  { path: "terms/wangxin/" },
  { path: "about/" },
  { path: "shared/" },
  { path: "shared/review-cyber-power-newspaper-2023--booklet-2023-material-2/" },
  { path: "en/speeches/zhao-zhiguo-new-era-cyber-power/" },
  { path: "404.html" },
  { path: "search/?q=管得住是硬道理", search: "網信" },
];

async function watch(context: BrowserContext) {
  const foreign: string[] = [];
  const origin = new URL(site.server.url).origin;
  context.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return foreign;
}

describe("policy and offline use", () => {
  it("loads each kind of page and runs a search with no policy violation and no request to another origin", async () => {
    const context = await site.browser.newContext();
    const foreign = await watch(context);
    const violations: string[] = [];
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const { path, search } of pageTypes) {
      await page.goto(`${site.server.url}${path}`);
      if (path.startsWith("search/")) await searchDone(page);
      if (search) {
        // Search from wherever the reader is: the header box on other pages, the page's own box on search.
        const box = path.startsWith("search/") ? byId(SEARCH_IDS.input) : byId(SEARCH_IDS.headerInput);
        await page.fill(box, search);
        await page.press(box, "Enter");
        await page.waitForURL(/\/search\/\?q=/);
        await searchDone(page);
        expect(Number(await page.getAttribute("[data-result-total]", "data-result-total"))).toBeGreaterThan(0);
      }
      violations.push(
        ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).map(
          (entry) => `${path}: ${entry}`,
        ),
      );
    }
    await context.close();
    expect(violations).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it("is caught when a page breaks the policy", async () => {
    const context = await site.browser.newContext();
    await watch(context);
    const page = await context.newPage();
    await page.goto(`${site.server.url}about/`);
    // An inline script, which the policy forbids on every page.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.ran = true";
      document.body.append(script);
    });
    await page.waitForFunction(() => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0);
    expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
    await context.close();
  });
});
