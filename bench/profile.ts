import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * `--profile <file>`: a V8 CPU profile of this process (API, worker, driver) over one phase, to
 * open in Chrome DevTools or any .cpuprofile viewer. Without the option it costs nothing.
 */
export async function profiled<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!file) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
