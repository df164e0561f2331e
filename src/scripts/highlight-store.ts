/** Hands the query from a search result to the page it opens, for highlighting. */
const KEY = "corpus-highlight";

/** Remembers the query for the passage at `anchor` (its reader anchor, the hash the result link ends with). */
export function rememberHighlight(query: string, anchor: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ query, id: anchor }));
  } catch {
    // Storage may be disabled; the link still works, without highlighting.
  }
}

/** The query to highlight on this page: `?hl=` first, else one remembered for the target passage. */
export function takeHighlight(hash: string): string | undefined {
  const fromAddress = new URL(location.href).searchParams.get("hl");
  if (fromAddress) return fromAddress;
  try {
    const stored = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    if (!stored) return undefined;
    const { query, id } = JSON.parse(stored) as { query?: unknown; id?: unknown };
    return typeof query === "string" && `#${String(id)}` === hash ? query : undefined;
  } catch {
    return undefined;
  }
}
