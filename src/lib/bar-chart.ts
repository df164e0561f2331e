/**
 * A horizontal bar chart: one row per item, each bar's length a share of the
 * longest. The page lays the rows out in HTML, so labels keep the text's size
 * at any width; only the bars are drawn (a share of a scalable SVG).
 */
export interface Bar {
  label: string;
  value: number;
  /** The bar's length as a share of the longest bar, from 0 to 1 (three decimals). */
  share: number;
}

/** The bars for `items`: the largest value has the longest bar (1), a zero value none. */
export function layoutBars(items: readonly { label: string; value: number }[]): Bar[] {
  const largest = Math.max(0, ...items.map((item) => item.value));
  return items.map((item) => ({
    label: item.label,
    value: item.value,
    share: largest > 0 ? Math.round((item.value / largest) * 1000) / 1000 : 0,
  }));
}

/**
 * A label shortened to at most `length` characters by cutting its middle, so
 * that labels differing only at the end (材料 1, 材料 2) stay distinct.
 *
 * @example shortLabel("向着网络强国阔步迈进——党的十八大以来我国网信事业发展综述（材料 2）", 16) // "向着网络强国阔步迈…综述（材料 2）"
 */
export function shortLabel(text: string, length: number): string {
  const characters = [...text];
  if (characters.length <= length) return text;
  const tail = Math.floor((length - 1) / 2);
  const head = length - 1 - tail;
  return `${characters.slice(0, head).join("")}…${characters.slice(-tail).join("")}`;
}
