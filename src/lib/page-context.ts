import { uiFor, type Locale, type UiStrings } from "../i18n/ui.ts";
import { localeOfParam, urlsFor, type SiteUrls } from "./urls.ts";

export interface PageContext {
  locale: Locale;
  /** The interface strings of the page's language. */
  t: UiStrings;
  /** URLs to pages in the page's language. */
  url: SiteUrls;
}

/** What every page and component needs to know about the page it renders: its language, strings and URLs. */
export function pageContext(params: Readonly<Record<string, string | undefined>>): PageContext {
  const locale = localeOfParam(params["lang"]);
  return { locale, t: uiFor(locale), url: urlsFor(locale) };
}
