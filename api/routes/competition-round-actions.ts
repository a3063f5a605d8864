import type { Router } from 'express';
import * as m from '../../workflows/competition/messages';
import type { AppDeps } from '../app';
import { actorOf, openRoundFor } from '../competition-access';
import type { RouteRegistry } from '../route';
import * as S from '../schemas/competition';

const TAG = '公益创投';

/** The administrator's decisions on a round; the round workflow's validators have the last word. */
export function registerRoundActions(router: Router, registry: RouteRegistry, deps: AppDeps): void {
  const { db, competitions } = deps;
  const problems = ['not_found', 'conflict'] as const;

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
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    async ({ params, session }) => {
      await openRoundFor(db, params.id);
      return competitions.updateRound(params.id, m.closeCallUpdate, { actor: actorOf(session!) });
    },
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
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    async ({ params, session }) => {
      await openRoundFor(db, params.id);
      return competitions.updateRound(params.id, m.openScoringUpdate, {
        actor: actorOf(session!),
        phase: params.phase,
      });
    },
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
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    async ({ params, session }) => {
      await openRoundFor(db, params.id);
      return competitions.updateRound(params.id, m.closeScoringUpdate, {
        actor: actorOf(session!),
        phase: params.phase,
      });
    },
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
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    async ({ params, body, session }) => {
      await openRoundFor(db, params.id);
      return competitions.updateRound(params.id, m.decideFundingUpdate, {
        actor: actorOf(session!),
        panelAmounts: body.panelAmounts,
      });
    },
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
      response: { status: 200, description: '轮次' },
      problems: [...problems],
    },
    async ({ params, session }) => {
      await openRoundFor(db, params.id);
      return competitions.updateRound(params.id, m.closeRoundUpdate, { actor: actorOf(session!) });
    },
  );
}
