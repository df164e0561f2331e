import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../scripts/support/chromium.ts";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";
import { searchStateSelector } from "../../src/lib/search/dom.ts";
import { uiFor } from "../../src/i18n/ui.ts";

/** The build without SITE_BASE, moved: served under a path it was not built for, and opened as files. */
const siteDir = inject("siteDir");
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe("one build, moved", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(siteDir, "/a/b/");
  });
  afterAll(() => server.close());

  it("searches under a sub-path it was not built for, its results linking under that path", async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent("网络强国")}`);
    await page.waitForSelector(searchStateSelector("done"));
    const links = await page
      .locator("[data-result-doc] h2 a")
      .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^\/a\/b\/speeches\/[^/]+\/$/);
    expect(failed).toEqual([]);
    await page.close();
  });
});

describe("opened from the file system", () => {
  it("reads with styles applied and links that open files, and says search needs a server", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(siteDir, "speeches", "cac-stride-toward-cyber-power-2024", "index.html")).href);
    // the stylesheet applies: the body has the site's background, not the browser's white default
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector(".site-header") as Element).display),
    ).not.toBe("block");
    const hrefs = await page
      .locator("a[href]")
      .evaluateAll((anchors) =>
        anchors.map((anchor) => (anchor as HTMLAnchorElement).href).filter((href) => href.startsWith("file:")),
      );
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(new URL(href).pathname).toMatch(/\.(html|txt|json|bib|ris|csv|md|xml)$/);
    // following a link opens the page, styled
    await page.locator(".site-header nav a").first().click();
    expect(page.url()).toMatch(/speeches\/index\.html$/);
    expect(await page.locator("h1").textContent()).toBe(uiFor("zh-CN").documents);
    // the header's search, and the search page, say what to do
    expect(await page.locator(".site-search .needs-server").isVisible()).toBe(true);
    expect(await page.locator(".site-search .needs-server").textContent()).toContain("python3 -m http.server");
    await page.goto(pathToFileURL(join(siteDir, "search", "index.html")).href);
    expect(await page.locator("[data-needs-server]").textContent()).toContain("python3 -m http.server");
    expect(await page.locator("[data-needs-server]").isVisible()).toBe(true);
    await page.close();
  });
});
