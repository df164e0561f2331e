/**
 * The link to the same page in the other interface language keeps what the
 * reader has open: the query and filters of a search (`?q=…`) and the
 * passage in view (`#p12`). The link is built at build time without them,
 * so it still leads to the right page without JavaScript.
 */
export function keepStateOnLanguageSwitch(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>(".site-settings a[hreflang]")) {
    link.addEventListener("click", () => {
      const target = new URL(link.href);
      target.search = location.search;
      target.hash = location.hash;
      link.href = target.href;
    });
  }
}
