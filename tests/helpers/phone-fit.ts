import type { Browser } from "playwright-core";

/** The smallest text a chart may draw, in CSS pixels as laid out. */
export const MIN_CHART_TEXT = 12;

/** What a page does not fit at a width: pages wider than the screen, and charts whose labels are smaller than MIN_CHART_TEXT. */
export interface PhoneMisfits {
  wide: string[];
  smallLabels: string[];
}

/**
 * Loads each path of the site at `siteUrl` in a screen `width` CSS pixels
 * wide and lists the pages wider than it (`scrollWidth`) and those whose
 * chart labels (SVG text as scaled, HTML bar labels) fall below
 * MIN_CHART_TEXT.
 */
export async function phoneMisfits(
  browser: Browser,
  siteUrl: string,
  paths: readonly string[],
  width: number,
): Promise<PhoneMisfits> {
  const context = await browser.newContext({ viewport: { width, height: 700 } });
  const page = await context.newPage();
  const misfits: PhoneMisfits = { wide: [], smallLabels: [] };
  for (const path of paths) {
    await page.goto(`${siteUrl}${path}`);
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
    if (measured.scrollWidth > width) misfits.wide.push(`${path} (${measured.scrollWidth} px)`);
    if (measured.smallest < MIN_CHART_TEXT) misfits.smallLabels.push(`${path} (${measured.smallest.toFixed(1)} px)`);
  }
  await context.close();
  return misfits;
}
