/**
 * Geometry of a horizontal bar chart drawn as static SVG: one row per item,
 * bar lengths proportional to the values, in a fixed coordinate system that
 * the SVG's viewBox scales to any width.
 */
export interface Bar {
  label: string;
  value: number;
  /** Top of the row. */
  y: number;
  /** Length of the bar. */
  width: number;
}

export interface BarChart {
  bars: Bar[];
  /** Coordinate system: the viewBox is `0 0 width height`. */
  width: number;
  height: number;
  /** Where bars start (after the labels). */
  barX: number;
  rowHeight: number;
}

export const CHART_WIDTH = 640;
const LABEL_WIDTH = 260;
const VALUE_WIDTH = 48;
const ROW_HEIGHT = 28;

/** Lays out bars for `items`; the longest bar is the largest value, a zero value has no bar. */
export function layoutBars(items: readonly { label: string; value: number }[]): BarChart {
  const largest = Math.max(0, ...items.map((item) => item.value));
  const room = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  return {
    bars: items.map((item, index) => ({
      label: item.label,
      value: item.value,
      y: index * ROW_HEIGHT,
      width: largest > 0 ? Math.round((item.value / largest) * room * 10) / 10 : 0,
    })),
    width: CHART_WIDTH,
    height: items.length * ROW_HEIGHT,
    barX: LABEL_WIDTH,
    rowHeight: ROW_HEIGHT,
  };
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
