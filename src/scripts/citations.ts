/**
 * Progressive enhancement of the citations under each passage (see
 * src/components/blocks/BlockNotes.astro): writes today's date as the GB/T
 * 7714 access date and shows a copy button beside each citation. Without
 * JavaScript the citations are still there to select and copy. The button's
 * messages come from its `data-copied` and `data-copy-failed` attributes, in
 * the page's language.
 */
export function enhanceCitations(): void {
  const today = new Date();
  const accessDate = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, "0"))
    .join("-");
  for (const slot of document.querySelectorAll<HTMLElement>(".access-date")) slot.textContent = `[${accessDate}]`;
  for (const button of document.querySelectorAll<HTMLButtonElement>(".copy-citation")) {
    const citation = button.parentElement?.querySelector<HTMLElement>("[data-citation]");
    if (!citation || !navigator.clipboard) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(citation.textContent.trim()).then(
        () => (button.textContent = button.dataset["copied"] ?? label),
        () => (button.textContent = button.dataset["copyFailed"] ?? label),
      );
      setTimeout(() => (button.textContent = label), 2000);
    });
  }
}
