import { shortLabel } from "../../lib/bar-chart.ts";
import { formatDateIn } from "../../lib/dates.ts";
import { marginLabel, passageAnchor, passageName } from "../../lib/passage-numbers.ts";
import { MAX_COMPARED, type LinesSort, type SearchRequest, type SearchSort } from "../../lib/search/address.ts";
import { compareCsv, compareRows, type CompareSeries } from "../../lib/search/compare.ts";
import {
  concordanceCsv,
  concordanceJson,
  type ExportContext,
  CONCORDANCE_LINES_STEP,
  concordanceLines,
  DEFAULT_CONTEXT,
  sortConcordance,
  type ConcordanceLine,
  type ConcordanceSort,
} from "../../lib/search/concordance.ts";
import { isLowerBound, perTenThousand, yearKey, yearLabel, type YearCount } from "../../lib/search/distribution.ts";
import type { SearchEntity } from "../../lib/search/entities.ts";
import { NARROW_SCREEN } from "../../lib/search/dom.ts";
import type { SearchUiStrings } from "../../i18n/search-ui.ts";
import type { DocumentGroup, SearchOutcome, SearchResults } from "../../lib/search/engine.ts";
import { SearchFailure } from "../../lib/search/session.ts";
import { keywordInContext, type Segment } from "../../lib/search/kwic.ts";
import { clusterPhrase, clustersAround, type Cluster, type ClusterSide } from "../../lib/search/clusters.ts";
import type { SiteUrls } from "../../lib/urls.ts";
import { rememberHighlight } from "../highlight-store.ts";
import { holdsInvisible } from "../../lib/search/normalize.ts";
import { element } from "./element.ts";

/** Where results are rendered, and in which language. */
export interface ResultsView {
  ui: SearchUiStrings;
  urls: SiteUrls;
  /** Carries `data-result-total`. */
  results: HTMLElement;
  status: HTMLElement;
  output: HTMLElement;
  /** The query box's length limit, for the message about a query that exceeds it. */
  maxLength: number;
  /** Clears the filters and searches again. */
  onClearFilters(): void;
  /** Filters the results to one year. */
  onYear(year: string): void;
  /** The queries to compare over time changed: the address keeps them, and the comparison is run. */
  onCompare(queries: string[]): void;
  /** The concordance was sorted: the address keeps the sort, without a new search. */
  onLinesSort(sort: LinesSort): void;
  /** The edition's entities the query names (src/lib/search/entities.ts), shown first. */
  namedEntities(query: string): SearchEntity[];
  /** The results with every pending document loaded (reprints merged if the search asked): what an export holds. */
  loadAll(outcome: SearchResults): Promise<SearchResults>;
}

/**
 * Renders an outcome: the status line, and for results the distribution,
 * the groups and, when documents are pending, a button that calls `onMore`
 * (which rejects when the next step could not be loaded).
 */
export function renderOutcome(
  view: ResultsView,
  outcome: SearchOutcome,
  request: SearchRequest,
  onMore: () => Promise<void>,
): void {
  const { ui, results, status, output } = view;
  const query = request.query;
  output.replaceChildren();
  // No count of an earlier search stays: an outcome without results counts nothing.
  results.dataset["resultTotal"] = "0";
  results.dataset["resultOccurrences"] = "0";
  const named = renderEntities(view, view.namedEntities(query));
  if (outcome.kind === "empty") {
    status.textContent = query === "" ? ui.search.idle : ui.search.empty;
  } else if (outcome.kind === "too-long") {
    status.textContent = ui.search.tooLong(outcome.length, view.maxLength);
  } else if (outcome.kind === "invalid") {
    status.textContent = ui.search.invalid[outcome.problem];
  } else if (outcome.kind === "unknown-filter") {
    status.textContent = ui.search.unknownFilter(ui.search[outcome.filter], outcome.value);
    output.append(clearFiltersButton(view));
  } else if (outcome.total === 0 && Object.values(request.filters).some(Boolean)) {
    status.textContent = `${ui.search.none(query.trim())} ${ui.search.filteredNone}`;
    output.append(clearFiltersButton(view));
  } else if (outcome.total === 0) {
    status.textContent = ui.search.none(query.trim());
  } else {
    renderResults(view, outcome, request, onMore);
  }
  if (named) output.prepend(named);
  // Normalisation drops them from the query as from the text (src/lib/search/normalize.ts); the reader sees why
  // what looks like 网络 was found as 网络.
  if (holdsInvisible(query)) status.textContent = `${status.textContent ?? ""} ${ui.search.invisibleRemoved}`;
}

