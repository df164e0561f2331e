import { readdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";
import { SEARCH_IDS, byId, searchStateSelector } from "../../src/lib/search/dom.ts";

const siteDir = inject("siteDir");
const site = useSiteInBrowser(siteDir);

/** Every page the build wrote but the 404 page, as a path, plus the search page with results. */
function pagePaths(): string[] {
  const paths = (readdirSync(siteDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith("index.html"))
    .map((file) => file.replace(/index\.html$/, ""))
    .sort();
  return [...paths, "search/?q=网信", "en/search/?q=网络强国"];
}

const searchDone = (page: Page) => page.waitForSelector(searchStateSelector("done"));

/** WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const schemes = ["light", "dark"] as const;
/** One browser context per colour scheme, and its open tabs not in use: a tab is reused, which is cheaper than opening one per page. */
const contexts = new Map<(typeof schemes)[number], { context: BrowserContext; idle: Page[] }>();
beforeAll(async () => {
  for (const colorScheme of schemes)
    // Axe is injected by the test, which the page's policy would refuse; the policy has its own test below.
    contexts.set(colorScheme, { context: await site.browser.newContext({ colorScheme, bypassCSP: true }), idle: [] });
});
afterAll(async () => {
  for (const { context } of contexts.values()) await context.close();
});

async function withTab<T>(scheme: (typeof schemes)[number], use: (page: Page) => Promise<T>): Promise<T> {
  const tabs = contexts.get(scheme);
  if (!tabs) throw new Error(`no context for ${scheme}`);
  const page = tabs.idle.pop() ?? (await tabs.context.newPage());
  try {
    return await use(page);
  } finally {
    tabs.idle.push(page);
  }
}

// One test per page and scheme, so that a failure names its page and one page can be rerun:
// npm run test:browser -- -t "axe: about/ \(dark\)"
describe.concurrent("accessibility", () => {
  it("covers every built page but the 404 page, and two result pages", ({ expect }) => {
    const built = (readdirSync(siteDir, { recursive: true }) as string[]).filter(
      (file) => file.endsWith(".html") && file !== "404.html",
    );
    expect(pagePaths().length).toBe(built.length + 2);
  });

  it.for(schemes.flatMap((scheme) => pagePaths().map((path) => [path, scheme] as const)))(
    "axe: %s (%s) has no violation",
    async ([path, scheme], { expect }) => {
      const violations = await withTab(scheme, async (page) => {
        await page.goto(`${site.server.url}${path}`);
        if (path.includes("?q=")) await searchDone(page);
        // Only violations are reported, so axe need not gather the details of every passing check.
        return (
          await new AxeBuilder({ page })
            .withTags(AXE_TAGS)
            .options({ resultTypes: ["violations"] })
            .analyze()
        ).violations;
      });
      expect(
        violations.map(
          (violation) => `${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(" ")}`,
        ),
      ).toEqual([]);
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
