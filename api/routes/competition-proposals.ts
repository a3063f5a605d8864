import type { UpdateDefinition } from '@temporalio/common';
import { Router } from 'express';
import type { z } from 'zod';
import * as C from '../../contract/competition';
import { localDateOf } from '../../domain/calendar';
import { fundingDecisionKey } from '../../domain/competition/funding-decision';
import { competitionPolicySchema } from '../../domain/competition/policy';
import { type Proposal, proposalSchema } from '../../domain/competition/proposal';
import type { Phase } from '../../domain/competition/stages';
import { roundNewsFor } from '../../lib/competition-round-news';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import { submitProposal } from '../../operations/competition/submit-proposal';
import * as m from '../../workflows/competition/messages';
import type { AppDeps } from '../app';
import { sealLink } from '../seal-link';
import type { Role, Session } from '../auth/session';
import {
  actorOf,
  assertProposalOpen,
  openRoundFor,
  proposalFor,
  roundFor,
  workflowLink,
} from '../competition-access';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import { registerSeatRoute, seatedEvaluators } from '../evaluator-seats';
import { allowedFor, type OfferRoute } from '../offers';
import { operate } from '../operations';
import { AppError } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/competition';
import { endScoreDraft, registerScoreDrafts } from './competition-score-drafts';

const TAG = '公益创投';
const FUNDED = ['agreement_signed', 'in_progress', 'midterm_passed', 'final_passed', 'closed'];

/** Team members by their role, without their names. */
const anonymousTeam = (content: Proposal) =>
  content.team.map((t, i) => ({ name: `成员${i + 1}`, role: t.role }));

/** Everything a judge may not see under blind review: who the applicant is. */
function blind(content: Proposal) {
  const { bankAccount: _b, documentIds: _d, ...rest } = content;
  return { ...rest, team: anonymousTeam(content) };
}

/**
 * What of a proposal each reader needs (issue 13 point 7): the bank account only the
 * organisation itself, the administrator who signs the agreement and finance who pays; the
 * team members' names only the organisation, the administrator and the reviewers who qualify
 * it. Judges, seated evaluators and finance read the team by role.
 */
function disclosed(content: Proposal, session: Session, own: boolean) {
  const role = session.role;
  const bank = own || role === 'administrator' || role === 'finance';
  const names = own || role === 'administrator' || role === 'reviewer';
  const { bankAccount, ...rest } = content;
  return {
    ...rest,
    ...(bank ? { bankAccount } : {}),
    team: names ? content.team : anonymousTeam(content),
  };
}

/** Who is applying, as the round's rules see it: profile, record, earlier funding, today. */
export async function applicantOf(db: AppDeps['db'], roundId: string, session: Session) {
  const orgId = session.org;
  const profile = orgId ? await loadOrganizationProfile(db, orgId) : null;
  if (!orgId || !profile) throw new AppError('forbidden', '申报账号未关联社会组织');
  const recorded =
    profile.status !== 'registered' &&
    (await db.communityOrgRecord.count({ where: { organizationId: orgId } })) > 0;
  const previousWinner =
    (await db.competitionProposal.count({
      where: { organizationId: orgId, roundId: { not: roundId }, status: { in: FUNDED } },
    })) > 0;
  return {
    orgId,
    eligibility: { profile, recorded, previousWinner, today: localDateOf(Date.now()) },
  };
}

async function submit(deps: AppDeps, roundId: string, body: Proposal, session: Session) {
  const { db } = deps;
  const round = await openRoundFor(db, roundId);
  const policy = competitionPolicySchema.parse(round.settings);
  const { orgId, eligibility } = await applicantOf(db, roundId, session);
  return operate(() =>
    submitProposal(db, {
      roundId,
      policy,
      orgId,
      eligibility,
      proposal: body,
      workflowIdOf: m.proposalWorkflowId,
      start: ({ id, seq, now }) =>
        deps.competitions.startProposal(
          m.proposalInput(
            { roundId, policy },
            { proposalId: id, organizationId: orgId, requestedFen: body.requestedFen },
            seq,
            now,
          ),
        ),
      started: (id) => tellStageIfMissed(deps, roundId, id),
    }),
  );
}

/**
 * If the call closed while a proposal was accepted, the round's stage news may have gone out
 * before its workflow existed: it is sent again (news is idempotent).
 */
async function tellStageIfMissed(deps: AppDeps, roundId: string, proposalId: string) {
  const { db } = deps;
  const round = await db.competitionRound.findUniqueOrThrow({ where: { id: roundId } });
  if (round.stage !== 'call_open')
    await deps.competitions.tellProposal(proposalId, {
      kind: 'stage',
      stage: round.stage as m.RoundStage,
    });
}

