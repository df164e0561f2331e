import { describe, expect, inject, it } from "vitest";
import { builtPages } from "../helpers/axe.ts";
import { SUB_PATH } from "../helpers/root.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";

const siteDir = inject("subPathSiteDir");
const site = useSiteInBrowser(siteDir, SUB_PATH);
const pages = builtPages(siteDir);

/** The smallest text a chart may draw, in CSS pixels as laid out. */
const MIN_CHART_TEXT = 12;

describe("pages that fit a phone", () => {
  it.for([320, 375])(
    "no page is wider than a %i px screen, and chart labels stay at least 12 px",
    async (width) => {
      const context = await site.browser.newContext({ viewport: { width, height: 700 } });
      const page = await context.newPage();
      const wide: string[] = [];
      const smallLabels: string[] = [];
      for (const path of pages) {
        await page.goto(`${site.server.url}${path}`);
        const measured = await page.evaluate(() => {
          const root = document.documentElement;
          // An SVG's text is scaled by the ratio of its laid-out width to its viewBox's.
          const svgText = [...document.querySelectorAll("svg")].flatMap((svg) => {
            const box = svg.viewBox.baseVal;
            const scale = box.width > 0 ? svg.getBoundingClientRect().width / box.width : 1;
            return [...svg.querySelectorAll("text")].map(
              (text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale,
            );
          });
          const htmlLabels = [...document.querySelectorAll(".bar-chart li")].map((row) =>
            Number.parseFloat(getComputedStyle(row).fontSize),
          );
          return { scrollWidth: root.scrollWidth, smallest: Math.min(...svgText, ...htmlLabels) };
        });
        if (measured.scrollWidth > width) wide.push(`${path} (${measured.scrollWidth} px)`);
        if (measured.smallest < MIN_CHART_TEXT) smallLabels.push(`${path} (${measured.smallest.toFixed(1)} px)`);
      }
      expect(pages.length).toBeGreaterThan(0);
      expect(wide).toEqual([]);
      expect(smallLabels).toEqual([]);
      await context.close();
    },
    300_000,
  );

  it("keeps the shared-text table's titles readable on a phone, the wide table scrolling inside the page", async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}shared/`);
    const titles = await page.evaluate(() =>
      [...document.querySelectorAll(".matrix-table tbody td:first-of-type a")].map((link) => {
        const fontSize = Number.parseFloat(getComputedStyle(link).fontSize);
        const lines = new Set([...link.getClientRects()].map((rect) => Math.round(rect.top))).size;
        return { text: link.textContent ?? "", lines, fontSize, width: link.getBoundingClientRect().width };
      }),
    );
    expect(titles.length).toBeGreaterThan(1);
    for (const title of titles) {
      // A title on at most two lines, each several characters wide: not one character per line.
      expect(title.lines, title.text).toBeLessThanOrEqual(2);
      expect(title.width, title.text).toBeGreaterThanOrEqual(4 * title.fontSize);
    }
    // The table's region scrolls by keyboard: it can take focus.
    const region = page.locator(".scroll-region", { has: page.locator(".matrix-table") });
    await region.focus();
    expect(await region.evaluate((element) => element === document.activeElement)).toBe(true);
    await context.close();
  });
});
