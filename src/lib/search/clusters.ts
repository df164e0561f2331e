/**
 * Clusters around the matches of a search, as corpus tools give them
 * (AntConc's clusters, without word segmentation): the strings of two to
 * four characters that stand immediately left and right of the matches,
 * with how often each does. Read in the normalised text, as the search
 * matches; a string with a character other than a letter or a digit
 * (punctuation, a symbol) is no cluster, since it crosses a phrase's edge.
 */
import type { Range } from "./kwic.ts";
import { firstAtLeast } from "./match.ts";
import { normalizeWithOrigin } from "./normalize.ts";

export type ClusterSide = "left" | "right";

export interface Cluster {
  side: ClusterSide;
  /** The cluster's characters (normalised). */
  text: string;
  /** The match it stands beside (normalised). */
  match: string;
  /** How many matches it stands beside. */
  count: number;
}

/** Lengths of cluster the search page gives, in characters. */
export const CLUSTER_LENGTHS = [2, 3, 4] as const;

const wordCharacters = /^[\p{L}\p{N}]+$/u;

/** The phrase a cluster forms with its match, which the page searches for when the cluster is followed. */
export const clusterPhrase = (cluster: Pick<Cluster, "side" | "text" | "match">) =>
  cluster.side === "left" ? `${cluster.text}${cluster.match}` : `${cluster.match}${cluster.text}`;

/**
 * Every cluster of the given lengths beside the occurrences (ranges of the
 * original text, as the results mark them) of the passages, with its count;
 * most frequent first, then the longer, then in code point order.
 */
export function clustersAround(
  passages: readonly { text: string; occurrences: readonly Range[] }[],
  lengths: readonly number[] = CLUSTER_LENGTHS,
): Cluster[] {
  const counts = new Map<string, Cluster>();
  const add = (side: ClusterSide, text: string, match: string) => {
    if (!wordCharacters.test(text)) return;
    const key = `${side}\u0000${text}\u0000${match}`;
    const found = counts.get(key);
    if (found) found.count += 1;
    else counts.set(key, { side, text, match, count: 1 });
  };
  for (const passage of passages) {
    const { text: normalized, origin } = normalizeWithOrigin(passage.text);
    /** The first normalised character at or after the original index (origins ascend). */
    const normalizedAt = (index: number) => firstAtLeast(origin, index);
    for (const [start, end] of passage.occurrences) {
      const from = normalizedAt(start);
      const to = normalizedAt(end);
      const match = normalized.slice(from, to);
      for (const length of lengths) {
        if (from >= length) add("left", normalized.slice(from - length, from), match);
        if (to + length <= normalized.length) add("right", normalized.slice(to, to + length), match);
      }
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      b.count - a.count ||
      b.text.length - a.text.length ||
      (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) ||
      (a.match < b.match ? -1 : a.match > b.match ? 1 : 0),
  );
}