interface ActionRoute<B extends z.ZodType> {
  path: string;
  summary: string;
  access: readonly Role[];
  body: B;
  update: UpdateDefinition<m.ProposalView, [never]>;
}
const action = <B extends z.ZodType>(a: ActionRoute<B>) => a as unknown as ActionRoute<z.ZodType>;

const ACTIONS = [
  action({
    path: 'qualify',
    summary: '资格审查：通过或不通过（写明理由）',
    access: ['reviewer'],
    body: S.ZQualifyRequest,
    update: m.qualifyUpdate as never,
  }),
  action({
    path: 'declaration',
    summary: '评审打开项目前声明是否存在利益冲突（有冲突则另派评审）',
    access: ['judge'],
    body: S.ZDeclarationRequest,
    update: m.declareUpdate as never,
  }),
  action({
    path: 'score',
    summary: '评审按评分标准逐项打分',
    access: ['judge'],
    body: S.ZScoreRequest,
    update: m.scoreUpdate as never,
  }),
  action({
    path: 'agreement',
    summary: '签订项目协议（首期资金拨付指令随之下达）',
    access: ['administrator'],
    body: S.ZAgreementRequest,
    update: m.signAgreementUpdate as never,
  }),
  action({
    path: 'evaluations',
    summary: '录入中期或末期评估结果',
    access: ['evaluator'],
    body: S.ZEvaluationRequest,
    update: m.evaluateUpdate as never,
  }),
  action({
    path: 'termination',
    summary: '终止项目并决定追回资金（中期评估C级后）',
    access: ['administrator'],
    body: S.ZTerminationRequest,
    update: m.terminateUpdate as never,
  }),
];

/** The two payment steps, routed by tranche (below), as offers go. */
const PAYMENTS = [
  ['order', 'administrator', m.orderPaymentUpdate, '下达第N期资金拨付指令（前一阶段评估通过后）'],
  [
    'confirm',
    'finance',
    m.confirmPaymentUpdate,
    '复核确认拨付（须为下达指令以外的另一名工作人员）',
  ],
] as const;

/** Every decision on a proposal: the Update it sends and who may send it (see api/offers.ts). */
const OFFER_ROUTES: OfferRoute[] = [
  ...ACTIONS,
  ...PAYMENTS.map(([, role, update]) => ({ update, access: [role] })),
];