/** The addresses a SearchFailure names, joined for the reader, or "" for another error. */
function failedFilesOf(error: unknown): string {
  return error instanceof SearchFailure ? error.files.join(", ") : "";
}

/**
 * A search that failed: no count and no result of an earlier search, the
 * files that could not be read in words a reader can pass on, and a button
 * that runs the search again.
 */
export function renderFailure(view: ResultsView, error: unknown, onRetry: () => void): void {
  const { ui, results, status, output } = view;
  results.dataset["resultTotal"] = "0";
  results.dataset["resultOccurrences"] = "0";
  status.textContent = ui.search.error;
  const retry = element("button", { type: "button", class: "retry" }, ui.search.retry);
  retry.addEventListener("click", onRetry);
  const files = failedFilesOf(error);
  output.replaceChildren(
    ...(files ? [element("p", { class: "failed-files" }, ui.search.failedFiles(files))] : []),
    element("p", {}, retry),
  );
}

/** A paragraph with the button that clears every filter and searches again. */
function clearFiltersButton(view: ResultsView): HTMLElement {
  const clear = element("button", { type: "button", class: "clear-filters" }, view.ui.search.clearFilters);
  clear.addEventListener("click", view.onClearFilters);
  return element("p", {}, clear);
}

function renderResults(
  view: ResultsView,
  outcome: SearchResults,
  request: SearchRequest,
  onMore: () => Promise<void>,
): void {
  const query = request.query;
  const { ui, results, status, output } = view;
  results.dataset["resultTotal"] = String(outcome.total);
  results.dataset["resultOccurrences"] = String(outcome.occurrences);
  status.textContent =
    ui.search.summary(outcome.occurrences, outcome.total, outcome.documents.length) +
    (outcome.pending.length > 0 ? ui.search.pending(outcome.pending.length) : "");
  const compare = element("button", { type: "button", class: "compare-add" }, ui.search.compare.add);
  compare.addEventListener("click", () =>
    view.onCompare([...new Set([...request.compare, request.query.trim()])].slice(0, MAX_COMPARED)),
  );
  output.replaceChildren(
    element("p", {}, compare),
    distributions(view, outcome, request),
    ...(request.view === "kwic"
      ? [renderConcordance(view, outcome, request)]
      : [
          element(
            "p",
            { class: "kwic-controls" },
            renderExport(
              view,
              outcome,
              request,
              () => DEFAULT_CONTEXT,
              (lines) => lines,
              { eager: false },
            ),
          ),
          ...outcome.groups.map((group) => renderGroup(view, group, query)),
        ]),
  );
  if (outcome.pending.length === 0) return;
  const more = element("button", { type: "button", class: "more" }, ui.search.more(outcome.pending.length));
  const failed = element("span", { class: "more-failed", role: "status" });
  more.addEventListener("click", () => {
    more.disabled = true;
    failed.textContent = "";
    // On failure the button comes back, to try again, and the reader is told; the counts shown stand.
    onMore().catch((error: unknown) => {
      more.disabled = false;
      const files = failedFilesOf(error);
      failed.textContent = ` ${ui.search.moreFailed}${files ? ` ${ui.search.failedFiles(files)}` : ""}`;
    });
  });
  output.append(element("p", {}, more, failed));
}

