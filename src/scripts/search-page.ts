import { defaultLocale, locales } from "../i18n/locales.ts";
import { searchUi } from "../i18n/search-ui.ts";
import { addressOfRequest, FILTER_PARAMS, requestFromAddress, type SearchRequest } from "../lib/search/address.ts";
import { entitiesNamed, type SearchEntity } from "../lib/search/entities.ts";
import { NARROW_SCREEN, SEARCH_IDS, WIDE_SCREEN, type SearchState } from "../lib/search/dom.ts";
import type { SearchOutcome } from "../lib/search/engine.ts";
import { latestOnly } from "../lib/search/latest.ts";
import { createSearchSession } from "../lib/search/session.ts";
import { urls, urlsFor } from "../lib/urls.ts";
import { startPagefind } from "./search/engine-loader.ts";
import { renderComparison, renderFailure, renderOutcome, type ResultsView } from "./search/render.ts";

/**
 * The search page's controller: reads the query, filters and settings from
 * the address, runs the search as the reader types (debounced, never while
 * an input method is composing), keeps the address in step, and hands each
 * outcome to the renderer unless a newer search has started since. What the
 * search keeps while the page is open (data, Pagefind, entities) is the
 * session's (src/lib/search/session.ts), one per page.
 *
 * History: the address follows every search, but a new history entry starts
 * only after a committed search (Enter, a change of filter or setting, or a
 * pause in typing), so that Back returns to the previous committed query, not
 * to each keystroke.
 */

/** Time after the last keystroke before a search runs. */
const DEBOUNCE_MS = 120;
/** A pause in typing this long commits the query: the next search starts a new history entry. */
const COMMIT_PAUSE_MS = 1000;

