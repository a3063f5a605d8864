export interface Phase<T> {
  lives: T[];
  wallMs: number;
  concurrency: number;
  livesPerSecond: number;
}

/**
 * Runs `count` lives, at most `concurrency` at a time; life `i` gets its own index so that it
 * can take its own prepared inputs. The first failure stops the phase.
 */
export async function runLives<T>(
  count: number,
  concurrency: number,
  life: (i: number) => Promise<T>,
): Promise<Phase<T>> {
  const lives: T[] = new Array(count);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (let i = next++; i < count; i = next++) lives[i] = await life(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const wallMs = performance.now() - started;
  return { lives, wallMs, concurrency, livesPerSecond: count / (wallMs / 1000) };
}
