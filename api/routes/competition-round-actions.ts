import type { UpdateDefinition } from '@temporalio/common';
import type { Router } from 'express';
import * as m from '../../workflows/competition/messages';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { actorOf, openRoundFor } from '../competition-access';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import type { RouteContext, RouteRegistry } from '../route';
import * as S from '../schemas/competition';

const TAG = '公益创投';

type RoundContext = RouteContext<{ id: string }, unknown, unknown>;

/**
 * A decision on a round under its Idempotency-Key (if any): a replay skips the closed-round
 * check, since the first attempt may have closed it, and collects the first outcome.
 */
export async function decideOnRound<A, R>(
  deps: Pick<AppDeps, 'db' | 'competitions'>,
  ctx: RoundContext,
  def: UpdateDefinition<R, [A]>,
  args: (session: Session) => A,
): Promise<R> {
  const session = ctx.session!;
  const key = await claimDecisionKey(deps.db, { ...ctx, session });
  await openRoundFor(deps.db, ctx.params.id, { replay: key?.replay });
  return deps.competitions.updateRound(ctx.params.id, def, args(session), key?.updateId);
}

/** The round's decisions as offers go (see api/offers.ts): each Update and who may send it. */
export const ROUND_ACTIONS = [
  m.closeCallUpdate,
  m.openScoringUpdate,
  m.closeScoringUpdate,
  m.decideFundingUpdate,
  m.closeRoundUpdate,
].map((update) => ({ update, access: ['administrator'] as const }));

/** The administrator's decisions on a round; the round workflow's validators have the last word. */
export function registerRoundActions(router: Router, registry: RouteRegistry, deps: AppDeps): void {
  const problems = ['not_found', 'conflict', 'unavailable'] as const;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/close-call',
      tag: TAG,
      summary: '截止征集，进入资格审查',
      access: ['administrator'],
      params: S.ZRoundParams,
      body: S.ZEmpty,
      headers: DECISION_HEADERS,
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    (ctx) => decideOnRound(deps, ctx, m.closeCallUpdate, (s) => ({ actor: actorOf(s) })),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/scoring/:phase/open',
      tag: TAG,
      summary: '开始评审环节（分配评审组，回避利益冲突）',
      access: ['administrator'],
      params: S.ZPhaseParams,
      body: S.ZEmpty,
      headers: DECISION_HEADERS,
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    (ctx) =>
      decideOnRound(deps, ctx, m.openScoringUpdate, (s) => ({
        actor: actorOf(s),
        phase: ctx.params.phase,
      })),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/scoring/:phase/close',
      tag: TAG,
      summary: '结束评审环节并汇总得分（含同分排序记录）',
      access: ['administrator'],
      params: S.ZPhaseParams,
      body: S.ZEmpty,
      headers: DECISION_HEADERS,
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    (ctx) =>
      decideOnRound(deps, ctx, m.closeScoringUpdate, (s) => ({
        actor: actorOf(s),
        phase: ctx.params.phase,
      })),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/funding',
      tag: TAG,
      summary: '在预算和类别名额内确定资助名单并开始公示',
      access: ['administrator'],
      params: S.ZRoundParams,
      body: S.ZFundingRequest,
      headers: DECISION_HEADERS,
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    (ctx) =>
      decideOnRound(deps, ctx, m.decideFundingUpdate, (s) => ({
        actor: actorOf(s),
        panelAmounts: ctx.body.panelAmounts,
      })),
  );
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/close',
      tag: TAG,
      summary: '结束本轮（全部项目结项后）',
      access: ['administrator'],
      params: S.ZRoundParams,
      body: S.ZEmpty,
      headers: DECISION_HEADERS,
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    (ctx) => decideOnRound(deps, ctx, m.closeRoundUpdate, (s) => ({ actor: actorOf(s) })),
  );
}