/** Whether the query pairs terms with NEAR, which changes what is counted and what a concordance line is. */
const hasNearPair = (outcome: SearchResults) => outcome.clauses.some((clause) => clause.near.length > 0);

/** A keyword-in-context line's segments as nodes: terms marked, the rest of a match set apart, context as text. */
const segmentNodes = (segments: readonly Segment[]): (HTMLElement | string)[] =>
  segments.map((segment) =>
    segment.marked
      ? element("mark", {}, segment.text)
      : segment.inMatch
        ? element("span", { class: "in-match" }, segment.text)
        : segment.text,
  );

/** One document's matching passages, each a keyword-in-context line linked to its paragraph. */
function renderGroup({ ui, urls }: ResultsView, group: DocumentGroup, query: string): HTMLElement {
  const list = element("ol", { class: "passages" });
  for (const passage of group.passages) {
    const href = urls.passage(group.doc, passage);
    const line = element("a", { href, class: "kwic" });
    line.append(...segmentNodes(keywordInContext(passage.text, passage.spans, 24, passage.occurrences)));
    line.addEventListener("click", () => rememberHighlight(query, passageAnchor(passage)));
    const label = marginLabel(passage.type, passage.number) || ui.passage.title;
    const name = passageName(ui.passage, passage.type, passage.number);
    const item = element(
      "li",
      { "data-result": "" },
      element("a", { href, class: "permalink", "aria-label": `${ui.paragraphLink}：${name}` }, label),
      " ",
      line,
    );
    if (passage.alsoIn && passage.alsoIn.length > 0) {
      const places = passage.alsoIn.flatMap((other, index) => [
        index > 0 ? "；" : "",
        element(
          "a",
          { href: urls.passage(other.doc, other) },
          `${other.title}，${passageName(ui.passage, other.type, other.number)}`,
        ),
      ]);
      item.append(element("small", { class: "also-in" }, ` ${ui.search.alsoIn} `, ...places));
    }
    list.append(item);
  }
  const when = group.date
    ? `${formatDateIn(document.documentElement.lang === "en" ? "en" : "zh-CN", group.date.value, group.date.precision)}${group.date.inferred ? ui.search.inferredMark : ""}`
    : ui.search.undated;
  return element(
    "section",
    {
      class: "result-group",
      "data-result-doc": group.doc,
      "data-result-count": String(group.passages.length),
      "data-result-year": yearKey(group),
      "data-result-date": group.date?.value ?? "",
    },
    element(
      "h2",
      {},
      element("a", { href: urls.speech(group.doc) }, group.title),
      " ",
      element("small", {}, ui.search.count(group.passages.length)),
    ),
    element(
      "p",
      { class: "result-meta" },
      [when, group.outlet].filter(Boolean).join(" · "),
      ...(group.status
        ? [
            " ",
            element(
              "a",
              {
                class: "review-status",
                "data-review-status": group.status,
                href: `${urls.about()}#status`,
                title: ui.review.descriptions[group.status],
              },
              ui.review.badge(ui.review.names[group.status]),
            ),
          ]
        : []),
    ),
    list,
  );
}

/** The time axis and the per-document distribution, in a disclosure that is open on wide screens. */
function distributions(view: ResultsView, outcome: SearchResults, request: SearchRequest): HTMLElement {
  const disclosure = element(
    "details",
    { class: "distributions" },
    element("summary", {}, view.ui.search.distributions),
    renderYears(view, outcome.years, request.mergeReprints, hasNearPair(outcome)),
    renderDistribution(view, outcome, request.sort),
    renderClusters(view, outcome),
  );
  disclosure.open = !matchMedia(NARROW_SCREEN).matches;
  return disclosure;
}

/**
 * Hits per year as a table: occurrences, occurrences per 10,000 characters
 * of the year's text (a bar, and the denominator in its own column),
 * passages and documents; a year filters the results to it. A year that is
 * only a lower bound (`2017+`) is marked as such. What is counted, and
 * whether reprints are merged, is said under it.
 */
