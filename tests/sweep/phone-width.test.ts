import { describe, expect, inject, it } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import { searchStateSelector } from "../../src/lib/search/dom.ts";
import { AXE_RULES_ON, builtPages, onePagePerTemplate, RESULT_PAGES } from "../helpers/axe.ts";
import { phoneMisfits } from "../helpers/phone-fit.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";

const siteDir = inject("siteDir");
const site = useSiteInBrowser(siteDir);
const pages = builtPages(siteDir);

describe("every page on a phone", () => {
  it.for([320, 375])(
    "no page is wider than a %i px screen, and chart labels stay at least 12 px",
    { timeout: 300_000 },
    async (width) => {
      expect(pages.length).toBeGreaterThan(0);
      expect(await phoneMisfits(site.browser, site.server.url, pages, width)).toEqual({ wide: [], smallLabels: [] });
    },
  );

  // The sweep's axe runs at 1280 px; here its target-size rule on a phone, where targets are smallest.
  it("gives one page of each template targets of at least 24 × 24 px on a phone (axe target-size)", async () => {
    // Axe is injected by the test, which the page's policy would refuse; the policy has its own test.
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 }, bypassCSP: true });
    const page = await context.newPage();
    const violations: string[] = [];
    for (const path of [...onePagePerTemplate(pages), ...RESULT_PAGES]) {
      await page.goto(`${site.server.url}${path}`);
      if (path.includes("?q=")) await page.waitForSelector(searchStateSelector("done"));
      const result = await new AxeBuilder({ page })
        .withRules(Object.keys(AXE_RULES_ON))
        .options({ resultTypes: ["violations"] })
        .analyze();
      for (const violation of result.violations)
        violations.push(`${path}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(" ")}`);
    }
    expect(violations).toEqual([]);
    await context.close();
  }, 300_000);
});
