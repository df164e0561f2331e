import { marginLabel, passageName } from "../../lib/passage-numbers.ts";
import type { UiStrings } from "../../i18n/ui.ts";
import type { DocumentGroup, SearchOutcome, SearchResults } from "../../lib/search/engine.ts";
import { keywordInContext } from "../../lib/search/kwic.ts";
import type { SiteUrls } from "../../lib/urls.ts";
import { rememberHighlight } from "../highlight-store.ts";
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
}

/**
 * Renders an outcome: the status line, and for results the distribution,
 * the groups and, when documents are pending, a button that calls `onMore`.
 */
export function renderOutcome(view: ResultsView, outcome: SearchOutcome, query: string, onMore: () => void): void {
  const { ui, results, status, output } = view;
  output.replaceChildren();
  results.dataset["resultTotal"] = "0";
  if (outcome.kind === "empty") {
    status.textContent = query === "" ? ui.search.idle : ui.search.empty;
  } else if (outcome.kind === "too-long") {
    status.textContent = ui.search.tooLong(outcome.length, view.maxLength);
  } else if (outcome.total === 0) {
    status.textContent = ui.search.none(query.trim());
  } else {
    renderResults(view, outcome, query, onMore);
  }
}

function renderResults(view: ResultsView, outcome: SearchResults, query: string, onMore: () => void): void {
  const { ui, results, status, output } = view;
  results.dataset["resultTotal"] = String(outcome.total);
  status.textContent =
    ui.search.summary(outcome.total, outcome.groups.length) +
    (outcome.pending.length > 0 ? ui.search.pending(outcome.pending.length) : "");
  output.replaceChildren(
    renderDistribution(view, outcome.groups),
    ...outcome.groups.map((group) => renderGroup(view, group, query)),
  );
  if (outcome.pending.length === 0) return;
  const more = element("button", { type: "button", class: "more" }, ui.search.more(outcome.pending.length));
  more.addEventListener("click", () => {
    more.disabled = true;
    onMore();
  });
  output.append(element("p", {}, more));
}

/** One document's matching passages, each a keyword-in-context line linked to its paragraph. */
function renderGroup({ ui, urls }: ResultsView, group: DocumentGroup, query: string): HTMLElement {
  const list = element("ol", { class: "passages" });
  for (const passage of group.passages) {
    const href = urls.block(group.doc, passage.id);
    const line = element("a", { href, class: "kwic" });
    for (const segment of keywordInContext(passage.text, passage.occurrences)) {
      line.append(segment.marked ? element("mark", {}, segment.text) : segment.text);
    }
    line.addEventListener("click", () => rememberHighlight(query, passage.id));
    const label = marginLabel(passage.type, passage.number) || ui.passage.title;
    const name = passageName(ui.passage, passage.type, passage.number);
    list.append(
      element(
        "li",
        { "data-result": "" },
        element("a", { href, class: "permalink", "aria-label": `${ui.paragraphLink}：${name}` }, label),
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
      element("a", { href: urls.speech(group.doc) }, group.title),
      " ",
      element("small", {}, ui.search.count(group.passages.length)),
    ),
    list,
  );
}

/** Matching passages per document shown, as labelled bars with their figures. */
function renderDistribution({ ui }: ResultsView, groups: readonly DocumentGroup[]): HTMLElement {
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