function renderYears(view: ResultsView, years: readonly YearCount[], merged: boolean, near: boolean): HTMLElement {
  const { ui } = view;
  const columns = ui.search.yearColumns;
  const highest = Math.max(...years.map(perTenThousand));
  const rows = years.map((count) => {
    const name = yearLabel(count.year, ui.search);
    const rate = perTenThousand(count);
    const label = ui.search.yearBar(name, count.passages, count.documents);
    const control = count.year
      ? element("button", { type: "button", class: "year-filter", "aria-label": label }, name)
      : element("span", {}, name);
    if (count.year) control.addEventListener("click", () => view.onYear(count.year));
    return element(
      "tr",
      {
        "data-year-count": String(count.passages),
        "data-year-occurrences": String(count.occurrences),
        "data-year-characters": String(count.characters),
        "data-year": count.year,
      },
      element(
        "th",
        { scope: "row" },
        control,
        ...(isLowerBound(count.year) ? [element("span", { "data-year-uncertain": "", class: "uncertain" }, "*")] : []),
      ),
      element("td", { class: "number" }, String(count.occurrences)),
      element(
        "td",
        { class: "rate" },
        element("meter", { class: "bar", min: "0", max: String(highest || 1), value: String(rate) }),
        ` ${rate.toFixed(1)}`,
      ),
      element("td", { class: "number" }, String(count.passages)),
      element("td", { class: "number" }, String(count.documents)),
      element("td", { class: "number" }, count.characters.toLocaleString(document.documentElement.lang)),
    );
  });
  const uncertain = years.some((count) => isLowerBound(count.year));
  return element(
    "figure",
    { class: "distribution years" },
    element(
      "div",
      { class: "table-scroll" },
      element(
        "table",
        { class: "year-table" },
        element("caption", {}, ui.search.perYear),
        element(
          "thead",
          {},
          element(
            "tr",
            {},
            ...[
              columns.year,
              columns.occurrences,
              columns.rate,
              columns.passages,
              columns.documents,
              columns.characters,
            ].map((label) => element("th", { scope: "col" }, label)),
          ),
        ),
        element("tbody", {}, ...rows),
      ),
    ),
    element(
      "figcaption",
      {},
      ui.search.countsNote(merged, near),
      ...(uncertain ? [" ", element("span", { class: "uncertain-note" }, `* ${ui.search.lowerBoundNote}`)] : []),
    ),
  );
}

/**
 * Matching passages per document shown, as labelled bars with their figures
 * (the scale is that of every matching document), and the documents not yet
 * shown with their passages, in one line.
 */
function renderDistribution({ ui }: ResultsView, outcome: SearchResults, sort: SearchSort): HTMLElement {
  const most = Math.max(...outcome.documents.map((document) => document.passages));
  const rest = outcome.documents.slice(outcome.groups.length);
  // By date when the page is, otherwise by count, most first: a ranking order reads as neither.
  const groups =
    sort === "oldest" || sort === "newest"
      ? outcome.groups
      : [...outcome.groups].sort((a, b) => b.passages.length - a.passages.length);
  const rows = groups.map((group) =>
    element(
      "li",
      {},
      // Head and tail of the title: the tail tells two copies of one text apart.
      element("span", { class: "bar-label", title: group.title }, shortLabel(group.title, 20)),
      element("meter", { class: "bar", min: "0", max: String(most), value: String(group.passages.length) }),
      element("span", { class: "bar-count" }, String(group.passages.length)),
    ),
  );
  const restPassages = rest.reduce((sum, document) => sum + document.passages, 0);
  return element(
    "figure",
    { class: "distribution" },
    element("figcaption", {}, ui.search.distribution),
    element("ul", {}, ...rows),
    ...(rest.length > 0 && groups.length > 0
      ? [
          element(
            "p",
            { class: "distribution-rest", "data-rest-documents": String(rest.length) },
            ui.search.notShown(rest.length, restPassages),
          ),
        ]
      : []),
  );
}

