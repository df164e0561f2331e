import { readFileSync } from "node:fs";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { join } from "node:path";
import { passageAnchor } from "../../src/lib/passage-numbers.ts";
import { projectRoot } from "../helpers/root.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";

// The build without SITE_URL: citations must take the address the page is read at.
const site = useSiteInBrowser(inject("siteDir"));
const slug = "zhao-zhiguo-new-era-cyber-power";

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  expect((await page.goto(`${site.server.url}${path}`))?.status(), path).toBe(200);
  return page;
}

describe("citations on a document page", () => {
  it("take the address the page is read at, and today's access date", async () => {
    const context = await site.browser.newContext();
    const page = await open(context, `speeches/${slug}/`);
    const notes = page.locator('[data-notes-for="para2"]');
    await notes.locator("summary").click();
    const gbt = notes.locator("[data-citation]").first();
    const today = await page.evaluate(() => new Date().toLocaleDateString("sv"));
    const text = (await gbt.textContent()) ?? "";
    expect(text.startsWith("赵志国. ")).toBe(true);
    expect(text.endsWith(`[${today}]. ${site.server.url}speeches/${slug}/#para2.（第2段）`), text).toBe(true);
    expect(await notes.locator(".relative-note").isVisible()).toBe(false);
    await context.close();
  });

  it("give a passage's BibTeX as a download and its RIS on the clipboard, both importable", async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.url });
    const page = await open(context, `speeches/${slug}/`);
    const notes = page.locator('[data-notes-for="para2"]');
    await notes.locator("summary").click();
    const label = (await page.locator("#para2 .block-number").getAttribute("aria-label")) ?? "";
    const paragraph = /第(\d+)段/.exec(label)?.[1];
    expect(paragraph).toBeDefined();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      notes.locator('[data-cite-download="bibtex"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${slug}-para2.bib`);
    const bibtex = readFileSync((await download.path()) ?? "", "utf8");
    const [fromBibtex] = new Cite(bibtex).data;
    expect(fromBibtex?.title).toBe(await page.locator("h1").textContent());
    expect(fromBibtex?.URL).toBe(`${site.server.url}speeches/${slug}/#para2`);
    expect(fromBibtex?.note).toContain(`第${paragraph}段`);

    await notes.locator('[data-cite-copy="ris"]').click();
    await expect.poll(() => notes.locator('[data-cite-copy="ris"]').textContent()).toBe("已复制");
    const ris = await page.evaluate(() => navigator.clipboard.readText());
    const [fromRis] = new Cite(ris).data;
    expect(fromRis?.title).toBe(fromBibtex?.title);
    expect(fromRis?.URL).toBe(fromBibtex?.URL);
    await context.close();
  });

  it("without JavaScript: site paths with a note, and the document's citation files to download", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await open(context, `speeches/${slug}/`);
    const notes = page.locator('[data-notes-for="para2"]');
    await notes.locator("summary").click();
    expect(await notes.locator(".citation-url").first().textContent()).toBe(`/speeches/${slug}/#para2`);
    expect(await notes.locator(".relative-note").isVisible()).toBe(true);
    expect(await notes.locator('[data-cite-download="bibtex"]').isVisible()).toBe(false);
    const file = await page.locator('.document-citation a[data-cite-download="csl"]').getAttribute("href");
    const response = await page.request.get(new URL(file ?? "", page.url()).href);
    const [item] = JSON.parse(await response.text()) as { title: string; note: string }[];
    expect(item?.title).toBe(await page.locator("h1").textContent());
    expect(item?.note).toContain(`本版站内路径：/speeches/${slug}/`);
    await context.close();
  });
});

describe("addresses of the previous version", () => {
  // Every passage id was an anchor before passages were anchored by reader number; each must land on its passage.
  const passagesOf = (doc: string) =>
    (
      JSON.parse(readFileSync(join(projectRoot, "content", "generated", "passages", `${doc}.json`), "utf8")) as {
        passages: { id: string; type: "title" | "heading" | "paragraph" | "item"; number: number }[];
      }
    ).passages.filter((passage) => passage.type !== "title");

  it.for([slug, "cac-stride-toward-cyber-power-2024"])(
    "%s: every #pN lands on its passage, marked as the target, without JavaScript",
    async (doc) => {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const passages = passagesOf(doc);
      expect(passages.length).toBeGreaterThan(3);
      for (const passage of passages) {
        await page.goto(`${site.server.url}speeches/${doc}/#${passage.id}`);
        const landed = await page.evaluate(() => {
          const block = document.querySelector(":target")?.closest(".block");
          const box = block?.getBoundingClientRect();
          const atBottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
          return {
            anchor: block?.id,
            marked: block?.matches(".block:has(> .block-number:target)") ?? false,
            inView: box !== undefined && box.top >= -2 && (box.top < 48 || (atBottom && box.top < innerHeight)),
          };
        });
        expect(landed, `#${passage.id}`).toEqual({ anchor: passageAnchor(passage), marked: true, inView: true });
      }
      await context.close();
    },
  );
});

describe("printing", () => {
  it("gives a document's text with reader numbers and one citation block at the end", async () => {
    const context = await site.browser.newContext();
    const page = await open(context, "speeches/cac-stride-toward-cyber-power-2024/");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".prev-next").isVisible()).toBe(false);
    expect(await page.locator("#para2 .block-number").isVisible()).toBe(true);
    const visibleCitations = await page
      .locator("[data-citation]")
      .evaluateAll((elements) => elements.filter((element) => element.checkVisibility()).length);
    expect(visibleCitations).toBe(2);
    expect(await page.locator(".document-citation [data-citation]").first().isVisible()).toBe(true);
    expect(await page.locator(".block-notes").first().isVisible()).toBe(false);
    await context.close();
  });

  it("gives the search page's results, not its form", async () => {
    const context = await site.browser.newContext();
    const page = await open(context, "search/?q=网信");
    await page.waitForSelector("[data-search-state='done']");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("form.search-form").isVisible()).toBe(false);
    expect(await page.locator("[data-result]").first().isVisible()).toBe(true);
    await context.close();
  });
});
