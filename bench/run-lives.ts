import type { PhaseResult } from './report';
import { summarizeSteps } from './stats';

export interface Phase<T> {
  lives: T[];
  concurrency: number;
  wallMs: number;
  livesPerSecond: number;
  /** CPU time of this process (API, worker, driver) per life; the Temporal server is another process. */
  cpuMsPerLife: number;
}

/**
 * Runs `count` lives, at most `concurrency` at a time, each started as soon as a lane is free.
 * The first failure fails the phase.
 */
export async function runLives<T>(
  count: number,
  concurrency: number,
  life: () => Promise<T>,
): Promise<Phase<T>> {
  const lives: T[] = [];
  let started = 0;
  const lane = async () => {
    while (started < count) {
      started++;
      lives.push(await life());
    }
  };
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const wallMs = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu);
  return {
    lives,
    concurrency,
    wallMs,
    livesPerSecond: count / (wallMs / 1000),
    cpuMsPerLife: (user + system) / 1000 / Math.max(1, count),
  };
}

/** A phase as reported: throughput, CPU and each step's latency summary. */
export function phaseResult<K extends string>(
  phase: Phase<Record<K, number>>,
  steps: readonly K[],
): PhaseResult {
  const { lives, ...rest } = phase;
  return { ...rest, lives: lives.length, steps: summarizeSteps(lives, steps) };
}