/**
 * The export of every match of a search, pending documents loaded first: a
 * CSV link (`data-export-csv`), a JSON link and a copy button, in the order
 * `ordered` gives at the moment of the click (the order on screen), with
 * `width` characters of context. A failed load says so, with its files.
 *
 * `eager` loads every match at once (the concordance, which counts and
 * sorts them all, needs them anyway); otherwise nothing is loaded until the
 * reader asks for the CSV, whose first click loads and then downloads it,
 * so that a search's results cost only what they show.
 */
function renderExport(
  view: ResultsView,
  outcome: SearchResults,
  request: SearchRequest,
  width: () => number,
  ordered: (lines: ConcordanceLine[]) => ConcordanceLine[],
  { eager, onLoaded = () => undefined }: { eager: boolean; onLoaded?: (lines: number) => void },
): HTMLElement {
  const { ui, urls } = view;
  const strings = ui.search.kwic;
  const context: ExportContext = {
    locatorOf: (line) => passageName(ui.passage, line.type, line.number),
    urlOf: (line) => new URL(urls.passage(line.doc, line), location.href).href,
  };
  const csvLink = element("a", { "data-export-csv": "", class: "kwic-export" }, strings.export);
  const jsonLink = element("a", { "data-export-json": "", class: "kwic-export", hidden: "" }, strings.exportJson);
  const copy = element("button", { type: "button", class: "kwic-copy", disabled: "" }, strings.copy);
  let every: SearchResults | undefined;
  const lines = () => (every ? ordered(concordanceLines(every.groups, width(), request.scope)) : []);
  /** Points each link at the lines as they are ordered now, and gives their number; run again before each download. */
  const refresh = (): number => {
    for (const link of [csvLink, jsonLink]) if (link.href) URL.revokeObjectURL(link.href);
    const current = lines();
    csvLink.href = URL.createObjectURL(
      new Blob([concordanceCsv(current, context)], { type: "text/csv;charset=utf-8" }),
    );
    jsonLink.href = URL.createObjectURL(new Blob([concordanceJson(current, context)], { type: "application/json" }));
    csvLink.dataset["exportLines"] = String(current.length);
    return current.length;
  };
  let loading: Promise<boolean> | undefined;
  /** Loads every match once; resolves to whether the links are ready. */
  const prepare = (): Promise<boolean> =>
    (loading ??= view.loadAll(outcome).then(
      (all) => {
        every = all;
        const count = refresh();
        csvLink.download = "concordance.csv";
        jsonLink.download = "concordance.json";
        csvLink.removeAttribute("aria-disabled");
        csvLink.removeAttribute("role");
        csvLink.removeAttribute("tabindex");
        csvLink.textContent = strings.export;
        jsonLink.hidden = false;
        copy.disabled = false;
        // What is downloaded is what is on screen at the click: the order or width may have changed since.
        for (const link of [csvLink, jsonLink]) link.addEventListener("pointerdown", refresh);
        for (const link of [csvLink, jsonLink]) link.addEventListener("keydown", refresh);
        onLoaded(count);
        return true;
      },
      (error: unknown) => {
        // What is on screen stands; the export says it failed, and which files, and a new search retries.
        const files = failedFilesOf(error);
        csvLink.textContent = `${ui.search.exportFailed}${files ? `: ${files}` : ""}`;
        csvLink.dataset["exportFailed"] = "";
        csvLink.setAttribute("aria-disabled", "true");
        return false;
      },
    ));
  const copyLines = () =>
    void navigator.clipboard
      ?.writeText(concordanceCsv(lines(), context))
      .then(() => (copy.textContent = ui.copied))
      .catch(() => undefined);
  // Copying loads every match first if nothing has loaded them yet.
  copy.addEventListener("click", () => {
    if (every) copyLines();
    else void prepare().then((ready) => ready && copyLines());
  });
  if (eager) {
    csvLink.setAttribute("aria-disabled", "true");
    csvLink.textContent = strings.preparing;
    void prepare();
  } else {
    // Until loaded, the link is a button that loads every match, then downloads.
    copy.disabled = false;
    csvLink.setAttribute("role", "button");
    csvLink.setAttribute("tabindex", "0");
    const loadThenDownload = (event: Event) => {
      if (every) return;
      event.preventDefault();
      if (loading) return;
      csvLink.textContent = strings.preparing;
      csvLink.setAttribute("aria-disabled", "true");
      void prepare().then((ready) => {
        if (ready) csvLink.click();
      });
    };
    csvLink.addEventListener("click", loadThenDownload);
    csvLink.addEventListener("keydown", (event) => {
      if (!every && (event.key === "Enter" || event.key === " ")) loadThenDownload(event);
    });
  }
  return element("span", { class: "export-controls" }, csvLink, " ", jsonLink, " ", copy);
}

