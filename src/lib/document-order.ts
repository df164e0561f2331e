import type { DatePrecision } from "./dates.ts";

/** What a document's place in the corpus is decided by. */
export interface OrderKey {
  slug: string;
  /** The (stated or inferred) date, ISO at its precision. */
  date?: { value: string; precision: DatePrecision } | undefined;
  /** The editor's tie-breaker among documents of the same date: lower first, 0 when absent. */
  sequence?: number | undefined;
  /** The source file and the document's position in its editorial file: the last resort. */
  source: string;
  position: number;
}

/**
 * The corpus order: by (stated or inferred) date, oldest first. A date known
 * less precisely sorts before the more precise dates it covers (2023 before
 * 2023-07 before 2023-07-15); of two equal dates, the exact one before one
 * that is a lower bound (`after`); undated documents last. Documents of the
 * same date follow the editor's `sequence`, then their source file and their
 * place in its editorial data, so the order never depends on anything else.
 */
export function compareDocuments(a: OrderKey, b: OrderKey): number {
  if (!a.date || !b.date) {
    if (a.date || b.date) return a.date ? -1 : 1;
  } else {
    const byDate = a.date.value.localeCompare(b.date.value);
    if (byDate !== 0) return byDate;
    const lowerBound = Number(a.date.precision === "after") - Number(b.date.precision === "after");
    if (lowerBound !== 0) return lowerBound;
  }
  return (
    (a.sequence ?? 0) - (b.sequence ?? 0) ||
    a.source.localeCompare(b.source) ||
    a.position - b.position ||
    a.slug.localeCompare(b.slug)
  );
}
