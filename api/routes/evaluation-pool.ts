import { Router } from 'express';
import { z } from 'zod';
import * as E from '../../contract/evaluation';
import { addExpertToAgency } from '../../operations/evaluation/add-expert-to-agency';
import { recordExpertEmployment } from '../../operations/evaluation/record-expert-employment';
import { registerAgency } from '../../operations/evaluation/register-agency';
import { operate, operatorOf } from '../operations';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/evaluation';
import type { EvaluationDeps } from './evaluation-campaigns';

const TAG = '等级评估';
const accountParam = z.object({ accountId: z.uuid('编号格式不正确') });

/** Third-party agencies, their expert pools, and the employment history recusal reads. */
export function createEvaluationPoolRouter(registry: RouteRegistry, deps: EvaluationDeps): Router {
  const router = Router();
  const { db, config } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/evaluation/agencies',
      tag: TAG,
      summary: '登记第三方评估机构',
      access: ['administrator'],
      body: S.ZAgencyRequest,
      response: { status: 201, description: '已登记', schema: E.ZAgencyCreated },
    },
    async ({ body, session, res }) => {
      const a = await registerAgency(db, {
        name: body.name,
        districtCode: config.DISTRICT_CODE,
        actor: operatorOf(session!),
      });
      res.status(201);
      return { id: a.id, name: a.name };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/agencies',
      tag: TAG,
      summary: '第三方评估机构及其专家库',
      access: ['administrator', 'agency'],
      response: { status: 200, description: '评估机构', schema: E.ZAgencies },
    },
    async () => {
      const rows = await db.evaluationAgency.findMany({
        where: { districtCode: config.DISTRICT_CODE },
        include: { experts: true },
        orderBy: { createdAt: 'asc' },
      });
      return {
        items: rows.map((a) => ({
          id: a.id,
          name: a.name,
          experts: a.experts.map((e) => e.accountId),
        })),
      };
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/evaluation/agencies/:id/experts',
      tag: TAG,
      summary: '将评估专家账号加入机构专家库',
      access: ['administrator'],
      params: uuidParam,
      body: S.ZExpertRequest,
      response: { status: 201, description: '已加入', schema: E.ZExpertJoined },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session, res }) => {
      const joined = await operate(() =>
        addExpertToAgency(db, {
          agencyId: params.id,
          accountId: body.accountId,
          districtCode: config.DISTRICT_CODE,
          actor: operatorOf(session!),
        }),
      );
      res.status(201);
      return joined;
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/evaluation/experts/:accountId/employments',
      tag: TAG,
      summary: '登记评估专家的任职经历（回避审查依据）',
      access: ['administrator'],
      params: accountParam,
      body: S.ZEmploymentRequest,
      response: { status: 201, description: '已登记', schema: E.ZEmploymentRecorded },
      problems: ['not_found', 'unprocessable'],
    },
    async ({ params, body, session, res }) => {
      const e = await operate(() =>
        recordExpertEmployment(db, {
          ...body,
          accountId: params.accountId,
          actor: operatorOf(session!),
        }),
      );
      res.status(201);
      return { id: e.id };
    },
  );

  return router;
}
