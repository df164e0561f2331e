import { defaultLocale, locales, uiFor } from "../i18n/ui.ts";
import { createDocumentLoader } from "../lib/search/documents.ts";
import {
  DOCUMENTS_PER_STEP,
  countPassages,
  loadGroups,
  rankGroups,
  searchPassages,
  type DocumentGroup,
  type PagefindApi,
  type SearchFilters,
  type SearchOutcome,
} from "../lib/search/engine.ts";
import { keywordInContext } from "../lib/search/kwic.ts";
import { urls, urlsFor } from "../lib/urls.ts";
import { rememberHighlight } from "./highlight-store.ts";

/**
 * The search page: reads `?q=` (and the filters) from the address, runs the
 * search as the reader types (never while an input method is composing), keeps
 * the address in step, and renders results with DOM methods only: no result
 * text is ever parsed as HTML.
 */

/** The page's interface language, from `<html lang>`; links go to pages in the same language. */
const locale = locales.find((candidate) => candidate === document.documentElement.lang) ?? defaultLocale;
const ui = uiFor(locale);
const pageUrls = urlsFor(locale);

let pagefindPromise: Promise<PagefindApi> | undefined;
function loadPagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (async () => {
    const importing = import(/* @vite-ignore */ urls.asset("pagefind/pagefind.js")) as Promise<
      PagefindApi & { options(options: object): Promise<void>; init(): Promise<void> }
    >;
    whenIdle(prepareWordSegmenter);
    const module = await importing;
    // The exact index is small per query; searching on the main thread saves the worker's download and start-up.
    await module.options({ basePath: urls.asset("pagefind/"), noWorker: true });
    await module.init();
    return module;
  })();
  return pagefindPromise;
}

/**
 * On a page in Chinese, Pagefind splits every query with the browser's word
 * segmenter, whose first use loads its dictionary (about 40 ms on this
 * project's machine). Making that first use while the engine downloads takes
 * it off the first query's path; if the query comes first, nothing is lost.
 */
function prepareWordSegmenter(): void {
  const lang = document.documentElement.lang;
  if (!lang.toLowerCase().startsWith("zh") || typeof Intl.Segmenter !== "function") return;
  const segments = new Intl.Segmenter(lang, { granularity: "word" }).segment("网络强国");
  for (const segment of segments) void segment;
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: 200 });
  else setTimeout(task, 0);
}

const loadDocument = createDocumentLoader(new URL(urls.asset(""), location.href).href);

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function renderGroup(group: DocumentGroup, query: string): HTMLElement {
  const list = element("ol", { class: "passages" });
  for (const passage of group.passages) {
    const href = passage.id === "title" ? pageUrls.block(group.doc, "title") : pageUrls.block(group.doc, passage.id);
    const line = element("a", { href, class: "kwic" });
    for (const segment of keywordInContext(passage.text, passage.occurrences)) {
      line.append(segment.marked ? element("mark", {}, segment.text) : segment.text);
    }
    line.addEventListener("click", () => rememberHighlight(query, passage.id));
    const label = passage.id === "title" ? ui.titlePassage : passage.id.slice(1);
    list.append(
      element(
        "li",
        { "data-result": "" },
        element("a", { href, class: "permalink", "aria-label": `${ui.paragraphLink} ${label}` }, label),
        " ",
        line,
      ),
    );
  }
  return element(
    "section",
    { class: "result-group", "data-result-doc": group.doc, "data-result-count": String(group.passages.length) },
    element(
      "h2",
      {},
      element("a", { href: pageUrls.speech(group.doc) }, group.title),
      " ",
      element("small", {}, ui.search.count(group.passages.length)),
    ),
    list,
  );
}

