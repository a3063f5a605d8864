/**
 * Serialises handlers that await activities, so that a timer and an Update, or two Updates,
 * never interleave their side effects. Plain promises: deterministic in the workflow sandbox.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
