import { shortLabel } from "../../lib/bar-chart.ts";
import { formatDateIn } from "../../lib/dates.ts";
import { marginLabel, passageAnchor, passageName } from "../../lib/passage-numbers.ts";
import type { SearchRequest } from "../../lib/search/address.ts";
import {
  concordanceCsv,
  CONCORDANCE_LINES_STEP,
  concordanceLines,
  DEFAULT_CONTEXT,
  sortConcordance,
  type ConcordanceLine,
  type ConcordanceSort,
} from "../../lib/search/concordance.ts";
import type { YearCount } from "../../lib/search/distribution.ts";
import type { SearchEntity } from "../../lib/search/entities.ts";
import { NARROW_SCREEN } from "../../lib/search/dom.ts";
import type { UiStrings } from "../../i18n/ui.ts";
import type { DocumentGroup, SearchOutcome, SearchResults } from "../../lib/search/engine.ts";
import { SearchFailure } from "../../lib/search/session.ts";
import { keywordInContext } from "../../lib/search/kwic.ts";
import type { SiteUrls } from "../../lib/urls.ts";
import { rememberHighlight } from "../highlight-store.ts";
import { holdsInvisible } from "../../lib/search/normalize.ts";
import { element } from "./element.ts";

/** Where results are rendered, and in which language. */
export interface ResultsView {
  ui: UiStrings;
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
  results.dataset["resultTotal"] = "0";
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
  status.textContent =
    ui.search.summary(outcome.total, outcome.documents.length) +
    (outcome.pending.length > 0 ? ui.search.pending(outcome.pending.length) : "");
  output.replaceChildren(
    distributions(view, outcome),
    ...(request.view === "kwic"
      ? [renderConcordance(view, outcome)]
      : outcome.groups.map((group) => renderGroup(view, group, query))),
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

/** One document's matching passages, each a keyword-in-context line linked to its paragraph. */
function renderGroup({ ui, urls }: ResultsView, group: DocumentGroup, query: string): HTMLElement {
  const list = element("ol", { class: "passages" });
  for (const passage of group.passages) {
    const href = urls.passage(group.doc, passage);
    const line = element("a", { href, class: "kwic" });
    for (const segment of keywordInContext(passage.text, passage.occurrences)) {
      line.append(segment.marked ? element("mark", {}, segment.text) : segment.text);
    }
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
      "data-result-year": group.year,
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
function distributions(view: ResultsView, outcome: SearchResults): HTMLElement {
  const disclosure = element(
    "details",
    { class: "distributions" },
    element("summary", {}, view.ui.search.distributions),
    renderYears(view, outcome.years),
    renderDistribution(view, outcome),
  );
  disclosure.open = !matchMedia(NARROW_SCREEN).matches;
  return disclosure;
}

/** Matching passages and documents per year, as bars with their figures; a year's bar filters to it. */
function renderYears(view: ResultsView, years: readonly YearCount[]): HTMLElement {
  const { ui } = view;
  const most = Math.max(...years.map((year) => year.passages));
  const rows = years.map((count) => {
    const label = ui.search.yearBar(count.year || ui.search.undated, count.passages, count.documents);
    const bar = element("meter", { class: "bar", min: "0", max: String(most), value: String(count.passages) });
    const name = count.year || ui.search.undated;
    const control = count.year
      ? element("button", { type: "button", class: "bar-label year-filter", "aria-label": label }, name)
      : element("span", { class: "bar-label" }, name);
    if (count.year) control.addEventListener("click", () => view.onYear(count.year));
    return element(
      "li",
      { "data-year-count": String(count.passages), "data-year": count.year },
      control,
      bar,
      element("span", { class: "bar-count" }, `${count.passages} / ${count.documents}`),
    );
  });
  return element(
    "figure",
    { class: "distribution years" },
    element("figcaption", {}, ui.search.perYear),
    element("ul", {}, ...rows),
  );
}

/**
 * Matching passages per document shown, as labelled bars with their figures
 * (the scale is that of every matching document), and the documents not yet
 * shown with their passages, in one line.
 */
function renderDistribution({ ui }: ResultsView, outcome: SearchResults): HTMLElement {
  const { groups } = outcome;
  const most = Math.max(...outcome.documents.map((document) => document.passages));
  const rest = outcome.documents.slice(groups.length);
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
 * The concordance of the results shown: a table, one line per occurrence,
 * left context aligned against the match, sortable by each column, with a
 * context width; an export link (`data-export-csv`) and a copy button for
 * every occurrence of the search, pending documents loaded first.
 */
function renderConcordance(view: ResultsView, outcome: SearchResults): HTMLElement {
  const { ui, urls } = view;
  const strings = ui.search.kwic;
  const width = element("input", {
    type: "number",
    min: "2",
    max: "60",
    value: String(DEFAULT_CONTEXT),
    class: "kwic-width",
  });
  const columns: [ConcordanceSort, string][] = [
    ["left", strings.left],
    ["match", strings.match],
    ["right", strings.right],
    ["date", strings.date],
    ["document", strings.document],
  ];
  let sort: { by: ConcordanceSort; descending: boolean } = { by: "document", descending: false };
  // Occurrences in every matching document, pending ones included, once they are loaded.
  let everyOccurrence = 0;
  const head = element("tr", {});
  const body = element("tbody", {});
  const summary = element("p", { class: "kwic-summary" });
  const moreLines = element("button", { type: "button", class: "kwic-more", hidden: "" });
  // Lines drawn: a step at a time, so that the screen's work is bounded by what it shows.
  let drawn = CONCORDANCE_LINES_STEP;
  moreLines.addEventListener("click", () => {
    drawn += CONCORDANCE_LINES_STEP;
    draw();
  });
  const absolute = (line: ConcordanceLine) => new URL(urls.passage(line.doc, line), location.href).href;
  const draw = () => {
    const lines = sortConcordance(
      concordanceLines(outcome.groups, Number(width.value) || DEFAULT_CONTEXT),
      sort.by,
      sort.descending,
    );
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
          draw();
        });
        const direction = sort.by === key ? (sort.descending ? "descending" : "ascending") : "none";
        return element("th", { scope: "col", "aria-sort": direction, class: `kwic-${key}` }, button);
      }),
    );
    body.replaceChildren(
      ...shown.map((line) =>
        element(
          "tr",
          { "data-kwic-line": "" },
          element("td", { class: "kwic-left" }, line.left),
          element("td", { class: "kwic-match" }, element("mark", {}, line.match)),
          element("td", { class: "kwic-right" }, line.right),
          element("td", { class: "kwic-date" }, line.date),
          element(
            "td",
            { class: "kwic-document" },
            element(
              "a",
              { href: urls.passage(line.doc, line) },
              `${shortLabel(line.title, 16)}，${passageName(ui.passage, line.type, line.number)}`,
            ),
          ),
        ),
      ),
    );
    summary.textContent = strings.shown(shown.length, Math.max(lines.length, everyOccurrence));
  };
  width.addEventListener("input", draw);
  draw();

