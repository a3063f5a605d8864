import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import * as C from '../../contract/competition';
import * as m from '../../workflows/competition/messages';
import type { AppDeps } from '../app';
import { actorOf, roundFor } from '../competition-access';
import { FUNDING_LIST_PUBLIC_STAGES, fundingList } from '../competition-funding-list';
import { DECISION_HEADERS } from '../decision-key';
import { AppError } from '../problem';
import type { RouteRegistry } from '../route';
import * as S from '../schemas/competition';
import { decideOnRound } from './competition-round-actions';

const TAG = '公益创投';
/**
 * The publicity (公示) of a round's funding list and the objections to it: applicants read the
 * list and file objections while it runs; the administrator rules on each, and the round
 * workflow has the last word on when (its validators answer 409 with the reason).
 */
export function registerObjections(router: Router, registry: RouteRegistry, deps: AppDeps): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/:id/publicity',
      tag: TAG,
      summary: '拟资助项目公示名单（公示开始后）',
      access: 'signed-in',
      params: S.ZRoundParams,
      response: { status: 200, description: '公示名单', schema: C.ZPublicity },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const round = await roundFor(db, params.id);
      if (!FUNDING_LIST_PUBLIC_STAGES.includes(round.stage))
        return { publicityEndsAt: null, items: [] };
      const { proposals: ps, names } = await fundingList(db, [round.id]);
      return {
        publicityEndsAt: round.publicityEndsAt?.toISOString() ?? null,
        items: ps.map((p) => ({
          id: p.id,
          title: p.title,
          category: p.category,
          organizationName: names.get(p.organizationId) ?? '',
          awardFen: Number(p.awardFen ?? 0),
          selected: p.status === 'selected',
          /** The caller's own organisation's project (an applicant does not object to it). */
          own: p.organizationId === session!.org,
        })),
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/:id/objections',
      tag: TAG,
      summary: '公示异议（管理员：全部；申报单位：本单位提出的）',
      access: ['administrator', 'applicant'],
      params: S.ZRoundParams,
      response: { status: 200, description: '异议', schema: C.ZObjections },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      await roundFor(db, params.id);
      const s = session!;
      const filers =
        s.role === 'applicant'
          ? (
              await db.account.findMany({
                where: { organizationId: s.org ?? '-' },
                select: { id: true },
              })
            ).map((a) => a.id)
          : null;
      const os = await db.competitionObjection.findMany({
        where: { roundId: params.id, ...(filers ? { filedById: { in: filers } } : {}) },
        orderBy: { filedAt: 'asc' },
      });
      const ps = await db.competitionProposal.findMany({
        where: { id: { in: os.map((o) => o.proposalId) } },
        select: { id: true, title: true },
      });
      const people = filers
        ? []
        : await db.account.findMany({
            where: { id: { in: os.map((o) => o.filedById) } },
            select: { id: true, displayName: true, organization: { select: { name: true } } },
          });
      return os.map((o) => {
        const by = people.find((a) => a.id === o.filedById);
        return {
          id: o.id,
          proposalId: o.proposalId,
          proposalTitle: ps.find((p) => p.id === o.proposalId)?.title ?? '',
          text: o.text,
          status: o.status,
          filedAt: o.filedAt.toISOString(),
          ...(by ? { filedBy: by.organization?.name ?? by.displayName } : {}),
          decision: o.decision,
          decidedAt: o.decidedAt?.toISOString() ?? null,
        };
      });
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/objections',
      tag: TAG,
      summary: '公示期内对拟资助项目提出异议',
      access: ['applicant'],
      params: S.ZRoundParams,
      body: S.ZObjectionRequest,
      headers: DECISION_HEADERS,
      response: { status: 201, description: '已受理', schema: C.ZObjectionFiled },
      problems: ['not_found', 'conflict', 'unprocessable', 'unavailable'],
    },
    async (ctx) => {
      const { params, body } = ctx;
      await roundFor(db, params.id);
      const p = await db.competitionProposal.findFirst({
        where: { id: body.proposalId, roundId: params.id, status: 'selected' },
      });
      if (!p) throw new AppError('unprocessable', '只能对本轮公示的拟资助项目提出异议');
      return decideOnRound(deps, ctx, m.fileObjectionUpdate, (s) => ({
        actor: actorOf(s),
        objectionId: randomUUID(),
        proposalId: p.id,
        text: body.text,
      }));
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/objections/:objectionId/decision',
      tag: TAG,
      summary: '处理公示异议（成立则重新确定资助名单）',
      access: ['administrator'],
      params: S.ZObjectionParams,
      body: S.ZObjectionDecisionRequest,
      headers: DECISION_HEADERS,
      response: { status: 200, description: '轮次', schema: C.ZRoundView },
      problems: ['not_found', 'conflict', 'unavailable'],
    },
    (ctx) =>
      decideOnRound(deps, ctx, m.decideObjectionUpdate, (s) => ({
        actor: actorOf(s),
        objectionId: ctx.params.objectionId,
        uphold: ctx.body.uphold,
        decision: ctx.body.decision,
      })),
  );
}
