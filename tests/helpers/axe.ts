import { readdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { defaultLocale, locales, type Locale } from "../../src/i18n/ui.ts";
import { searchStateSelector } from "../../src/lib/search/dom.ts";
import { createUrls } from "../../src/lib/urls.ts";
import type { SiteInBrowser } from "./site-in-browser.ts";

/** WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Rules of those tags that axe leaves off unless asked: target-size (WCAG 2.2,
 * 2.5.8, targets of at least 24 × 24 px) is tagged `wcag22aa` but disabled by
 * default, so the tags alone do not run it.
 */
export const AXE_RULES_ON = { "target-size": { enabled: true } };

export const COLOUR_SCHEMES = ["light", "dark"] as const;
export type ColourScheme = (typeof COLOUR_SCHEMES)[number];

/** The search page with results, in each interface language: axe checks them as well as the pages the build wrote. */
export const RESULT_PAGES = ["search/?q=网信", "en/search/?q=网络强国"];

/** Every page the build wrote but the 404 page, as a path under the site's base (`speeches/x/`), sorted. */
export function builtPages(siteDir: string): string[] {
  return (readdirSync(siteDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith("index.html"))
    .map((file) => file.replace(/index\.html$/, ""))
    .sort();
}

/**
 * The interface language of a page and the template it is made with, from
 * its path: the language by its prefix (`en/`; none for the default), and
 * the template as the rest of the path with every segment after the first
 * replaced by `[entry]`, as the routes of `src/pages/[...lang]/` name a
 * section by their first segment and an entry by the ones after it:
 * `en/principles/ten-principles/party-leads-internet/` is an English page
 * of the template `principles/[entry]/[entry]/`, and the home page's
 * template is the empty path.
 */
export function templateOf(path: string): { locale: Locale; template: string } {
  const prefixed = locales
    .filter((locale) => locale !== defaultLocale)
    .map((locale) => ({ locale, prefix: createUrls("/", locale).home().slice(1) }))
    .find(({ prefix }) => path.startsWith(prefix));
  const rest = prefixed ? path.slice(prefixed.prefix.length) : path;
  const [section = "", ...entry] = rest.split("/").filter(Boolean);
  const template = [section, ...entry.map(() => "[entry]")].filter(Boolean).join("/");
  return { locale: prefixed?.locale ?? defaultLocale, template: template ? `${template}/` : "" };
}

/**
 * One page of each template in each interface language: the first by path
 * of the pages made with it.
 */
export function onePagePerTemplate(paths: readonly string[]): string[] {
  const chosen = new Map<string, string>();
  for (const path of [...paths].sort()) {
    const { locale, template } = templateOf(path);
    const key = `${locale} ${template}`;
    if (!chosen.has(key)) chosen.set(key, path);
  }
  return [...chosen.values()];
}

/**
 * Axe on pages of the served site, in each colour scheme. One browser
 * context per scheme, its tabs reused from page to page, which is cheaper
 * than opening one per page. Call it at the top of a test file, after
 * `useSiteInBrowser`.
 */
export function useAxe(site: SiteInBrowser): { violations(path: string, scheme: ColourScheme): Promise<string[]> } {
  const contexts = new Map<ColourScheme, { context: BrowserContext; idle: Page[] }>();
  beforeAll(async () => {
    for (const colorScheme of COLOUR_SCHEMES)
      // Axe is injected by the test, which the page's policy would refuse; the policy has its own test.
      contexts.set(colorScheme, { context: await site.browser.newContext({ colorScheme, bypassCSP: true }), idle: [] });
  });
  afterAll(async () => {
    for (const { context } of contexts.values()) await context.close();
  });
  return {
    /** Each violation on the page as `rule (nodes) first node`; none is an empty list. */
    async violations(path, scheme) {
      const tabs = contexts.get(scheme);
      if (!tabs) throw new Error(`no context for ${scheme}`);
      const page = tabs.idle.pop() ?? (await tabs.context.newPage());
      try {
        await page.goto(`${site.server.url}${path}`);
        if (path.includes("?q=")) await page.waitForSelector(searchStateSelector("done"));
        // Only violations are reported, so axe need not gather the details of every passing check.
        const { violations } = await new AxeBuilder({ page })
          .withTags(AXE_TAGS)
          .options({ resultTypes: ["violations"], rules: AXE_RULES_ON })
          .analyze();
        return violations.map(
          (violation) => `${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target.join(" ")}`,
        );
      } finally {
        tabs.idle.push(page);
      }
    },
  };
}
