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
 * @example yearDistribution([{ year: "2023", passages: 2 }, { year: "2017", passages: 1 }, { year: "2023", passages: 1 }])
 * // [{ year: "2017", passages: 1, documents: 1 }, { year: "2023", passages: 3, documents: 2 }]
 */
export function yearDistribution(documents: readonly { year: string; passages: number }[]): YearCount[] {
  const counts = new Map<string, YearCount>();
  for (const document of documents) {
    const count = counts.get(document.year) ?? { year: document.year, passages: 0, documents: 0 };
    count.passages += document.passages;
    count.documents += 1;
    counts.set(document.year, count);
  }
  return [...counts.values()].sort((a, b) => (a.year === "" ? 1 : b.year === "" ? -1 : a.year.localeCompare(b.year)));
}
