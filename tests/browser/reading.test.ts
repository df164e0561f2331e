import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { uiFor } from "../../src/i18n/ui.ts";
import { SUB_PATH } from "../helpers/root.ts";
import { useSiteInBrowser } from "../helpers/site-in-browser.ts";

const site = useSiteInBrowser(inject("subPathSiteDir"), SUB_PATH);

async function open(context: BrowserContext, path = ""): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${site.server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe("reading without JavaScript, under a sub-path", () => {
  it("reads a document, follows a paragraph permalink and opens a principle the paragraph states", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await open(context);
    const zh = uiFor("zh-CN");
    // By address: another document may share the title.
    await page.locator('a[href$="/speeches/cac-stride-toward-cyber-power-2024/"]').first().click();
    await page.waitForURL(/\/speeches\/cac-stride-toward-cyber-power-2024\/$/);
    expect(await page.locator("h1").textContent()).toBe("中央网信办：阔步迈向网络强国");
    const paragraph = page.locator("p.block").nth(2);
    expect((await paragraph.locator(".block-text").textContent())?.trim().length).toBeGreaterThan(20);

    // The permalink: the address gets the paragraph's id, and the paragraph is the target.
    const id = await paragraph.getAttribute("id");
    await paragraph.locator("a.block-number").click();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(id);

    // A paragraph that states one of the ten 坚持: its notes open with a click and link to the principle.
    const toPrinciple = "a.principle-link";
    const notes = page.locator("details.block-notes", { has: page.locator(toPrinciple) }).first();
    await notes.locator("summary").click();
    expect(await notes.getByText(zh.blockNotes.gbt).isVisible()).toBe(true);
    const principle = notes.locator(toPrinciple).first();
    const wording = (await principle.textContent())?.trim() ?? "";
    await principle.click();
    await page.waitForURL(new RegExp(`${SUB_PATH}principles/[^/]+/[^/]+/$`));
    expect(wording.length).toBeGreaterThan(1);
    expect(await page.locator("h1").textContent()).toBe(wording);
    expect(await page.locator("blockquote.passage").count()).toBeGreaterThan(0);
    await context.close();
  });

  it("offers every page in English too, the texts unchanged", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await open(context, "speeches/zhao-zhiguo-new-era-cyber-power/");
    const text = () => page.locator(".text .block-text").allTextContents();
    const chinese = await text();
    expect(chinese.length).toBeGreaterThan(10);
    await page.getByRole("link", { name: uiFor("zh-CN").otherLanguage }).click();
    await page.waitForURL(/\/en\//);
    expect(page.url()).toBe(`${site.server.url}en/speeches/zhao-zhiguo-new-era-cyber-power/`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getAttribute(".text", "lang")).toBe("zh-CN");
    expect(await page.locator("nav[aria-label='Main navigation']").textContent()).toContain(
      uiFor("en").principles.title,
    );
    expect(await text()).toEqual(chinese);
    await context.close();
  });
});

