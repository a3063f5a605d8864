import type { Client } from '@temporalio/client';
import { BASELINE_STEPS, baselineLife } from './baseline';
import { historyFacts } from './history';
import type { BenchOptions } from './options';
import type { PathResult } from './report';
import { phaseResult, runLives } from './run-lives';
import { summarize } from './stats';

/** The bare Temporal client on the baseline workflow: warm-up, concurrency 1, concurrency N. */
export async function measureBaseline(
  client: Client,
  taskQueue: string,
  o: BenchOptions,
): Promise<PathResult> {
  const life = () => baselineLife(client, taskQueue);
  await runLives(o.warmup, 1, life);
  const single = await runLives(o.n, 1, life);
  const concurrent = await runLives(o.n, o.concurrency, life);
  const events: number[] = [];
  for (const l of single.lives) events.push((await historyFacts(client, l.workflowId)).events);
  return {
    single: phaseResult(single, BASELINE_STEPS),
    concurrent: phaseResult(concurrent, BASELINE_STEPS),
    historyEvents: summarize(events).p50,
  };
}
