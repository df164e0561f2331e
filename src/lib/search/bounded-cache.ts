/**
 * A cache that keeps the values most recently asked for while their sizes sum
 * to at most `capacity`, dropping the least recently used first. A value
 * larger than the capacity is made and returned but not kept. Sizes are given
 * after a value is made, so a pending value (a promise) is kept at size 0,
 * and never dropped, until `resize` tells its size.
 *
 * Small enough to ship to the browser in the search script, where a library
 * would add to the first query's bytes.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, { value: V; size: number }>();
  #size = 0;

  constructor(readonly capacity: number) {}

  /** The value kept for `key`, made by `make` (and kept) if there is none. */
  get(key: K, make: () => V): V {
    const kept = this.#entries.get(key);
    if (kept) {
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return kept.value;
    }
    const value = make();
    this.#entries.set(key, { value, size: 0 });
    return value;
  }

  /**
   * The promise kept for `key`, or the one `make` starts: kept at size 0
   * while pending, then at `sizeOf` its value; forgotten if it rejects, so
   * that the next ask makes it again.
   */
  getSettled<T>(
    this: BoundedCache<K, Promise<T>>,
    key: K,
    make: () => Promise<T>,
    sizeOf: (value: T) => number,
  ): Promise<T> {
    return this.get(key, () => {
      const made = make();
      made.then(
        (value) => this.resize(key, sizeOf(value)),
        () => this.delete(key),
      );
      return made;
    });
  }

  /** Records the size of the value kept for `key`, dropping the oldest values until all fit. */
  resize(key: K, size: number): void {
    const kept = this.#entries.get(key);
    if (!kept) return;
    this.#size += size - kept.size;
    kept.size = size;
    if (size > this.capacity) this.delete(key);
    // Oldest first; a pending value (size 0) frees nothing, so it stays.
    for (const [oldest, entry] of this.#entries) {
      if (this.#size <= this.capacity) break;
      if (entry.size > 0) this.delete(oldest);
    }
  }

  /** Forgets the value for `key` (a failed load, so that it is tried again). */
  delete(key: K): void {
    const kept = this.#entries.get(key);
    if (!kept) return;
    this.#size -= kept.size;
    this.#entries.delete(key);
  }

  /** The sum of the sizes of the values kept. */
  get size(): number {
    return this.#size;
  }

  has(key: K): boolean {
    return this.#entries.has(key);
  }
}
