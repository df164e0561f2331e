import type { DocumentGroup } from "./engine.ts";

/** Matching passages and documents in one year. */
export interface YearCount {
  /** The year of the documents' (stated or inferred) dates; "" for undated documents. */
  year: string;
  passages: number;
  documents: number;
}

/**
 * The results per year, oldest first, undated documents last: what the
 * search page's time axis shows.
 *
 * @example yearDistribution([{ year: "2023", passages: [a, b] }, { year: "2017", passages: [c] }, { year: "2023", passages: [d] }])
 * // [{ year: "2017", passages: 1, documents: 1 }, { year: "2023", passages: 3, documents: 2 }]
 */
export function yearDistribution(groups: readonly Pick<DocumentGroup, "year" | "passages">[]): YearCount[] {
  const counts = new Map<string, YearCount>();
  for (const group of groups) {
    const count = counts.get(group.year) ?? { year: group.year, passages: 0, documents: 0 };
    count.passages += group.passages.length;
    count.documents += 1;
    counts.set(group.year, count);
  }
  return [...counts.values()].sort((a, b) => (a.year === "" ? 1 : b.year === "" ? -1 : a.year.localeCompare(b.year)));
}
