import { registrationWorkflowId } from '../workflows/registration/messages';
import { type Account, REVIEWERS } from './accounts';
import { countingQueries } from './count-queries';
import { type HistoryFacts, historyFacts } from './history';
import type { BenchOptions } from './options';
import {
  type Applicant,
  loginReviewer,
  PRODUCT_STEPS,
  type ProductLife,
  prepareApplicant,
  productLife,
} from './product-life';
import { profiled } from './profile';
import type { BenchResult } from './report';
import { phaseResult, runLives } from './run-lives';
import { summarize } from './stats';

/** Signs every applicant in and uploads their documents, one after another, timing each upload. */
async function prepareApplicants(baseUrl: string, accounts: Account[]) {
  const applicants: Applicant[] = [];
  const perFile: number[] = [];
  const perApplicant: number[] = [];
  for (const account of accounts) {
    const { applicant, uploadMs } = await prepareApplicant(baseUrl, account);
    applicants.push(applicant);
    perFile.push(...uploadMs);
    perApplicant.push(uploadMs.reduce((a, b) => a + b, 0));
  }
  const uploads = {
    files: perFile.length / Math.max(1, accounts.length),
    perFile: summarize(perFile),
    perApplicant: summarize(perApplicant),
  };
  return { applicants, uploads };
}

/** History length and per-activity time of each life, summarized over the lives. */
async function histories(client: Parameters<typeof historyFacts>[0], lives: ProductLife[]) {
  const facts: HistoryFacts[] = [];
  for (const l of lives)
    facts.push(await historyFacts(client, registrationWorkflowId(l.registrationId)));
  const types = [...new Set(facts.flatMap((f) => Object.keys(f.activityMs)))];
  const activityMsPerLife = Object.fromEntries(
    types.map((t) => [t, summarize(facts.map((f) => f.activityMs[t] ?? 0))]),
  );
  return {
    historyEvents: summarize(facts.map((f) => f.events)).p50,
    localActivitiesPerLife: summarize(facts.map((f) => f.localActivities)).p50,
    activityMsPerLife,
  };
}

/** The product over HTTP: warm-up, concurrency 1, concurrency N; each life its own applicant. */
export async function measureProduct(
  product: { baseUrl: string; client: Parameters<typeof historyFacts>[0] },
  accounts: Account[],
  o: BenchOptions,
): Promise<{ product: BenchResult['product']; uploads: BenchResult['uploads'] }> {
  const { applicants, uploads } = await prepareApplicants(product.baseUrl, accounts);
  const [r1, r2] = await Promise.all(REVIEWERS.map((r) => loginReviewer(product.baseUrl, r)));
  if (!r1 || !r2) throw new Error('reviewers could not sign in');
  const life = () => {
    const applicant = applicants.shift();
    if (!applicant) throw new Error('more lives than prepared applicants');
    return productLife(applicant, [r1, r2], o.pollMs);
  };
  await runLives(o.warmup, 1, life);
  const counted = await countingQueries(() => profiled(o.profile, () => runLives(o.n, 1, life)));
  const single = counted.result;
  const concurrent = await runLives(o.n, o.concurrency, life);
  return {
    uploads,
    product: {
      single: phaseResult(single, PRODUCT_STEPS),
      sqlPerLife: {
        total: counted.queries / o.n,
        byStatement: Object.fromEntries(
          Object.entries(counted.byStatement).map(([k, v]) => [k, v / o.n]),
        ),
      },
      concurrent: phaseResult(concurrent, PRODUCT_STEPS),
      ...(await histories(product.client, single.lives)),
    },
  };
}
