import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../scripts/build.ts";
import { launchChromium } from "../../scripts/support/chromium.ts";
import { serveStatic, type StaticServer } from "../../scripts/support/static-server.ts";
import { searchStateSelector } from "../../src/lib/search/dom.ts";
import { projectRoot } from "../helpers/root.ts";

/**
 * The optional offline cache: a build with SERVICE_WORKER=on, served under a
 * sub-path, visited once online with one search, then read and searched with
 * the network gone.
 */
const scratch = mkdtempSync(join(tmpdir(), "corpus-offline-"));
const dist = join(scratch, "dist");
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { SERVICE_WORKER: "on", SITE_BASE: "/", SITE_URL: "" });
  try {
    await buildSite(projectRoot, dist);
  } finally {
    process.env = saved;
  }
  server = await serveStatic(dist, "/offline/");
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
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
