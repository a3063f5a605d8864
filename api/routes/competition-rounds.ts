import { Router } from 'express';
import * as C from '../../contract/competition';
import { createRound } from '../../operations/competition/create-round';
import { declareConflicts } from '../../operations/competition/declare-conflicts';
import * as m from '../../workflows/competition/messages';
import type { AppDeps } from '../app';
import { actorOf, roundFor, workflowLink } from '../competition-access';
import {
  ROUND_COLUMNS,
  ROUND_ORDER,
  roundWhere,
  summarizeRound,
  ZRoundExportQuery,
  ZRoundListQuery,
  ZRoundLookupQuery,
} from '../competition-round-list';
import { readLookup } from '../lookup';
import { allowedFor } from '../offers';
import { operate, operatorOf } from '../operations';
import { readPage } from '../paging';
import { type RouteRegistry, SENT } from '../route';
import * as S from '../schemas/competition';
import { exportList, exportResponse } from '../table-export';
import { registerCommunityRecords } from './competition-community-records';
import { registerRoundFigures } from './competition-figures';
import { registerObjections } from './competition-objections';
import { ROUND_ACTIONS, registerRoundActions } from './competition-round-actions';

const TAG = '公益创投';
export function createCompetitionRoundsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registerRoundCreation(registry, router, deps);
  registerRoundListing(registry, router, deps);
  registerRoundDetail(registry, router, deps);
  registerConflictDeclarations(registry, router, deps);
  registerCommunityRecords(router, registry, deps);
  registerRoundActions(router, registry, deps);
  registerRoundFigures(router, registry, deps);
  registerObjections(router, registry, deps);
  return router;
}

/** An administrator creates a round and starts its workflow. */
export function registerRoundCreation(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions',
      tag: TAG,
      summary: '创建创投轮次（预算、资金来源、类别名额、上限、评分标准、评审等）',
      access: ['administrator'],
      body: S.ZCreateRoundRequest,
      response: { status: 201, description: '已创建并开始征集', schema: C.ZRoundCreated },
      problems: ['bad_request', 'unprocessable'],
    },
    async ({ body, session }) => {
      const opens = Date.parse(body.callOpensAt);
      const closes = Date.parse(body.callClosesAt);
      const { id, policy, ruleVersion } = await operate(() =>
        createRound(db, {
          title: body.title,
          callOpensAt: opens,
          callClosesAt: closes,
          judges: body.judges,
          settings: body.settings,
          districtCode: deps.config.DISTRICT_CODE,
          createdById: session!.sub,
          workflowIdOf: m.roundWorkflowId,
        }),
      );
      await deps.competitions.startRound({
        roundId: id,
        title: body.title,
        policy,
        callOpensAt: opens,
        callClosesAt: closes,
      });
      return { id, ruleVersion, settings: policy };
    },
  );
}

/** Rounds as a page, a lookup or an export. */
export function registerRoundListing(registry: RouteRegistry, router: Router, deps: AppDeps): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions',
      tag: TAG,
      summary: '创投轮次列表（可按阶段、名称、征集开始日期筛选）',
      access: 'signed-in',
      query: ZRoundListQuery,
      response: { status: 200, description: '一页轮次', schema: C.ZRoundList },
    },
    async ({ query }) => {
      const where = roundWhere(query);
      return readPage(
        query,
        () => db.competitionRound.count({ where }),
        (page) => db.competitionRound.findMany({ where, orderBy: ROUND_ORDER, ...page }),
        summarizeRound,
      );
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/lookup',
      tag: TAG,
      summary: `选择创投轮次（按名称查找，最多${deps.config.LOOKUP_MAX}项）`,
      access: 'signed-in',
      query: ZRoundLookupQuery,
      response: { status: 200, description: '轮次', schema: C.ZRoundLookup },
    },
    async ({ query }) =>
      readLookup(
        deps.config.LOOKUP_MAX,
        (take) =>
          db.competitionRound.findMany({ where: roundWhere(query), orderBy: ROUND_ORDER, take }),
        (r) => ({ id: r.id, title: r.title, stage: r.stage }),
      ),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/export',
      tag: TAG,
      summary: '导出创投轮次列表（Excel 或 CSV，筛选条件与列表相同，金额以元为单位）',
      description: `最多导出${deps.config.EXPORT_MAX_ROWS}行。`,
      access: ['administrator', 'reviewer', 'finance'],
      query: ZRoundExportQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, res }) => {
      const where = roundWhere(query);
      const { config } = deps;
      const opts = { format: query.format, title: '创投轮次', creator: config.AUTHORITY_NAME };
      await exportList(res, { ...opts, maxRows: config.EXPORT_MAX_ROWS }, ROUND_COLUMNS, {
        count: () => db.competitionRound.count({ where }),
        read: () => db.competitionRound.findMany({ where, orderBy: ROUND_ORDER }),
      });
      return SENT;
    },
  );
}

/** One round's live view, with the actions offered to the caller. */
export function registerRoundDetail(registry: RouteRegistry, router: Router, deps: AppDeps): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/:id',
      tag: TAG,
      summary: '创投轮次详情（设置与当前阶段）',
      access: 'signed-in',
      params: S.ZRoundParams,
      response: { status: 200, description: '轮次', schema: C.ZRoundDetail },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const round = await roundFor(db, params.id);
      // A workflow that does not answer quickly: the stage as the projection recorded it.
      const live = await deps.competitions
        .roundStatus(round.id, deps.config.LIVE_VIEW_TIMEOUT_MS)
        .catch(() => null);
      // Proposals are accepted by the API, so the count is the projection's, not the workflow's.
      const proposals = await db.competitionProposal.count({
        where: { roundId: round.id, status: { notIn: ['submitting', 'start_failed'] } },
      });
      // Offered only what the round's workflow would accept now from this person.
      const offered = live
        ? await deps.competitions.roundOffers(
            round.id,
            actorOf(session!),
            deps.config.LIVE_VIEW_TIMEOUT_MS,
          )
        : [];
      return {
        ...live,
        ...allowedFor(offered, ROUND_ACTIONS, session!.role),
        proposals,
        id: round.id,
        title: round.title,
        stage: live?.stage ?? round.stage,
        settings: round.settings,
        ruleVersion: round.ruleVersion,
        ...workflowLink(deps, session!, round.workflowId),
      };
    },
  );
}

/** A judge declares conflicts of interest. */
export function registerConflictDeclarations(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/conflicts',
      tag: TAG,
      summary: '评审声明与申报单位的利益关联（分配时回避）',
      access: ['judge'],
      params: S.ZRoundParams,
      body: S.ZConflictsRequest,
      response: { status: 200, description: '已登记', schema: C.ZConflictsDeclared },
      problems: ['not_found'],
    },
    async ({ params, body, session }) => {
      await roundFor(db, params.id);
      return operate(() =>
        declareConflicts(db, { ...body, roundId: params.id, judge: operatorOf(session!) }),
      );
    },
  );
}
