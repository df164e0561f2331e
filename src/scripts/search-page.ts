import { defaultLocale, locales, uiFor } from "../i18n/ui.ts";
import { addressOfRequest, FILTER_PARAMS, requestFromAddress, type SearchRequest } from "../lib/search/address.ts";
import { createDocumentLoader } from "../lib/search/documents.ts";
import { SEARCH_IDS, type SearchState } from "../lib/search/dom.ts";
import { loadMoreResults, searchPassages, type SearchOutcome } from "../lib/search/engine.ts";
import { latestOnly } from "../lib/search/latest.ts";
import { urls, urlsFor } from "../lib/urls.ts";
import { loadPagefind } from "./search/engine-loader.ts";
import { renderOutcome, type ResultsView } from "./search/render.ts";

/**
 * The search page's controller: reads the query and filters from the
 * address, runs the search as the reader types (debounced, never while an
 * input method is composing), keeps the address in step, and hands each
 * outcome to the renderer unless a newer search has started since.
 */

/** Time after the last keystroke before a search runs. */
const DEBOUNCE_MS = 120;

export function startSearchPage(): void {
  const find = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  const form = find<HTMLFormElement>(SEARCH_IDS.form);
  const input = find<HTMLInputElement>(SEARCH_IDS.input);
  const results = find<HTMLElement>(SEARCH_IDS.results);
  const status = find<HTMLElement>(SEARCH_IDS.status);
  const output = find<HTMLElement>(SEARCH_IDS.output);
  if (!form || !input || !results || !status || !output) return;
  const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  const setState = (state: SearchState) => (results.dataset["searchState"] = state);

  // The page's interface language, from `<html lang>`; links go to pages in the same language.
  const locale = locales.find((candidate) => candidate === document.documentElement.lang) ?? defaultLocale;
  const ui = uiFor(locale);
  const view: ResultsView = { ui, urls: urlsFor(locale), results, status, output, maxLength: input.maxLength };
  const loadDocument = createDocumentLoader(new URL(urls.asset(""), location.href).href);

  const initial = requestFromAddress(new URL(location.href));
  input.value = initial.query;
  for (const [filter, param] of FILTER_PARAMS) {
    const control = select(param);
    if (control) control.value = initial.filters[filter] ?? "";
  }
  const currentRequest = (): SearchRequest => ({
    query: input.value,
    filters: Object.fromEntries(FILTER_PARAMS.map(([filter, param]) => [filter, select(param)?.value || undefined])),
  });

  const searches = latestOnly();
  const show = (outcome: SearchOutcome, query: string, ticket: number) =>
    renderOutcome(view, outcome, query, () => {
      if (outcome.kind !== "results") return;
      void loadMoreResults(loadDocument, outcome).then((more) => {
        if (searches.isLatest(ticket)) show(more, query, ticket);
      });
    });

  const run = async () => {
    const ticket = searches.take();
    const request = currentRequest();
    history.replaceState(null, "", addressOfRequest(new URL(location.href), request));
    setState("searching");
    status.textContent = ui.search.searching;
    let outcome: SearchOutcome;
    try {
      outcome =
        request.query.trim() === ""
          ? { kind: "empty" }
          : await searchPassages(await loadPagefind(), loadDocument, request.query, request.filters);
    } catch (error) {
      if (!searches.isLatest(ticket)) return;
      console.error(error);
      status.textContent = ui.search.error;
      setState("error");
      return;
    }
    if (!searches.isLatest(ticket)) return;
    show(outcome, request.query, ticket);
    setState("done");
  };

  // Start loading the search engine as soon as the reader shows intent to search.
  input.addEventListener("focus", () => void loadPagefind().catch(() => undefined), { once: true });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    setState("pending");
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  input.addEventListener("input", (event) => {
    if ((event as InputEvent).isComposing) return;
    schedule();
  });
  input.addEventListener("compositionend", schedule);
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLSelectElement) schedule();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  void run();
}