/**
 * The concordance of the results shown: a table, one line per match (a
 * term, a near pair with what lies between, or a sentence: the spans of
 * src/lib/search/match.ts), saying which,
 * left context aligned against the match, sortable by each column (the sort
 * in the address, `lines=`), with a context width; drawn a step of lines at
 * a time; and the export of every occurrence in the order shown.
 */
function renderConcordance(view: ResultsView, outcome: SearchResults, request: SearchRequest): HTMLElement {
  const { ui, urls } = view;
  const strings = ui.search.kwic;
  const width = element("input", {
    type: "number",
    min: "2",
    max: "60",
    value: String(DEFAULT_CONTEXT),
    class: "kwic-width",
  });
  const widthValue = () => Number(width.value) || DEFAULT_CONTEXT;
  const columns: [ConcordanceSort, string][] = [
    ["left", strings.left],
    ["match", strings.match],
    ["right", strings.right],
    ["date", strings.date],
    ["document", strings.document],
  ];
  let sort = request.lines;
  // Lines of every matching document, pending ones included, once they are loaded.
  let everyLine = 0;
  const head = element("tr", {});
  const body = element("tbody", {});
  const summary = element("p", { class: "kwic-summary" });
  // What a line is (src/lib/search/match.ts): a term's occurrence, or a longer span, which wraps in its column.
  const lineKind = request.scope === "sentence" ? "sentence" : hasNearPair(outcome) ? "near" : "terms";
  const countedAs = strings.countedAs[lineKind];
  const moreLines = element("button", { type: "button", class: "kwic-more", hidden: "" });
  // Lines drawn: a step at a time, so that the screen's work is bounded by what it shows.
  let drawn = CONCORDANCE_LINES_STEP;
  moreLines.addEventListener("click", () => {
    drawn += CONCORDANCE_LINES_STEP;
    draw();
  });
  const ordered = (lines: ConcordanceLine[]) => sortConcordance(lines, sort.by, sort.descending);
  const draw = () => {
    const lines = ordered(concordanceLines(outcome.groups, widthValue(), request.scope));
    const shown = lines.slice(0, drawn);
    const left = lines.length - shown.length;
    moreLines.hidden = left === 0;
    moreLines.textContent = strings.moreLines(Math.min(left, CONCORDANCE_LINES_STEP));
    head.replaceChildren(
      ...columns.map(([key, label]) => {
        const button = element(
          "button",
          { type: "button", class: "kwic-sort", "aria-label": strings.sortBy(label) },
          label,
        );
        button.addEventListener("click", () => {
          sort = { by: key, descending: sort.by === key ? !sort.descending : false };
          view.onLinesSort(sort);
          draw();
        });
        const direction = sort.by === key ? (sort.descending ? "descending" : "ascending") : "none";
        return element("th", { scope: "col", "aria-sort": direction, class: `kwic-${key}` }, button);
      }),
    );
    body.replaceChildren(
      ...shown.map((line) => {
        const locator = passageName(ui.passage, line.type, line.number);
        return element(
          "tr",
          { "data-kwic-line": "" },
          element("td", { class: "kwic-left" }, line.left),
          element(
            "td",
            { class: "kwic-match" },
            ...segmentNodes(keywordInContext(line.match, [[0, line.match.length]], 0, line.marks)),
          ),
          element("td", { class: "kwic-right" }, line.right),
          element("td", { class: "kwic-date" }, line.date),
          element(
            "td",
            { class: "kwic-document" },
            element(
              "a",
              { href: urls.passage(line.doc, line), title: line.title },
              `${shortLabel(line.title, 16)}，${locator}`,
            ),
          ),
        );
      }),
    );
    summary.textContent = `${strings.shown(shown.length, Math.max(lines.length, everyLine))}${countedAs}`;
  };
  width.addEventListener("input", draw);
  draw();
  const exports = renderExport(view, outcome, request, widthValue, ordered, {
    eager: true,
    onLoaded: (lines) => {
      everyLine = lines;
      draw();
    },
  });
  return element(
    "section",
    { class: "concordance" },
    element("p", { class: "kwic-controls" }, element("label", {}, `${strings.width} `, width), " ", exports),
    summary,
    element(
      "div",
      { class: "kwic-scroll" },
      element(
        "table",
        { class: lineKind === "terms" ? "kwic-table" : "kwic-table kwic-long" },
        element("caption", {}, strings.caption),
        element("thead", {}, head),
        body,
      ),
    ),
    moreLines,
  );
}

