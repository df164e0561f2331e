import type { DocumentDate } from "../../schemas/passage.ts";

/**
 * The year a document is counted in: its year (that of its stated or
 * inferred date); a date that is only a lower bound ("2017年以后") has a year
 * of its own, `2017+`, so that it is never counted silently in 2017; "" for
 * an undated document.
 */
export function yearKey({ year, date }: { year: string; date?: Pick<DocumentDate, "precision"> | undefined }): string {
  return year && date?.precision === "after" ? `${year}+` : year;
}

/** Whether a year key stands for a date that is only a lower bound (yearKey). */
export const isLowerBound = (year: string) => year.endsWith("+");

/** The calendar year of a year key ("2017+" → "2017"). */
export const yearOfKey = (year: string) => year.replace(/\+$/, "");

/** A year key as a reader reads it: the year, a lower bound in words ("2017年以后"), or the word for undated. */
export function yearLabel(year: string, words: { undated: string; lowerBound(year: string): string }): string {
  if (year === "") return words.undated;
  return isLowerBound(year) ? words.lowerBound(yearOfKey(year)) : year;
}

/** Matching passages, documents and hits in one year, and how much text the year has. */
export interface YearCount {
  /** The year key (yearKey) of the documents' dates; "" for undated documents. */
  year: string;
  passages: number;
  documents: number;
  /** Hits (src/lib/search/match.ts) in the year's matching passages. */
  occurrences: number;
  /** Normalised characters of all the year's documents, matching or not: the denominator of a rate. */
  characters: number;
}

/** Hits per 10,000 characters of the year's text, or 0 for a year without text. */
export const perTenThousand = (count: YearCount) =>
  count.characters > 0 ? (count.occurrences * 10_000) / count.characters : 0;

/**
 * The results per year, oldest first, a lower bound after its year,
 * undated documents last: what the search page's time axis shows. `index`
 * gives the characters of each year's text (IndexManifest: `years` and
 * `yearCharacters` in the same order).
 *
 * @example yearDistribution([{ year: "2023", passages: 2, occurrences: 3 }, { year: "2017", passages: 1, occurrences: 1 }], { years: ["2017", "2023"], yearCharacters: [100, 400] })
 * // [{ year: "2017", passages: 1, documents: 1, occurrences: 1, characters: 100 }, { year: "2023", passages: 2, documents: 1, occurrences: 3, characters: 400 }]
 */
export function yearDistribution(
  documents: readonly { year: string; passages: number; occurrences: number }[],
  index: { years: readonly string[]; yearCharacters: readonly number[] },
): YearCount[] {
  const characters = new Map(index.years.map((year, position) => [year, index.yearCharacters[position] ?? 0]));
  const counts = new Map<string, YearCount>();
  for (const document of documents) {
    const count = counts.get(document.year) ?? {
      year: document.year,
      passages: 0,
      documents: 0,
      occurrences: 0,
      characters: characters.get(document.year) ?? 0,
    };
    count.passages += document.passages;
    count.occurrences += document.occurrences;
    count.documents += 1;
    counts.set(document.year, count);
  }
  return [...counts.values()].sort((a, b) => (a.year === "" ? 1 : b.year === "" ? -1 : a.year.localeCompare(b.year)));
}
