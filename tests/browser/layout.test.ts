import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { uiFor } from "../../src/i18n/ui.ts";
import { builtPages, onePagePerTemplate } from "../helpers/axe.ts";
import { SUB_PATH } from "../helpers/root.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";
import { phoneMisfits } from "../helpers/phone-fit.ts";

const siteDir = inject("subPathSiteDir");
const site = useSiteInBrowser(siteDir, SUB_PATH);
const pages = builtPages(siteDir);

describe("pages that fit a phone", () => {
  // One page of each template here; every page at both widths in the sweep (tests/sweep/phone-width.test.ts).
  it.for([320, 375])(
    "no page of any template is wider than a %i px screen, and chart labels stay at least 12 px",
    async (width) => {
      const sample = onePagePerTemplate(pages);
      expect(sample.length).toBeGreaterThan(10);
      expect(await phoneMisfits(site.browser, site.server.url, sample, width)).toEqual({ wide: [], smallLabels: [] });
    },
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

/** The document pages in every interface language. */
const documentPages = pages.filter((path) => /(^|\/)speeches\/[^/]+\/$/.test(path));

describe("quiet paragraph tools", () => {
  it.for([320, 375, 768, 1280])(
    "gives each passage one control beside it that covers none of its text at %i px",
    { timeout: 300_000 },
    async (width) => {
      const context = await site.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const faults: string[] = [];
      for (const path of documentPages) {
        await page.goto(`${site.server.url}${path}`);
        const found = await page.evaluate((viewport) => {
          const within = (a: DOMRect, b: DOMRect) =>
            a.left < b.right - 0.5 && a.right > b.left + 0.5 && a.top < b.bottom - 0.5 && a.bottom > b.top + 0.5;
          const problems: string[] = [];
          for (const notes of document.querySelectorAll("details.block-notes")) {
            const id = notes.getAttribute("data-notes-for") ?? "";
            const block = document.getElementById(id);
            const control = notes.querySelector(":scope > summary")?.getBoundingClientRect();
            if (!block || !control) {
              problems.push(`${id}: no passage or no control`);
              continue;
            }
            // The passage's words and its reader number: the control may cover neither.
            const covered = [block.querySelector(".block-text") ?? block, block.querySelector(".block-number")]
              .filter((element): element is Element => element !== null)
              .flatMap((element) => {
                const range = document.createRange();
                range.selectNodeContents(element);
                return [...range.getClientRects()].filter((rect) => rect.width > 0 && within(rect, control));
              });
            if (covered.length > 0) problems.push(`${id}: covers its text`);
            if (control.width < 24 || control.height < 24) problems.push(`${id}: smaller than 24 × 24 px`);
            if (control.left < 0 || control.right > viewport) problems.push(`${id}: off the screen`);
            // Beside the passage: level with its first line, not on a line of its own under it.
            const first = block.getBoundingClientRect();
            if (control.top < first.top - 8 || control.top > first.top + 24) problems.push(`${id}: not beside it`);
          }
          return { problems, count: document.querySelectorAll("details.block-notes").length };
        }, width);
        if (found.count === 0) faults.push(`${path}: no notes`);
        faults.push(...found.problems.map((problem) => `${path}#${problem}`));
      }
      expect(documentPages.length).toBeGreaterThan(0);
      expect(faults).toEqual([]);
      await context.close();
    },
  );

  it("reaches a passage's control by keyboard after its number, announces it and opens it", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const path = documentPages.find((candidate) => !candidate.startsWith("en/")) ?? "";
    await page.goto(`${site.server.url}${path}`);
    const paragraph = page.locator("p.block").first();
    const id = (await paragraph.getAttribute("id")) ?? "";
    const notes = page.locator(`details[data-notes-for="${id}"]`);
    await paragraph.locator(".block-number").focus();
    // The paragraph's own links come first; then its control.
    const links = await paragraph.locator(".block-text a").count();
    for (let step = 0; step <= links; step += 1) await page.keyboard.press("Tab");
    expect(await notes.locator("summary").evaluate((summary) => summary === document.activeElement)).toBe(true);
    const name = ((await notes.locator("summary .visually-hidden").textContent()) ?? "").replace(/\s+/g, " ").trim();
    expect(name).toContain(uiFor("zh-CN").blockNotes.summary);
    // What a screen reader is told: the control by its full name, and whether it is expanded.
    const cdp = await context.newCDPSession(page);
    const expanded = async () => {
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
        nodes: { name?: { value?: unknown }; properties?: { name: string; value: { value?: unknown } }[] }[];
      };
      const node = nodes.find((candidate) => String(candidate.name?.value ?? "").trim() === name);
      return node?.properties?.find((property) => property.name === "expanded")?.value.value;
    };
    expect(await expanded()).toBe(false);
    await page.keyboard.press("Enter");
    expect(await notes.getAttribute("open")).not.toBeNull();
    expect(await expanded()).toBe(true);
    expect(await notes.getByText(uiFor("zh-CN").blockNotes.gbt).isVisible()).toBe(true);
    await context.close();
  });
});

describe("finding your place", () => {
  // The document in the default language with the most sections.
  const sectionsOf = (path: string) =>
    readFileSync(join(siteDir, path, "index.html"), "utf8").split("data-section-link").length - 1;
  const longest = documentPages
    .filter((path) => !path.startsWith("en/"))
    .sort((a, b) => sectionsOf(b) - sectionsOf(a))[0];

  it("marks the section in view in the contents as the reader scrolls", async () => {
    expect(longest && sectionsOf(longest)).toBeGreaterThan(1);
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${longest}`);
    const marked = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.toc a[aria-current="location"]')].map((link) => link.getAttribute("href")),
      );
    // Above the first section, none is marked.
    expect(await marked()).toEqual([]);
    const ids = await page.locator(".toc a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    for (const href of [ids[1], ids[0], ids.at(-1)]) {
      await page.evaluate((id) => {
        const heading = document.querySelector(id ?? "");
        heading?.scrollIntoView({ block: "start" });
        // a little further: the reader is inside the section now
        window.scrollBy(0, 40);
      }, href);
      await expect.poll(marked).toEqual([href]);
    }
    await context.close();
  });

  it("keeps a compact contents and a way back to the top at hand on a phone", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${longest}`);
    const contents = page.locator(".contents-compact");
    // Far into the text, the control is still on the screen.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const control = await contents.locator("summary").boundingBox();
    expect(control).not.toBeNull();
    expect((control?.y ?? -1) + (control?.height ?? 0)).toBeLessThanOrEqual(740);
    expect(control?.y ?? -1).toBeGreaterThanOrEqual(0);
    // It opens on the sections, and a jump lands on the section and closes the list.
    await contents.locator("summary").click();
    const last = contents.locator("a").last();
    const href = (await last.getAttribute("href")) ?? "";
    await last.click();
    expect(new URL(page.url()).hash).toBe(href);
    expect(await contents.getAttribute("open")).toBeNull();
    expect(await page.locator(href).evaluate((heading) => heading.getBoundingClientRect().top)).toBeLessThan(100);
    // Back to the top of the main content: the document's title on the screen again.
    await page.locator(".back-to-top").click();
    await expect
      .poll(() => page.evaluate(() => document.querySelector("h1")?.getBoundingClientRect().top ?? -1))
      .toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => document.querySelector("h1")?.getBoundingClientRect().bottom)).toBeLessThan(740);
    await context.close();
  });

  it("works without JavaScript: the compact contents open and jump, nothing is marked", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${longest}`);
    await page.locator(".contents-compact summary").click();
    const first = page.locator(".contents-compact a").first();
    const href = (await first.getAttribute("href")) ?? "";
    await first.click();
    expect(new URL(page.url()).hash).toBe(href);
    expect(await page.locator("[aria-current='location']").count()).toBe(0);
    await context.close();
  });
});

describe("targets", () => {
  // Axe's target-size rule runs in the sweep: on every page at 1280 px, and on one page of each template at 375 px.
  it("makes the header's links at least 24 px tall on a phone", async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(site.server.url);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("header a, header button, header select, .breadcrumbs a")]
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        .map((element) => ({ text: element.textContent?.trim(), box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
    await context.close();
  });
});
