/**
 * Builds an element with attributes and children. Children are nodes or
 * strings, and strings become text nodes: nothing given here is ever parsed
 * as HTML, so search data cannot inject markup.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
