import { takeHighlight } from "./highlight-store.ts";

/**
 * On a document page opened from a search result, marks the query's
 * occurrences in the page's passages, as a search over the whole document
 * marks them. Works on text nodes only. The query comes
 * from `?hl=` or from the search result the reader followed.
 */
export async function highlightFromSearch(): Promise<void> {
  const query = takeHighlight(location.hash);
  if (!query) return;
  // The matcher (with its Traditional–Simplified table) loads only when there is something to mark.
  const [{ matchDocument }, { parseQuery }] = await Promise.all([
    import("../lib/search/match.ts"),
    import("../lib/search/query.ts"),
  ]);
  const parsed = parseQuery(query);
  if (parsed.kind !== "query") return;
  const passages = [...document.querySelectorAll<HTMLElement>(".block-text, h1")].filter(
    (passage) => passage.childElementCount === 0,
  );
  // The page is read as one document: a required term is marked wherever it occurs, a near pair only where it stands
  // near (src/lib/search/match.ts). Exclusions decided which passages matched; they do not unmark what the page holds.
  const clauses = parsed.clauses.map((clause) => ({ ...clause, none: [] }));
  const marks = matchDocument(
    passages.map((passage) => passage.textContent ?? ""),
    clauses,
  );
  passages.forEach((passage, index) => {
    const occurrences = marks.get(index);
    if (!occurrences) return;
    const text = passage.textContent ?? "";
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
  });
  document.querySelector(location.hash ? `[id="${CSS.escape(location.hash.slice(1))}"]` : "mark")?.scrollIntoView();
}
