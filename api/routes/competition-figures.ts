import type { Router } from 'express';
import * as C from '../../contract/competition';
import { formatYuan } from '../../domain/competition/policy';
import type { Prisma } from '../../lib/db';
import type { AppDeps } from '../app';
import { roundFor } from '../competition-access';
import { seatsOf } from '../evaluator-seats';
import { readPage } from '../paging';
import { hiddenFrom } from '../problem';
import type { RouteRegistry } from '../route';
import * as S from '../schemas/competition';

const TAG = '公益创投';

const stats = (xs: number[]) => {
  const n = xs.length;
  const mean = n ? xs.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n) : 0;
  return {
    count: n,
    mean: Math.round(mean * 100) / 100,
    sd: Math.round(sd * 100) / 100,
    min: n ? Math.min(...xs) : null,
    max: n ? Math.max(...xs) : null,
  };
};

/** Reads of a round: figures, results with their tie trace, applicants, a judge's work list. */
export function registerRoundFigures(router: Router, registry: RouteRegistry, deps: AppDeps): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/:id/figures',
      limit: 'expensive',
      tag: TAG,
      summary: '轮次数据：各阶段项目数、评审打分分布（宽严）、资金承诺与拨付',
      access: ['administrator', 'finance'],
      params: S.ZRoundParams,
      response: { status: 200, description: '数据', schema: C.ZRoundFigures },
      problems: ['not_found'],
    },
    async ({ params }) => {
      const round = await roundFor(db, params.id);
      const byStatus = await db.competitionProposal.groupBy({
        by: ['status'],
        where: { roundId: round.id },
        _count: { _all: true },
      });
      const scores = await db.competitionScore.findMany({
        where: { roundId: round.id },
        select: { judgeId: true, phase: true, total: true },
      });
      const judges = new Map<string, number[]>();
      for (const s of scores)
        judges.set(`${s.phase}:${s.judgeId}`, [
          ...(judges.get(`${s.phase}:${s.judgeId}`) ?? []),
          s.total,
        ]);
      const committed = await db.competitionProposal.aggregate({
        where: { roundId: round.id, awardFen: { not: null }, status: { notIn: ['not_funded'] } },
        _sum: { awardFen: true },
      });
      const paid = await db.competitionPayment.aggregate({
        where: { roundId: round.id, status: 'paid' },
        _sum: { amountFen: true },
      });
      const budgetFen = Number(round.budgetFen);
      const committedFen = Number(committed._sum.awardFen ?? 0);
      const paidFen = Number(paid._sum.amountFen ?? 0);
      return {
        proposalsByStatus: Object.fromEntries(byStatus.map((b) => [b.status, b._count._all])),
        judges: [...judges].map(([k, totals]) => ({
          phase: k.split(':')[0],
          judgeId: k.split(':')[1],
          ...stats(totals),
        })),
        funds: {
          budgetFen,
          committedFen,
          paidFen,
          budget: formatYuan(budgetFen),
          committed: formatYuan(committedFen),
          paid: formatYuan(paidFen),
          uncommitted: formatYuan(budgetFen - committedFen),
        },
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/:id/results',
      tag: TAG,
      summary: '评审结果（原始分、标准化分、同分排序记录）',
      access: ['administrator', 'reviewer'],
      params: S.ZRoundParams,
      query: S.ZPhaseQuery,
      response: { status: 200, description: '结果', schema: C.ZRoundResults },
      problems: ['not_found'],
    },
    async ({ params, query }) => {
      await roundFor(db, params.id);
      const rows = await db.competitionResult.findMany({
        where: { roundId: params.id, phase: query.phase },
        orderBy: { rank: 'asc' },
      });
      const titles = await db.competitionProposal.findMany({
        where: { id: { in: rows.map((r) => r.proposalId) } },
        select: { id: true, title: true },
      });
      const title = new Map(titles.map((p) => [p.id, p.title]));
      return rows.map((r) => ({ ...r, title: title.get(r.proposalId) ?? '' }));
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/:id/applicants',
      tag: TAG,
      summary: '本轮申报单位（供评审声明利益关联）',
      access: ['administrator', 'judge'],
      params: S.ZRoundParams,
      response: { status: 200, description: '申报单位', schema: C.ZRoundApplicants },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      await roundFor(db, params.id);
      // A judge declares links to this round's applicants only when on one of its panels.
      if (session!.role === 'judge') {
        const seat = await db.competitionJudge.findFirst({
          where: { roundId: params.id, accountId: session!.sub },
        });
        if (!seat) throw hiddenFrom('没有找到该创投轮次');
      }
      const ps = await db.competitionProposal.findMany({
        where: { roundId: params.id, status: { not: 'submitting' } },
        select: { organizationId: true },
        distinct: ['organizationId'],
      });
      const orgs = await db.organization.findMany({
        where: { id: { in: ps.map((p) => p.organizationId) } },
        select: { id: true, name: true, creditCode: true },
        orderBy: { name: 'asc' },
      });
      return orgs;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/:id/proposals',
      tag: TAG,
      summary: '本轮项目（工作人员：全部；申报单位：本单位；评审：分配给本人的）',
      access: 'signed-in',
      params: S.ZRoundParams,
      query: S.ZRoundProposalsQuery,
      response: { status: 200, description: '项目（分页）', schema: C.ZProposalRows },
      problems: ['not_found'],
    },
    async ({ params, session, query }) => {
      const round = await roundFor(db, params.id);
      const s = session!;
      const one = query.proposalId ? { proposalId: query.proposalId } : {};
      if (s.role === 'judge') {
        const seats: Prisma.CompetitionAssignmentWhereInput = {
          roundId: round.id,
          judgeId: s.sub,
          ...one,
          ...(query.status ? { proposal: { status: query.status } } : {}),
        };
        const page = await readPage(
          query,
          () => db.competitionAssignment.count({ where: seats }),
          (args) =>
            db.competitionAssignment.findMany({
              where: seats,
              orderBy: [{ proposalId: 'asc' }, { phase: 'asc' }],
              ...args,
            }),
          (a) => a,
        );
        const ps = await db.competitionProposal.findMany({
          where: { id: { in: page.items.map((a) => a.proposalId) } },
          select: { id: true, title: true, category: true },
        });
        return {
          ...page,
          items: page.items.map((a) => {
            const p = ps.find((x) => x.id === a.proposalId)!;
            return { ...p, phase: a.phase, assignment: a.status };
          }),
        };
      }
      const visible =
        s.role === 'applicant'
          ? { roundId: round.id, organizationId: s.org ?? '' }
          : ['administrator', 'reviewer', 'finance'].includes(s.role)
            ? { roundId: round.id }
            : s.role === 'evaluator'
              ? { roundId: round.id, id: { in: await seatsOf(db, 'competition_proposal', s.sub) } }
              : null;
      if (!visible) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
      const where: Prisma.CompetitionProposalWhereInput = {
        AND: [
          visible,
          // Proposals still being written are nobody's to list.
          { status: { not: 'submitting' } },
          query.status ? { status: query.status } : {},
          query.proposalId ? { id: query.proposalId } : {},
        ],
      };
      return readPage(
        query,
        () => db.competitionProposal.count({ where }),
        (args) =>
          db.competitionProposal.findMany({
            where,
            orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
            ...args,
          }),
        (p) => ({
          id: p.id,
          title: p.title,
          category: p.category,
          status: p.status,
          requestedFen: Number(p.requestedFen),
          awardFen: p.awardFen === null ? null : Number(p.awardFen),
          recorded: p.recorded,
          midtermGrade: p.midtermGrade,
          submittedAt: p.submittedAt.toISOString(),
        }),
      );
    },
  );
}
