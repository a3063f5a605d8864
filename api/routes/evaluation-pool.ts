import { Router } from 'express';
import { z } from 'zod';
import * as E from '../../contract/evaluation';
import { AppError } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/evaluation';
import type { EvaluationDeps } from './evaluation-campaigns';

const TAG = '等级评估';
const accountParam = z.object({ accountId: z.uuid('编号格式不正确') });
const date = (d: string) => new Date(`${d}T00:00:00Z`);

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
    async ({ body, res }) => {
      const a = await db.evaluationAgency.create({
        data: { name: body.name, districtCode: config.DISTRICT_CODE },
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
    async ({ params, body, res }) => {
      const agency = await db.evaluationAgency.findFirst({
        where: { id: params.id, districtCode: config.DISTRICT_CODE },
      });
      if (!agency) throw new AppError('not_found', '没有找到该评估机构');
      const acc = await db.account.findFirst({
        where: { id: body.accountId, role: 'evaluator', active: true },
      });
      if (!acc) throw new AppError('unprocessable', '须为在用的评估专家账号');
      await db.evaluationExpert.upsert({
        where: { accountId: acc.id },
        create: { accountId: acc.id, agencyId: agency.id },
        update: { agencyId: agency.id, active: true },
      });
      res.status(201);
      return { accountId: acc.id, agencyId: agency.id };
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
    async ({ params, body, res }) => {
      const expert = await db.evaluationExpert.findUnique({
        where: { accountId: params.accountId },
      });
      if (!expert) throw new AppError('not_found', '没有找到该评估专家');
      if (body.endedOn !== null && body.endedOn < body.startedOn)
        throw new AppError('unprocessable', '离职日期不能早于入职日期');
      const org = await db.organization.findUnique({ where: { id: body.organizationId } });
      if (!org) throw new AppError('unprocessable', '没有找到该组织');
      const e = await db.expertEmployment.create({
        data: {
          accountId: params.accountId,
          organizationId: body.organizationId,
          startedOn: date(body.startedOn),
          endedOn: body.endedOn ? date(body.endedOn) : null,
        },
      });
      res.status(201);
      return { id: e.id };
    },
  );

  return router;
}