  const exportLink = element(
    "a",
    { "data-export-csv": "", class: "kwic-export", "aria-disabled": "true" },
    strings.preparing,
  );
  const copy = element("button", { type: "button", class: "kwic-copy", disabled: "" }, strings.copy);
  view.loadAll(outcome).then(
    (all) => {
      const every = concordanceLines(all.groups, Number(width.value) || DEFAULT_CONTEXT);
      const csv = concordanceCsv(sortConcordance(every, "document"), absolute);
      exportLink.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      exportLink.download = "concordance.csv";
      exportLink.removeAttribute("aria-disabled");
      exportLink.textContent = strings.export;
      everyOccurrence = every.length;
      exportLink.dataset["exportLines"] = String(everyOccurrence);
      draw();
      copy.disabled = false;
      copy.addEventListener("click", () => {
        void navigator.clipboard
          ?.writeText(csv)
          .then(() => (copy.textContent = ui.blockNotes.copied))
          .catch(() => undefined);
      });
    },
    (error: unknown) => {
      // The concordance on screen stands; the export says it failed, and which files, and a new search retries.
      const files = failedFilesOf(error);
      exportLink.textContent = `${ui.search.exportFailed}${files ? `: ${files}` : ""}`;
      exportLink.dataset["exportFailed"] = "";
    },
  );
  return element(
    "section",
    { class: "concordance" },
    element(
      "p",
      { class: "kwic-controls" },
      element("label", {}, `${strings.width} `, width),
      " ",
      exportLink,
      " ",
      copy,
    ),
    summary,
    element(
      "div",
      { class: "kwic-scroll" },
      element(
        "table",
        { class: "kwic-table" },
        element("caption", {}, strings.caption),
        element("thead", {}, head),
        body,
      ),
    ),
    moreLines,
  );
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