describe("layout", () => {
  const pages = [
    "",
    "speeches/cac-stride-toward-cyber-power-2024/",
    "speeches/study-booklet-2023-08/",
    "sources/004_b607dc3ec6946a17/",
    "terms/wangxin/",
    "about/",
    "milestones/",
    "en/principles/ten-principles/",
    "search/?q=网信",
  ];

  it.each(pages)("fits a 320 px wide screen without sideways scrolling: /%s", async (path) => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await open(context, path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it.each([
    [320, ""],
    [375, "speeches/cac-stride-toward-cyber-power-2024/"],
    [320, "en/speeches/study-booklet-2023-08/"],
    [375, "en/"],
  ])("keeps every header control on one line and the header compact at %i px: /%s", async (width, path) => {
    const context = await site.browser.newContext({ viewport: { width, height: 740 } });
    const page = await open(context, path);
    const { wrapped, height } = await page.evaluate(() => {
      const header = document.querySelector("header");
      if (!header) throw new Error("no header");
      // A control wraps when its text lays out on more than one line box.
      const lineCount = (element: Element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
          .size;
      };
      const controls = [...header.querySelectorAll("a, button")].filter(
        (element) => (element as HTMLElement).offsetParent !== null,
      );
      // A select shows one line: taller than two lines of its text, it has wrapped.
      const select = header.querySelector("select");
      const selectWrapped =
        select !== null &&
        select.getBoundingClientRect().height > 2 * Number.parseFloat(getComputedStyle(select).fontSize);
      return {
        wrapped: [
          ...controls.filter((element) => lineCount(element) > 1).map((element) => element.textContent),
          ...(selectWrapped ? ["the colour scheme choice"] : []),
        ],
        height: header.getBoundingClientRect().height,
      };
    });
    expect(wrapped).toEqual([]);
    // at most a quarter of the phone's screen (three rows: name and settings, navigation, search)
    expect(height).toBeLessThanOrEqual(740 / 4);
    await context.close();
  });
});

describe("reading layout on a wide screen", () => {
  it("sets reader numbers in the margin, the contents beside the text, a heading's notes control in the margin", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, "speeches/cac-stride-toward-cyber-power-2024/");
    const layout = await page.evaluate(() => {
      const box = (element: Element | null) => element?.getBoundingClientRect();
      const text = box(document.querySelector(".text"));
      const numbers = [...document.querySelectorAll(".text .block-number")].map((number) => box(number));
      const heading = document.querySelector(".text h2.block");
      const control = heading?.nextElementSibling?.querySelector(":scope > summary");
      return {
        textLeft: text?.left ?? 0,
        textRight: text?.right ?? 0,
        numbersRight: Math.max(...numbers.map((number) => number?.right ?? Infinity)),
        tocLeft: box(document.querySelector(".toc"))?.left ?? 0,
        headingBottom: box(heading)?.bottom ?? 0,
        headingTop: box(heading)?.top ?? 0,
        controlTop: box(control ?? null)?.top ?? Infinity,
        controlLeft: box(control ?? null)?.left ?? -Infinity,
        controlIsNotes: control?.parentElement?.matches(".block-notes") ?? false,
      };
    });
    expect(layout.numbersRight).toBeLessThanOrEqual(layout.textLeft);
    expect(layout.tocLeft).toBeGreaterThanOrEqual(layout.textRight);
    // The heading's notes open from a control in the margin after the text, level with the heading.
    expect(layout.controlIsNotes).toBe(true);
    expect(layout.controlLeft).toBeGreaterThanOrEqual(layout.textRight);
    expect(layout.controlTop).toBeGreaterThanOrEqual(layout.headingTop);
    expect(layout.controlTop).toBeLessThan(layout.headingBottom);
    await context.close();
  });
});

describe("colour scheme", () => {
  it("follows the system, and a chosen scheme persists across pages", async () => {
    const context = await site.browser.newContext({ colorScheme: "dark" });
    const page = await open(context);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await background();
    await page.selectOption("#theme-choice", "light");
    const light = await background();
    expect(light).not.toBe(dark);
    await page
      .getByRole("link", { name: uiFor("zh-CN").terms.title })
      .first()
      .click();
    // The next page is loaded (its head script has run) before its theme is read.
    await page.waitForURL(/\/terms\/$/);
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    expect(await background()).toBe(light);
    await page.selectOption("#theme-choice", "system");
    expect(await background()).toBe(dark);
    await context.close();
  });
});

describe("the document list without JavaScript", () => {
  it("lists each container's parts under it and nowhere else, and filters by kind with plain links", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await open(context, "speeches/");
    const corpus = (await (await fetch(`${site.server.url}data/corpus.json`)).json()) as {
      documents: { slug: string; kind: string; relations: { type: string; target: string }[] }[];
    };
    const partsOf = new Map(
      corpus.documents.map((document) => [
        document.slug,
        document.relations.filter((relation) => relation.type === "has-part").map((relation) => relation.target),
      ]),
    );
    const containers = [...partsOf].filter(([, parts]) => parts.length > 0);
    expect(containers.length).toBeGreaterThan(0);
    const list = page.locator("main ol.doc-list").first();
    const top = await list
      .locator(":scope > li")
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset["doc"] ?? ""));
    for (const [container, parts] of containers) {
      expect(top).toContain(container);
      const nested = await list
        .locator(`:scope > li[data-doc="${container}"] > ol.doc-parts > li`)
        .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset["doc"] ?? ""));
      expect(nested.sort()).toEqual([...parts].sort());
      for (const part of parts) expect(top).not.toContain(part);
    }
    // every document once, at the top or under its container
    const listed = await list
      .locator("li[data-doc]")
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset["doc"] ?? ""));
    expect(listed.sort()).toEqual(corpus.documents.map((document) => document.slug).sort());

    // a kind filter is a link to a page listing exactly the documents of that kind
    const filter = page.locator('a[href*="/speeches/kind/"]').first();
    const kind = /\/speeches\/kind\/([^/]+)\//.exec((await filter.getAttribute("href")) ?? "")?.[1] ?? "";
    await filter.click();
    await page.waitForURL(new RegExp(`/speeches/kind/${kind}/$`));
    const matching = await page
      .locator('main ol.doc-list li[data-doc]:not([data-matches="false"])')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset["doc"] ?? ""));
    expect(matching.sort()).toEqual(
      corpus.documents
        .filter((document) => document.kind === kind)
        .map((document) => document.slug)
        .sort(),
    );
    await context.close();
  });
});
