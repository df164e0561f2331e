import { SEARCH_IDS } from "../lib/search/dom.ts";

/** `/` and Ctrl+K (⌘K) focus the search box, unless the reader is typing somewhere. */
export function installSearchShortcuts(): void {
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest("input, textarea, select, [contenteditable='true']") !== null && target !== null;
    const slash = event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const commandK = event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!slash && !commandK) return;
    const box = (document.getElementById(SEARCH_IDS.input) ??
      document.getElementById(SEARCH_IDS.headerInput)) as HTMLInputElement | null;
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
