import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";

const siteDir = inject("siteDir");
const site = useSiteInBrowser(siteDir);

/** Every page of the sitemap, as a path, plus the search page with results. */
function sitemapPaths(): string[] {
  const xml = readFileSync(join(siteDir, "sitemap-0.xml"), "utf8");
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? "").pathname.slice(1));
  return [...paths, "search/?q=网信", "en/search/?q=网络强国"];
}

const searchDone = (page: Page) => page.waitForSelector('[data-search-state="done"]');

/** WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

describe("accessibility", () => {
  it.each(["light", "dark"] as const)(
    "axe finds no violation on any page of the sitemap, %s mode",
    async (colorScheme) => {
      // Axe is injected by the test, which the page's policy would refuse; the policy has its own test below.
      const context = await site.browser.newContext({ colorScheme, bypassCSP: true });
      const paths = sitemapPaths();
      expect(paths.length).toBeGreaterThan(150);
      const violations: string[] = [];
      const workers = 3;
      await Promise.all(
        Array.from({ length: workers }, async (_, worker) => {
          const page = await context.newPage();
          for (const path of paths.filter((_, index) => index % workers === worker)) {
            await page.goto(`${site.server.url}${path}`);
            if (path.includes("?q=")) await searchDone(page);
            const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
            for (const violation of results.violations)
              violations.push(
                `${path}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(" ")}`,
              );
          }
        }),
      );
      await context.close();
      expect(violations).toEqual([]);
    },
    600_000,
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
        const box = path.startsWith("search/") ? "#search-input" : "#site-search";
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