function renderDistribution(groups: readonly DocumentGroup[]): HTMLElement {
  const most = Math.max(...groups.map((group) => group.passages.length));
  const rows = groups.map((group) =>
    element(
      "li",
      {},
      element("span", { class: "bar-label" }, group.title),
      element("meter", { class: "bar", min: "0", max: String(most), value: String(group.passages.length) }),
      element("span", { class: "bar-count" }, String(group.passages.length)),
    ),
  );
  return element(
    "figure",
    { class: "distribution" },
    element("figcaption", {}, ui.search.distribution),
    element("ul", {}, ...rows),
  );
}

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>("#search-form");
  const input = document.querySelector<HTMLInputElement>("#search-input");
  const results = document.querySelector<HTMLElement>("#search-results");
  const status = document.querySelector<HTMLElement>("#search-status");
  const output = document.querySelector<HTMLElement>("#search-output");
  if (!form || !input || !results || !status || !output) return;
  const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);

  const params = new URL(location.href).searchParams;
  input.value = params.get("q") ?? "";
  for (const name of ["collection", "doc", "year"]) {
    const control = select(name);
    if (control) control.value = params.get(name) ?? "";
  }

  let generation = 0;
  const run = async () => {
    const current = (generation += 1);
    const query = input.value;
    const filters: SearchFilters = {
      collection: select("collection")?.value || undefined,
      document: select("doc")?.value || undefined,
      year: select("year")?.value || undefined,
    };
    const address = new URL(location.href);
    address.search = "";
    if (query) address.searchParams.set("q", query);
    if (filters.collection) address.searchParams.set("collection", filters.collection);
    if (filters.document) address.searchParams.set("doc", filters.document);
    if (filters.year) address.searchParams.set("year", filters.year);
    history.replaceState(null, "", address);

    results.dataset.searchState = "searching";
    status.textContent = ui.search.searching;
    let outcome: SearchOutcome;
    try {
      outcome =
        query.trim() === ""
          ? { kind: "empty" }
          : await searchPassages(await loadPagefind(), loadDocument, query, filters);
    } catch (error) {
      if (current !== generation) return;
      console.error(error);
      status.textContent = ui.search.error;
      results.dataset.searchState = "error";
      return;
    }
    if (current !== generation) return;
    render(outcome, query);
    results.dataset.searchState = "done";
  };

  const render = (outcome: SearchOutcome, query: string) => {
    output.replaceChildren();
    results.dataset.resultTotal = "0";
    if (outcome.kind === "empty") {
      status.textContent = query === "" ? ui.search.idle : ui.search.empty;
    } else if (outcome.kind === "too-long") {
      status.textContent = ui.search.tooLong(outcome.length, input.maxLength);
    } else if (outcome.total === 0) {
      status.textContent = ui.search.none(query.trim());
    } else {
      renderResults(outcome, query);
    }
  };

  const renderResults = (outcome: Extract<SearchOutcome, { kind: "results" }>, query: string) => {
    results.dataset.resultTotal = String(outcome.total);
    status.textContent =
      ui.search.summary(outcome.total, outcome.groups.length) +
      (outcome.pending.length > 0 ? ui.search.pending(outcome.pending.length) : "");
    output.replaceChildren(
      renderDistribution(outcome.groups),
      ...outcome.groups.map((group) => renderGroup(group, query)),
    );
    if (outcome.pending.length === 0) return;
    const more = element("button", { type: "button", class: "more" }, ui.search.more(outcome.pending.length));
    more.addEventListener("click", () => {
      const current = generation;
      more.disabled = true;
      const next = outcome.pending.slice(0, DOCUMENTS_PER_STEP);
      void loadGroups(loadDocument, outcome.terms, next).then((groups) => {
        if (current !== generation) return;
        const loaded = [...outcome.groups, ...rankGroups(groups)];
        const pending = outcome.pending.slice(DOCUMENTS_PER_STEP);
        const total = countPassages(loaded);
        renderResults({ ...outcome, groups: loaded, pending, total }, query);
      });
    });
    output.append(element("p", {}, more));
  };

  // Start loading the search engine as soon as the reader shows intent to search.
  input.addEventListener("focus", () => void loadPagefind().catch(() => undefined), { once: true });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    results.dataset.searchState = "pending";
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 120);
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
