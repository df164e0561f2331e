import { sectionInView } from "../lib/reading-aids.ts";

/** How far below the screen's top a heading counts as reached: the reader's eye, below a jump's landing. */
const READING_LINE = 0.25;

/**
 * On a document page: marks the contents' links to the section in view
 * (`aria-current="location"`) as the reader scrolls, and closes the compact
 * contents after a jump. Without JavaScript the contents are plain links.
 * Importing this module installs it (the page imports it on demand).
 */
function markSectionInView(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(".toc a, [data-section-link]")];
  const ids = [...new Set(links.map((link) => decodeURIComponent(link.hash.slice(1))))];
  const headings = ids.flatMap((id) => document.getElementById(id) ?? []);
  if (headings.length === 0) return;
  let shown: string | undefined;
  const mark = () => {
    const index = sectionInView(
      headings.map((heading) => heading.getBoundingClientRect().top),
      window.innerHeight * READING_LINE,
    );
    const current = headings[index]?.id;
    if (current === shown) return;
    shown = current;
    for (const link of links) {
      if (current !== undefined && decodeURIComponent(link.hash.slice(1)) === current)
        link.setAttribute("aria-current", "location");
      else link.removeAttribute("aria-current");
    }
  };
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      mark();
    });
  };
  addEventListener("scroll", schedule, { passive: true });
  addEventListener("resize", schedule);
  mark();
  const compact = document.querySelector<HTMLDetailsElement>(".contents-compact");
  compact?.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) compact.open = false;
  });
}

markSectionInView();
