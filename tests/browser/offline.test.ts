import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../scripts/support/chromium.ts";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";
import { searchStateSelector } from "../../src/lib/search/dom.ts";

/**
 * The optional offline cache: the build with SERVICE_WORKER=on (made by
 * tests/global-setup.ts for this tier), served under a sub-path it was not
 * built for, visited once online with one search, then read and searched
 * with the network gone.
 */
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(inject("offlineSiteDir"), "/offline/");
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("offline after one visit", () => {
  it("reads pages it never opened and searches new words with the network gone", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // the first visit installs the worker, which precaches the pages and takes control
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // a search, once the worker is in control, caches the whole engine and index
    await page.goto(`${server.url}search/?q=${encodeURIComponent("网信")}`);
    await page.waitForSelector(searchStateSelector("done"));
    const searchCacheSize = () =>
      page.evaluate(async () => {
        const name = (await caches.keys()).find((key) => key.startsWith("search-"));
        return name ? (await (await caches.open(name)).keys()).length : 0;
      });
    for (let tries = 0; tries < 100 && (await searchCacheSize()) < 10; tries += 1) await page.waitForTimeout(100);
    expect(await searchCacheSize()).toBeGreaterThanOrEqual(10);
    await context.setOffline(true);
    await page.goto(`${server.url}speeches/cac-stride-toward-cyber-power-2024/`);
    expect(await page.locator("h1").textContent()).toContain("阔步迈向网络强国");
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Noto Sans CJK SC");
    await page.goto(`${server.url}search/?q=${encodeURIComponent("网络强国")}`);
    await page.waitForSelector(searchStateSelector("done"));
    expect(await page.locator("[data-result-doc]").count()).toBeGreaterThan(0);
    await context.close();
  });
});