export function createCompetitionProposalsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/competitions/:id/proposals',
      tag: TAG,
      summary: '申报项目（需求、设计、预算、团队、申请金额、附件）',
      access: ['applicant'],
      params: S.ZRoundParams,
      body: proposalSchema,
      response: { status: 201, description: '已申报', schema: C.ZProposalSubmitted },
      problems: ['not_found', 'unprocessable', 'conflict'],
    },
    async ({ params, body, session, res }) => {
      const out = await submit(deps, params.id, body, session!);
      res.status(201);
      return out;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competition-proposals/:id',
      tag: TAG,
      summary: '项目详情（匿名评审时评审看不到申报单位）',
      access: 'signed-in',
      params: uuidParam,
      response: { status: 200, description: '项目', schema: C.ZProposalDetail },
      problems: ['not_found', 'conflict'],
    },
    async ({ params, session }) => {
      const p = await proposalFor(db, params.id, session!);
      const round = await roundFor(db, p.roundId);
      const policy = competitionPolicySchema.parse(round.settings);
      const content = p.content as unknown as Proposal;
      // Offered only what the proposal's workflow would accept now from this person.
      const offersOn = async (id: string) =>
        allowedFor(
          await deps.competitions.proposalOffers(
            id,
            actorOf(session!),
            deps.config.LIVE_VIEW_TIMEOUT_MS,
          ),
          OFFER_ROUTES,
          session!.role,
        );
      const base = {
        id: p.id,
        roundId: p.roundId,
        title: p.title,
        category: p.category,
        requestedFen: Number(p.requestedFen),
        submittedAt: p.submittedAt.toISOString(),
      };
      if (session!.role === 'judge') {
        const as = await db.competitionAssignment.findMany({
          where: { proposalId: p.id, judgeId: session!.sub },
        });
        if (
          as.some((a) => a.status === 'conflicted') &&
          !as.some((a) => a.status === 'declared_clear' || a.status === 'scored')
        )
          throw new AppError('not_found', '没有找到该项目');
        if (!as.some((a) => a.status === 'declared_clear' || a.status === 'scored'))
          throw new AppError('conflict', '打开项目前须先声明是否存在利益冲突');
        if (policy.blindReview)
          return { ...base, ...(await offersOn(p.id)), content: blind(content), blind: true };
      }
      const own = session!.role === 'applicant' && session!.org === p.organizationId;
      const org = await db.organization.findUnique({
        where: { id: p.organizationId },
        select: { id: true, name: true, creditCode: true },
      });
      // A workflow that does not answer quickly: the projection's status alone.
      const live =
        session!.role === 'judge'
          ? null
          : await deps.competitions
              .proposalStatus(p.id, deps.config.LIVE_VIEW_TIMEOUT_MS)
              .catch(() => null);
      return {
        ...base,
        status: p.status,
        organization: org,
        content: disclosed(content, session!, own),
        blind: false,
        awardFen: p.awardFen === null ? null : Number(p.awardFen),
        qualificationNote: p.qualificationNote,
        fundingReason: p.fundingReason,
        decision:
          p.decisionNo && p.decidedAt && p.awardFen !== null
            ? {
                seal: await decisionSeal(deps, p.id),
                decisionNo: p.decisionNo,
                decidedAt: p.decidedAt.toISOString(),
                roundTitle: round.title,
                categoryName:
                  policy.categories.find((c) => c.code === p.category)?.name ?? p.category,
                awardFen: Number(p.awardFen),
              }
            : null,
        roundStage: round.stage,
        workflow: live,
        // A judge's status view is not read (see above), yet their decisions are offered.
        ...(live || session!.role === 'judge'
          ? await offersOn(p.id)
          : { allowedActions: [], actionTargets: {} }),
        ...(session!.role === 'administrator'
          ? { evaluators: await seatedEvaluators(db, 'competition_proposal', p.id) }
          : {}),
        ...workflowLink(deps, session!, p.workflowId),
      };
    },
  );

  for (const a of ACTIONS) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/competition-proposals/:id/${a.path}`,
        tag: TAG,
        summary: a.summary,
        access: a.access,
        params: uuidParam,
        body: a.body,
        headers: DECISION_HEADERS,
        response: { status: 200, description: '项目流程状态', schema: C.ZProposalView },
        problems: ['not_found', 'conflict', 'unprocessable', 'forbidden', 'unavailable'],
      },
      async ({ params, body, session, req }) => {
        const p = await proposalFor(db, params.id, session!);
        const key = await claimDecisionKey(db, { req, params, body, session: session! });
        assertProposalOpen(p, await roundFor(db, p.roundId), { replay: key?.replay });
        // The round's news about this proposal, as recorded: it may not have reached the workflow.
        const news = (await roundNewsFor(db, p.roundId, [p.id])).get(p.id) ?? [];
        const view = await deps.competitions.updateProposal(
          params.id,
          a.update,
          { ...(body as object), actor: actorOf(session!), news } as never,
          key?.updateId,
        );
        if (a.path === 'score')
          await endScoreDraft(deps, p.id, (body as { phase: Phase }).phase, session!.sub);
        return view;
      },
    );
  }
  for (const [verb, role, def, summary] of PAYMENTS) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/competition-proposals/:id/payments/:tranche/${verb}`,
        tag: TAG,
        summary,
        access: [role],
        params: S.ZTrancheParams,
        body: S.ZEmpty,
        headers: DECISION_HEADERS,
        response: { status: 200, description: '项目流程状态', schema: C.ZProposalView },
        problems: ['not_found', 'conflict', 'unprocessable', 'unavailable'],
      },
      async ({ params, body, session, req }) => {
        const p = await proposalFor(db, params.id, session!);
        const key = await claimDecisionKey(db, { req, params, body, session: session! });
        assertProposalOpen(p, await roundFor(db, p.roundId), { replay: key?.replay });
        return deps.competitions.updateProposal(
          params.id,
          def,
          { actor: actorOf(session!), tranche: params.tranche },
          key?.updateId,
        );
      },
    );
  }
  registerSeatRoute(router, registry, deps, {
    subject: 'competition_proposal',
    path: '/api/competition-proposals/:id/evaluators',
    tag: TAG,
    summary: '指派中期、末期评估人员（只有被指派的评估人员能查看和评估该项目）',
    access: ['administrator'],
    find: (id, session) => proposalFor(db, id, session),
  });
  registerScoreDrafts(router, registry, deps);
  return router;
}

/** The seal of a proposal's funding decision: its code as printed and the verification page. */
function decisionSeal(deps: AppDeps, proposalId: string) {
  return sealLink(deps.db, deps.config.publicUrl, { documentKey: fundingDecisionKey(proposalId) });
}
