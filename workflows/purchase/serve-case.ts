import {
  allHandlersFinished,
  condition,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { MZ_PROCESS, MZ_STATUS } from '../search-attributes';
import { actionOffer } from '../shared/action';
import { UpdateServer } from '../shared/serve';
import type { UpdateTable } from './actions';
import type { Effect } from './effects';
import * as evaluation from './evaluation';
import * as m from './messages';
import * as procurement from './procurement';
import { runEffects } from './run-effects';
import type { ActionDef, PurchaseState } from './state';
import { buildView } from './view';

/** The one timer that matters now: the response window, or the end of an unchallenged publicity. */
function nextTimer(
  s: PurchaseState,
): { at: number; fire: (s: PurchaseState, now: number) => Effect[] } | null {
  if (s.status === 'tendering' && s.notice) {
    return { at: Date.parse(s.notice.closesAt), fire: procurement.closeWindow };
  }
  if (s.status === 'publicity' && s.publicity && !evaluation.openChallenges(s)) {
    return { at: Date.parse(s.publicity.endsAt), fire: evaluation.confirmAward };
  }
  return null;
}

export function publishStatus(s: PurchaseState): void {
  upsertSearchAttributes([
    { key: MZ_PROCESS, value: 'purchase' },
    { key: MZ_STATUS, value: s.status },
  ]);
}

/**
 * Serves the Updates of one stage of a project until `done` holds (→ 'done') or the history
 * should continue as new (→ 'continue'). Each Update applies due timers first, is checked by
 * its validator, then changes the state and runs its effects under one lock.
 */
export async function serveCase(
  s: PurchaseState,
  updates: UpdateTable,
  done: (s: PurchaseState) => boolean,
  opts: {
    /** Runs after an Update's effects, inside the same handler (e.g. starting a child). */
    afterChange?: (s: PurchaseState) => Promise<void>;
    /** Runs once the handlers are in place, so no early Update finds none. */
    onStart?: (s: PurchaseState) => Promise<void>;
  } = {},
): Promise<'done' | 'continue'> {
  const { afterChange, onStart } = opts;
  const catchUp = async () => {
    for (let t = nextTimer(s); t && t.at <= Date.now(); t = nextTimer(s)) {
      const effects = t.fire(s, Date.now());
      await runEffects(s, effects, `t${s.trail.length}`, Date.now());
      publishStatus(s);
    }
  };
  const server = new UpdateServer({ before: catchUp });
  for (const [update, def] of updates) {
    const act = def as ActionDef<m.WithActor>;
    server.on(
      update,
      (args: m.WithActor) => act.check(s, args, Date.now()),
      async (args: m.WithActor) => {
        const effects = act.apply(s, args, Date.now());
        await runEffects(s, effects, `u${s.trail.length}`, Date.now());
        if (afterChange) await afterChange(s);
        publishStatus(s);
        // The answer leaves the trail out (the status Query has it): Update results stay small.
        return { ...buildView(s), trail: [] };
      },
      { probes: actionOffer(update.name, act, s, Date.now).probes },
    );
  }
  setHandler(m.purchaseStatusQuery, () => buildView(s));
  server.serveOffers();
  if (onStart) await server.lock.run(() => onStart(s));

  while (!done(s)) {
    const seen = server.changes;
    const next = nextTimer(s);
    const wait = next ? Math.max(1, next.at - Date.now()) : undefined;
    const woken = await condition(() => server.changes !== seen, wait);
    if (!woken && next) await server.lock.run(catchUp);
    // A stage that just ended hands over (to the contract workflow, or to the result) first.
    if (!done(s) && shouldContinueAsNew(s)) {
      await condition(allHandlersFinished);
      return 'continue';
    }
  }
  await condition(allHandlersFinished);
  return 'done';
}

function shouldContinueAsNew(s: PurchaseState): boolean {
  const info = workflowInfo();
  if (s.maxHistoryEvents !== undefined) return info.historyLength > s.maxHistoryEvents;
  return info.continueAsNewSuggested;
}
