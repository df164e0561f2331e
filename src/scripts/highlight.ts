import { takeHighlight } from "./highlight-store.ts";

/**
 * On a document page opened from a search result, marks every occurrence of
 * the query in the page's passages. Works on text nodes only. The query comes
 * from `?hl=` or from the search result the reader followed.
 */
export async function highlightFromSearch(): Promise<void> {
  const query = takeHighlight(location.hash);
  if (!query) return;
  // The matcher (with its Traditional–Simplified table) loads only when there is something to mark.
  const [{ findOccurrences, mergeRanges }, { parseQuery }] = await Promise.all([
    import("../lib/search/kwic.ts"),
    import("../lib/search/query.ts"),
  ]);
  const parsed = parseQuery(query);
  if (parsed.kind !== "query") return;
  for (const passage of document.querySelectorAll<HTMLElement>(".block-text, h1")) {
    const text = passage.textContent ?? "";
    // Every occurrence of any term the query looks for, whichever alternative the passage matched.
    const occurrences = mergeRanges(parsed.terms.flatMap((term) => findOccurrences(text, [term])));
    if (occurrences.length === 0 || passage.childElementCount > 0) continue;
    const parts: (string | HTMLElement)[] = [];
    let position = 0;
    for (const [start, end] of occurrences) {
      parts.push(text.slice(position, start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      parts.push(mark);
      position = end;
    }
    parts.push(text.slice(position));
    passage.replaceChildren(...parts);
  }
  document.querySelector(location.hash ? `[id="${CSS.escape(location.hash.slice(1))}"]` : "mark")?.scrollIntoView();
}
