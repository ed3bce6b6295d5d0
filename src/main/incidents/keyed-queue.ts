/**
 * Runs tasks one after another per key, in call order, and tasks of different keys freely.
 *
 * The incident store queues every write of an incident on its id, so two quick saves of the
 * same incident never interleave (each reads the file the previous one wrote) and the last call
 * is the last write, while saving one incident never waits for another.
 */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued before it on `key`, whether they succeeded or failed. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    // Forget a key once its queue is empty, so the map does not grow with every incident ever saved.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** How many keys have work queued or running (for tests). */
  get size(): number {
    return this.#tails.size;
  }
}
