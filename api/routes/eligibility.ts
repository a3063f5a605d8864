import { Router } from 'express';
import * as E from '../../contract/evaluation';
import { localDateOf } from '../../domain/calendar';
import { competitionPolicySchema } from '../../domain/competition/policy';
import { applicantFindings, capFor } from '../../domain/competition/proposal';
import { decideEligibility } from '../../domain/evaluation/eligibility';
import { loadOrganizationProfile } from '../../lib/organization-profile';
import { loadEvaluationPolicy } from '../../lib/rules/load-evaluation-rules';
import type { AppDeps } from '../app';
import { roundFor } from '../competition-access';
import { AppError } from '../problem';
import { type RouteRegistry, uuidParam } from '../route';
import { applicantOf } from './competition-proposals';

/**
 * Dead ends caught before the work (issue 15 #3): when an organisation opens an application
 * form, it learns at once whether it may apply, with every reason, by the same rules that
 * decide later (the evaluation file's eligibility, the competition's applicant checks).
 */
export function createEligibilityRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { db, config } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/evaluation/campaigns/:id/eligibility',
      tag: '等级评估',
      summary: '本组织能否申报这次评估：今天按现行评估规则审查的结果和全部理由',
      access: ['applicant'],
      params: uuidParam,
      response: { status: 200, description: '审查结果', schema: E.ZEvaluationEligibility },
      problems: ['not_found', 'forbidden'],
    },
    async ({ params, session }) => {
      const c = await db.evaluationCampaign.findUnique({ where: { id: params.id } });
      if (!c || c.districtCode !== config.DISTRICT_CODE)
        throw new AppError('not_found', '没有找到该评估活动');
      const org = session!.org;
      const profile = org ? await loadOrganizationProfile(db, org) : null;
      if (!org || !profile) throw new AppError('forbidden', '账号未关联社会组织');
      const { policy } = await loadEvaluationPolicy(db, config.DISTRICT_CODE, Date.now());
      const result = decideEligibility(profile, localDateOf(Date.now()), policy);
      const applied =
        (await db.evaluationFile.count({ where: { campaignId: c.id, organizationId: org } })) > 0;
      return {
        eligible: result.eligible && !applied,
        basis: result.eligible ? result.basis : null,
        reasons: [
          ...(applied ? ['本组织已经申报了这次评估'] : []),
          ...(result.eligible ? [] : result.reasons),
        ],
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/competitions/:id/eligibility',
      tag: '公益创投',
      summary: '本单位能否申报本轮创投：按本轮规则审查申报单位的结果、全部理由和申请上限',
      access: ['applicant'],
      params: uuidParam,
      response: { status: 200, description: '审查结果', schema: E.ZCompetitionEligibility },
      problems: ['not_found', 'forbidden'],
    },
    async ({ params, session }) => {
      const round = await roundFor(db, params.id);
      const policy = competitionPolicySchema.parse(round.settings);
      const { orgId, eligibility } = await applicantOf(db, round.id, session!);
      const mine = await db.competitionProposal.count({
        where: { roundId: round.id, organizationId: orgId, status: { not: 'start_failed' } },
      });
      const reasons = applicantFindings(policy, eligibility).map((f) => f.message);
      if (mine >= policy.proposalsPerOrganization)
        reasons.push(`每个单位本轮限报${policy.proposalsPerOrganization}个项目，贵单位已经申报`);
      const now = Date.now();
      if (round.stage !== 'call_open' || now >= round.callClosesAt.getTime())
        reasons.push('本轮项目征集已经截止');
      return {
        eligible: reasons.length === 0,
        reasons,
        capFen: capFor(policy, eligibility.recorded),
        organizationName: eligibility.profile.name,
      };
    },
  );

  return router;
}
