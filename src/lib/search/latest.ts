/**
 * A guard against stale results: each search takes a ticket, and only the
 * holder of the latest ticket may render. A slow search that ends after a
 * newer one started is dropped.
 */
export interface LatestOnly {
  /** A ticket for a new search; every earlier ticket is now stale. */
  take(): number;
  isLatest(ticket: number): boolean;
}

export function latestOnly(): LatestOnly {
  let latest = 0;
  return {
    take: () => (latest += 1),
    isLatest: (ticket) => ticket === latest,
  };
}