/**
 * The comparison the address asks for: per year, each query's hits and hits
 * per 10,000 characters (a bar), the year's characters; a query that failed
 * or has no results says so in its column's head. Exported as CSV.
 */
export function renderComparison(view: ResultsView, request: SearchRequest, outcomes: readonly unknown[]): HTMLElement {
  const { ui } = view;
  const strings = ui.search.compare;
  const series: CompareSeries[] = [];
  const heads: HTMLElement[] = [];
  request.compare.forEach((query, index) => {
    const outcome = outcomes[index] as SearchOutcome | Error | undefined;
    const results = outcome && !(outcome instanceof Error) && outcome.kind === "results" ? outcome : undefined;
    if (results) series.push({ query, years: results.years });
    heads.push(
      element(
        "th",
        {
          scope: "col",
          colspan: results ? "2" : "1",
          "data-compare-series": "",
          "data-compare-query": query,
          "data-compare-occurrences": String(results?.occurrences ?? ""),
        },
        results ? query : outcome instanceof Error ? strings.failed(query) : strings.notResults(query),
      ),
    );
  });
  const rows = compareRows(series);
  const highest = Math.max(1, ...rows.flatMap((row) => row.cells.map((cell) => cell.rate)));
  const csv = element("a", { class: "compare-export", download: "comparison.csv" }, strings.export);
  csv.href = URL.createObjectURL(new Blob([compareCsv(series)], { type: "text/csv;charset=utf-8" }));
  const clear = element("button", { type: "button", class: "compare-clear" }, strings.clear);
  clear.addEventListener("click", () => view.onCompare([]));
  return element(
    "section",
    { class: "compare", "aria-labelledby": "compare-title" },
    element("h2", { id: "compare-title" }, strings.title),
    element("p", {}, csv, " ", clear),
    element(
      "div",
      { class: "table-scroll" },
      element(
        "table",
        { class: "year-table compare-table" },
        element("caption", {}, strings.caption),
        element(
          "thead",
          {},
          element("tr", {}, element("th", { scope: "col" }, ui.search.yearColumns.year), ...heads),
          element(
            "tr",
            {},
            element("td", {}),
            ...series.flatMap(() => [
              element("th", { scope: "col" }, strings.occurrences),
              element("th", { scope: "col" }, strings.rate),
            ]),
          ),
        ),
        element(
          "tbody",
          {},
          ...rows.map((row) =>
            element(
              "tr",
              { "data-compare-year": row.year },
              element("th", { scope: "row" }, yearLabel(row.year, ui.search)),
              ...row.cells.flatMap((cell) => [
                element("td", { class: "number" }, String(cell.occurrences)),
                element(
                  "td",
                  { class: "rate" },
                  element("meter", { class: "bar", min: "0", max: String(highest), value: String(cell.rate) }),
                  ` ${cell.rate.toFixed(1)}`,
                ),
              ]),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Clusters shown on each side of the matches. */
const CLUSTERS_SHOWN = 12;

/**
 * The most frequent clusters left and right of the matches
 * (src/lib/search/clusters.ts), counted over every match once the reader
 * opens them (every document is loaded then), each a link to the search for
 * its phrase.
 */
function renderClusters(view: ResultsView, outcome: SearchResults): HTMLElement {
  const { ui, urls } = view;
  const strings = ui.search.clusters;
  const body = element("div", { class: "cluster-lists" }, element("p", {}, strings.counting));
  const disclosure = element(
    "details",
    { class: "clusters" },
    element("summary", {}, strings.title),
    body,
    element("p", { class: "cluster-note" }, strings.note),
  );
  const list = (side: ClusterSide, clusters: readonly Cluster[]) =>
    element(
      "figure",
      { class: "cluster-side" },
      element("figcaption", {}, side === "left" ? strings.left : strings.right),
      element(
        "ol",
        {},
        ...clusters
          .filter((cluster) => cluster.side === side)
          .slice(0, CLUSTERS_SHOWN)
          .map((cluster) => {
            const phrase = clusterPhrase(cluster);
            const [before, after] = side === "left" ? [cluster.text, cluster.match] : [cluster.match, cluster.text];
            return element(
              "li",
              { "data-cluster": cluster.text, "data-cluster-side": side, "data-cluster-count": String(cluster.count) },
              element(
                "a",
                { href: urls.search(phrase) },
                ...(side === "left" ? [element("b", {}, before), after] : [before, element("b", {}, after)]),
              ),
              " ",
              element("span", { class: "bar-count" }, strings.count(cluster.count)),
            );
          }),
      ),
    );
  disclosure.addEventListener(
    "toggle",
    () => {
      view.loadAll(outcome).then(
        (all) => {
          const clusters = clustersAround(all.groups.flatMap((group) => group.passages));
          body.replaceChildren(list("left", clusters), list("right", clusters));
        },
        (error: unknown) => {
          const files = failedFilesOf(error);
          body.replaceChildren(element("p", {}, `${strings.failed}${files ? `: ${files}` : ""}`));
        },
      );
    },
    { once: true },
  );
  return disclosure;
}

/** Links to the entities a query names: “术语：网络强国 — 57 段”. */
function renderEntities({ ui, urls }: ResultsView, entities: readonly SearchEntity[]): HTMLElement | undefined {
  if (entities.length === 0) return undefined;
  const href = (entity: SearchEntity) =>
    entity.kind === "term"
      ? urls.term(entity.id)
      : entity.kind === "principle-set"
        ? urls.principleSet(entity.id)
        : entity.kind === "milestone"
          ? urls.milestones(entity.id)
          : urls.principle(entity.set ?? "", entity.id);
  return element(
    "ul",
    { class: "entity-links", "data-entities": "" },
    ...entities.map((entity) =>
      element(
        "li",
        { "data-entity": `${entity.kind}:${entity.id}` },
        `${ui.search.entityKinds[entity.kind]}${ui.search.entitySeparator}`,
        element("a", { href: href(entity), lang: "zh-CN" }, entity.label),
        entity.english[0] ? ` (${entity.english[0]})` : "",
        ` — ${ui.search.entityPassages(entity.passages)}`,
      ),
    ),
  );
}
