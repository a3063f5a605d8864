import type { Router } from 'express';
import * as O from '../../contract/organization';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import { changeOrganizationFlags } from '../../operations/organization/change-organization-flags';
import { recordInspection } from '../../operations/organization/record-inspection';
import {
  recordBudgetFunding,
  recordPartyOrganization,
} from '../../operations/organization/record-organization-fact';
import { recordPenalty } from '../../operations/organization/record-penalty';
import { recordPenaltyExecuted } from '../../operations/organization/record-penalty-executed';
import type { AppDeps } from '../app';
import { operate } from '../operations';
import { type RouteRegistry, uuidParam } from '../route';
import {
  ZBudgetFundingRequest,
  ZFlagsRequest,
  ZInspectionParams,
  ZInspectionRequest,
  ZPartyOrganizationRequest,
  ZPenaltyExecutedRequest,
  ZPenaltyParams,
  ZPenaltyRequest,
} from '../schemas/organization';
import { actor, KEEPERS, profileChangedSignal } from './organization-access';

/** The annual inspection result of one year. */
export function registerOrganizationInspections(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;
  const changed = profileChangedSignal(deps);

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/organizations/:id/inspections/:year',
      tag: '组织档案',
      summary: '登记某年度年检结果',
      access: KEEPERS,
      params: ZInspectionParams,
      body: ZInspectionRequest,
      response: { status: 200, description: '已登记', schema: O.ZOrganizationProfile },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        recordInspection(db, { ...body, id: params.id, year: params.year, actor: actor(session!) }),
      );
      await changed(params.id);
      return loadOrganizationProfile(db, params.id);
    },
  );
}

/** Administrative penalties and their execution. */
export function registerOrganizationPenalties(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;
  const changed = profileChangedSignal(deps);

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/organizations/:id/penalties',
      tag: '组织档案',
      summary: '登记行政处罚',
      access: KEEPERS,
      params: uuidParam,
      body: ZPenaltyRequest,
      response: { status: 201, description: '已登记', schema: O.ZPenalty },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      const penalty = await operate(() =>
        recordPenalty(db, { ...body, id: params.id, actor: actor(session!) }),
      );
      await changed(params.id);
      return penalty;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/organizations/:id/penalties/:penaltyId/executed',
      tag: '组织档案',
      summary: '登记处罚执行完毕',
      access: KEEPERS,
      params: ZPenaltyParams,
      body: ZPenaltyExecutedRequest,
      response: { status: 200, description: '已登记', schema: O.ZPenalty },
      problems: ['not_found', 'conflict', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      const updated = await operate(() =>
        recordPenaltyExecuted(db, {
          id: params.id,
          penaltyId: params.penaltyId,
          executedOn: body.executedOn,
          actor: actor(session!),
        }),
      );
      await changed(params.id);
      return updated;
    },
  );
}

/** The abnormal-activity and dishonesty lists and investigations. */
export function registerOrganizationFlags(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;
  const changed = profileChangedSignal(deps);

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/organizations/:id/flags',
      tag: '组织档案',
      summary: '列入或移出活动异常名录、严重违法失信名单，登记立案调查',
      access: KEEPERS,
      params: uuidParam,
      body: ZFlagsRequest,
      response: { status: 200, description: '已变更', schema: O.ZOrganizationProfile },
      problems: ['not_found'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        changeOrganizationFlags(db, { ...body, id: params.id, actor: actor(session!) }),
      );
      await changed(params.id);
      return loadOrganizationProfile(db, params.id);
    },
  );
}

/** Facts that bear on eligibility: party organisation, budget funding. */
export function registerOrganizationFacts(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/organizations/:id/party-organization',
      tag: '组织档案',
      summary: '登记是否已建立党组织（评估5A可要求建立党组织）',
      access: KEEPERS,
      params: uuidParam,
      body: ZPartyOrganizationRequest,
      response: { status: 200, description: '已登记', schema: O.ZOrganizationProfile },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        recordPartyOrganization(db, { ...body, id: params.id, actor: actor(session!) }),
      );
      return loadOrganizationProfile(db, params.id);
    },
  );

  registry.add(
    router,
    {
      method: 'put',
      path: '/api/admin/organizations/:id/budget-funding',
      tag: '组织档案',
      summary:
        '登记是否使用事业编制且由财政拨款保障（此类组织不得承接政府购买服务，财政部令第102号第八条）',
      access: KEEPERS,
      params: uuidParam,
      body: ZBudgetFundingRequest,
      response: { status: 200, description: '已登记', schema: O.ZOrganizationProfile },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session }) => {
      await operate(() =>
        recordBudgetFunding(db, { ...body, id: params.id, actor: actor(session!) }),
      );
      return loadOrganizationProfile(db, params.id);
    },
  );
}
