/**
 * Several queries over time, side by side: for each year any of them has a
 * hit in, each query's hits and hits per 10,000 characters of that year's
 * text (the same denominator for every query), as a table and as CSV.
 */
import { csvField } from "./concordance.ts";
import { perTenThousand, type YearCount } from "./distribution.ts";

/** One query's results per year (SearchResults.years). */
export interface CompareSeries {
  query: string;
  years: readonly YearCount[];
}

export interface CompareRow {
  /** The year key (src/lib/search/distribution.ts): `2017+` a lower bound, "" undated. */
  year: string;
  /** Normalised characters of the year's documents. */
  characters: number;
  /** Per query, in the order asked: its hits and hits per 10,000 characters. */
  cells: { occurrences: number; rate: number }[];
}

/** The years in the order the year chart gives them (oldest first, a lower bound after its year, undated last). */
const byYear = (a: string, b: string) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b));

/** Every year any series has a hit in, with each series' figures there (0 where it has none). */
export function compareRows(series: readonly CompareSeries[]): CompareRow[] {
  const characters = new Map<string, number>();
  for (const { years } of series) for (const count of years) characters.set(count.year, count.characters);
  return [...characters.keys()].sort(byYear).map((year) => ({
    year,
    characters: characters.get(year) ?? 0,
    cells: series.map(({ years }) => {
      const count = years.find((each) => each.year === year);
      return { occurrences: count?.occurrences ?? 0, rate: count ? perTenThousand(count) : 0 };
    }),
  }));
}

/** The table as CSV (UTF-8 with a byte-order mark, CRLF): year, the year's characters, then per query its hits and rate. */
export function compareCsv(series: readonly CompareSeries[]): string {
  const header = [
    "year",
    "characters",
    ...series.flatMap(({ query }) => [`${query} occurrences`, `${query} per 10000 characters`]),
  ];
  const rows = compareRows(series).map((row) => [
    row.year,
    String(row.characters),
    ...row.cells.flatMap((cell) => [String(cell.occurrences), cell.rate.toFixed(2)]),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
