// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import remarkCjkFriendly from "remark-cjk-friendly";
import { siteOrigin } from "./src/lib/site-address.ts";

/** The site's public origin (SITE_URL); without it the build writes no absolute URL (src/lib/site-address.ts). */
const site = siteOrigin(process.env.SITE_URL);
const base = process.env.SITE_BASE ?? "/";
/** The editor's worksheets (src/pages/review/), under the base: no page links to them, and the sitemap leaves them out. */
const worksheets = `${base.endsWith("/") ? base : `${base}/`}review/`;

/**
 * SITE_BASE sets the sub-path the site is served under (default `/`); every
 * URL is built by src/lib/urls.ts from it. SITE_URL sets its public origin,
 * for canonical links, alternates, the sitemap and absolute citations. Build with `npm run build`
 * (scripts/build.ts), which ingests first and swaps the result into dist/.
 */
export default defineConfig({
  ...(site ? { site } : {}),
  base,
  // The content cache beside the project, not in node_modules: a copy of the project that links
  // node_modules (the add-source build test) must not read or overwrite this one's content.
  cacheDir: "./.astro/cache/",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "never" },
  markdown: {
    // remark-cjk-friendly needs the unified (remark) processor; smart
    // punctuation stays off so that the published text is the source text.
    processor: unified({ remarkPlugins: [remarkCjkFriendly], smartypants: false }),
  },
  integrations: [
    mdx(),
    // The sitemap lists every page with its other-language alternate (src/lib/urls.ts puts English under en/),
    // but not the editor's worksheets (review/); it needs absolute URLs, so a build without SITE_URL has none.
    ...(site
      ? [
          sitemap({
            i18n: { defaultLocale: "zh-CN", locales: { "zh-CN": "zh-CN", en: "en" } },
            filter: (page) => !new URL(page).pathname.startsWith(worksheets),
          }),
        ]
      : []),
  ],
  // Scripts and styles stay external files: the Content-Security-Policy allows no inline code.
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro's own MDX modules carry this directive; the bundler's notice about it is not actionable here.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("astro:head-inject")) return;
          warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
