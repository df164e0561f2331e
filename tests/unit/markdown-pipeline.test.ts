import { describe, expect, it } from "vitest";
import remarkCjkFriendly from "remark-cjk-friendly";
import config from "../../astro.config.mjs";

/**
 * The site's Markdown and MDX pipeline is the unified processor with
 * remark-cjk-friendly and without smart punctuation. Rendering through the
 * configured processor shows the plugin at work: without it, CommonMark leaves
 * `**` next to Chinese punctuation as literal asterisks.
 */
describe("the Markdown/MDX pipeline", () => {
  const processor = config.markdown?.processor;

  it("is the unified processor with remark-cjk-friendly and no smart punctuation", () => {
    expect(processor?.name).toBe("unified");
    const options = processor?.options as { remarkPlugins: unknown[]; smartypants?: boolean };
    expect(options.remarkPlugins).toContain(remarkCjkFriendly);
    expect(options.smartypants).toBe(false);
  });

  it("parses emphasis next to Chinese punctuation, and leaves quotes as written", async () => {
    if (!processor) throw new Error("no markdown processor configured");
    const renderer = await processor.createRenderer({} as never);
    const { code } = await renderer.render('明确**“十个坚持”**重要原则，"quoted" -- text');
    expect(code).toContain("<strong>“十个坚持”</strong>重要原则");
    expect(code).toContain('"quoted" -- text');
  });
});
