/**
 * The elements of the search page and of the header search, by id, and the
 * states the results element reports in `data-search-state`. The page, its
 * script, the keyboard shortcuts, the tests and the benchmark all name them
 * from here.
 */
export const SEARCH_IDS = {
  /** The search page's form, its box, the element that holds status and results, the status line and the results. */
  form: "search-form",
  input: "search-input",
  results: "search-results",
  status: "search-status",
  output: "search-output",
  /** The search box in every page's header. */
  headerInput: "site-search",
} as const;

/**
 * `data-search-state` of the results element: `idle` before any search,
 * `pending` while the reader types, `searching` while the engine works,
 * `done` once the results of the current query are rendered, `error` if the
 * search failed.
 */
export type SearchState = "idle" | "pending" | "searching" | "done" | "error";

/** A CSS selector for the results element once it is in `state`. */
export const searchStateSelector = (state: SearchState): string => `[data-search-state="${state}"]`;

/** Where a narrow screen starts: there the search page's options and distributions start closed, so that the first result is in view. */
export const NARROW_SCREEN = "(max-width: 40rem)";

/** Where the whole query syntax fits beside the search form, always shown (site.css). */
export const WIDE_SCREEN = "(min-width: 64rem)";

/** A CSS selector for an element of SEARCH_IDS. */
export const byId = (id: (typeof SEARCH_IDS)[keyof typeof SEARCH_IDS]): string => `#${id}`;