export function startSearchPage(): void {
  const find = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  const form = find<HTMLFormElement>(SEARCH_IDS.form);
  const input = find<HTMLInputElement>(SEARCH_IDS.input);
  const results = find<HTMLElement>(SEARCH_IDS.results);
  const status = find<HTMLElement>(SEARCH_IDS.status);
  const output = find<HTMLElement>(SEARCH_IDS.output);
  if (!form || !input || !results || !status || !output) return;
  const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  const reprints = form.querySelector<HTMLInputElement>('input[name="reprints"]');
  const setState = (state: SearchState) => (results.dataset["searchState"] = state);

  // The page's interface language, from `<html lang>`; links go to pages in the same language.
  const locale = locales.find((candidate) => candidate === document.documentElement.lang) ?? defaultLocale;
  const ui = searchUi[locale];
  const session = createSearchSession({ siteRoot: new URL(urls.asset(""), location.href).href, startPagefind });
  // The entities a query may name; until they load (or if they cannot), none is shown.
  let entities: SearchEntity[] = [];
  const entitiesLoaded = session.entities().then((loaded) => void (entities = loaded));

  const showRequest = (request: SearchRequest) => {
    input.value = request.query;
    for (const [filter, param] of FILTER_PARAMS) {
      const control = select(param);
      const value = request.filters[filter] ?? "";
      // A value the page does not offer (an address with year=1999) stays asked for, so that the search can say so.
      if (control && ![...control.options].some((option) => option.value === value)) {
        control.append(new Option(ui.search.unknownOption(value), value));
      }
      if (control) control.value = value;
    }
    const scope = select("scope");
    if (scope) scope.value = request.scope;
    const sort = select("sort");
    if (sort) sort.value = request.sort;
    if (reprints) reprints.checked = request.mergeReprints;
    const view = select("view");
    if (view) view.value = request.view;
  };
  const currentRequest = (): SearchRequest => {
    const shown = requestFromAddress(new URL(location.href));
    return {
      query: input.value,
      filters: Object.fromEntries(FILTER_PARAMS.map(([filter, param]) => [filter, select(param)?.value || undefined])),
      scope: (select("scope")?.value as SearchRequest["scope"] | undefined) ?? shown.scope,
      sort: (select("sort")?.value as SearchRequest["sort"] | undefined) ?? shown.sort,
      mergeReprints: reprints?.checked ?? shown.mergeReprints,
      view: (select("view")?.value as SearchRequest["view"] | undefined) ?? shown.view,
      // The concordance's order is no control of the form: it is the address's, set by its column buttons.
      lines: shown.lines,
      compare: shown.compare,
    };
  };
  const clearFilters = () => {
    for (const [, param] of FILTER_PARAMS) {
      const control = select(param);
      if (control) control.value = "";
    }
    commitNext();
  };
  const view: ResultsView = {
    ui,
    urls: urlsFor(locale),
    results,
    status,
    output,
    maxLength: input.maxLength,
    onClearFilters: clearFilters,
    namedEntities: (query) => entitiesNamed(entities, query),
    loadAll: (outcome) => session.loadAll(outcome),
    onCompare: (compare) => {
      const request = { ...requestFromAddress(new URL(location.href)), compare };
      history.pushState(null, "", addressOfRequest(new URL(location.href), request));
      void runComparison(request);
    },
    onLinesSort: (lines) => {
      const address = addressOfRequest(new URL(location.href), {
        ...requestFromAddress(new URL(location.href)),
        lines,
      });
      history.replaceState(history.state, "", address);
    },
    onYear: (year) => {
      const control = select("year");
      if (control) control.value = year;
      commitNext();
    },
  };

  // Whether the current history entry holds a committed search; the page as opened does.
  let committed = true;
  let commitTimer: ReturnType<typeof setTimeout> | undefined;
  const updateAddress = (request: SearchRequest) => {
    const address = addressOfRequest(new URL(location.href), request);
    if (address.href === location.href) return;
    if (committed) history.pushState(null, "", address);
    else history.replaceState(null, "", address);
    committed = false;
  };

  const searches = latestOnly();
  const show = (outcome: SearchOutcome, request: SearchRequest, ticket: number) =>
    renderOutcome(view, outcome, request, async () => {
      if (outcome.kind !== "results") return;
      const more = await session.loadMore(outcome);
      if (searches.isLatest(ticket)) show(more, request, ticket);
    });

  const run = async (request: SearchRequest = currentRequest()) => {
    const ticket = searches.take();
    setState("searching");
    status.textContent = ui.search.searching;
    let outcome: SearchOutcome;
    try {
      outcome = await session.search(request);
      await entitiesLoaded;
    } catch (error) {
      if (!searches.isLatest(ticket)) return;
      console.error(error);
      // No count, and nothing of an earlier search left under the message.
      renderFailure(view, error, commitNext);
      setState("error");
      return;
    }
    if (!searches.isLatest(ticket)) return;
    show(outcome, request, ticket);
    await runComparison(request, ticket);
    if (searches.isLatest(ticket)) setState("done");
  };

  /**
   * The comparison the address asks for, run with the request's filters and settings, shown above the results.
   * The outcomes are kept while the comparison and its settings stay the same, so that typing a new query
   * does not search them again; a comparison with a failed query is not kept, so that the next one retries.
   */
  const comparisons = latestOnly();
  let compared: { key: string; outcomes: Promise<unknown[]> } | undefined;
  const runComparison = async (request: SearchRequest, ticket?: number) => {
    const mine = comparisons.take();
    output.querySelector(".compare")?.remove();
    if (request.compare.length === 0) return;
    const { compare, filters, scope, mergeReprints } = request;
    const key = JSON.stringify({ compare, filters, scope, mergeReprints });
    if (compared?.key !== key) {
      const outcomes = Promise.all(
        compare.map((query) => session.search({ ...request, query }).catch((error: unknown) => error)),
      );
      compared = { key, outcomes };
      void outcomes.then((settled) => {
        if (settled.some((outcome) => outcome instanceof Error) && compared?.key === key) compared = undefined;
      });
    }
    const outcomes = await compared.outcomes;
    if (!comparisons.isLatest(mine) || (ticket !== undefined && !searches.isLatest(ticket))) return;
    output.prepend(renderComparison(view, request, outcomes));
  };

  // Start loading the search engine as soon as the reader shows intent to search.
  input.addEventListener("focus", () => session.prepare(), { once: true });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    // A search still running is for what the box held before: it must not say it is done.
    searches.take();
    setState("pending");
    clearTimeout(timer);
    clearTimeout(commitTimer);
    timer = setTimeout(() => {
      updateAddress(currentRequest());
      void run();
    }, DEBOUNCE_MS);
    commitTimer = setTimeout(() => (committed = true), COMMIT_PAUSE_MS);
  };
  /** A search the reader has settled on: the next one starts a new history entry. */
  function commitNext() {
    clearTimeout(timer);
    clearTimeout(commitTimer);
    updateAddress(currentRequest());
    committed = true;
    void run();
  }
  input.addEventListener("input", (event) => {
    if ((event as InputEvent).isComposing) return;
    schedule();
  });
  input.addEventListener("compositionend", schedule);
  form.addEventListener("change", (event) => {
    if (
      event.target instanceof HTMLSelectElement ||
      (event.target instanceof HTMLInputElement && event.target !== input)
    )
      commitNext();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    commitNext();
  });
  // Back and Forward: show and run the search of the entry returned to.
  window.addEventListener("popstate", () => {
    clearTimeout(timer);
    clearTimeout(commitTimer);
    const request = requestFromAddress(new URL(location.href));
    showRequest(request);
    committed = true;
    void run(request);
  });
  // Wide screens show the filters and settings, and the whole query syntax, by CSS, before the first
  // paint, so nothing moves; a browser whose CSS cannot (no ::details-content) opens them here.
  if (!CSS.supports("selector(::details-content)")) {
    const options = form.querySelector<HTMLDetailsElement>(".search-options");
    if (options && !matchMedia(NARROW_SCREEN).matches) options.open = true;
    const syntax = document.querySelector<HTMLDetailsElement>(".search-operators");
    if (syntax && matchMedia(WIDE_SCREEN).matches) syntax.open = true;
  }
  showRequest(requestFromAddress(new URL(location.href)));
  void run();
}
