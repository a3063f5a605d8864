import { Router } from 'express';
import * as E from '../../contract/evaluation';
import { ZPublicComplaintRequest } from '../../domain/evaluation/requests';
import { PUBLIC_COMPLAINANT } from '../../workflows/evaluation/complaint-messages';
import { fileComplaint, publicResults } from '../evaluation-complaint-filing';
import { AppError } from '../problem';
import { SubmissionThrottle } from '../public-submission-throttle';
import type { RouteRegistry } from '../route';
import type { EvaluationDeps } from './evaluation-campaigns';

const TAG = '等级评估（公开）';

/**
 * What anyone may do without an account (§4.5 rule 8: complaints may come from anyone): read
 * the results under publicity and the grades in force, and file a complaint with contact
 * details. Filing is throttled per address.
 */
export function createEvaluationPublicRouter(
  registry: RouteRegistry,
  deps: EvaluationDeps,
): Router {
  const router = Router();
  const throttle = new SubmissionThrottle();

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/public/evaluation/results',
      tag: TAG,
      summary: '评估结果公示名单与有效等级名单（公开，无需登录）',
      access: 'public',
      response: {
        status: 200,
        description: '公示中的评估事项与有效等级',
        schema: E.ZPublicResults,
      },
    },
    () => publicResults(deps),
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/public/evaluation/complaints',
      tag: TAG,
      summary: '任何人提出举报（无需登录；须留联系电话或电子邮箱；同一地址每小时至多5件）',
      access: 'public',
      body: ZPublicComplaintRequest,
      response: { status: 201, description: '已受理登记', schema: E.ZPublicComplaintFiled },
      problems: ['bad_request', 'not_found', 'conflict', 'too_many_requests'],
    },
    async ({ body, req, res }) => {
      const wait = throttle.take(req.ip ?? 'unknown');
      if (wait !== null) {
        res.set('Retry-After', String(wait));
        throw new AppError(
          'too_many_requests',
          `提交过于频繁，请${Math.ceil(wait / 60)}分钟后再试`,
        );
      }
      const row = await fileComplaint(deps, body, {
        complainant: PUBLIC_COMPLAINANT,
        contact: body.contact,
      });
      res.status(201);
      return {
        id: row.id,
        status: row.status,
        filedAt: row.filedAt.toISOString(),
        message: body.contact.email
          ? '举报已受理登记，评估办公室将在核实后通过电子邮箱告知处理结果。'
          : '举报已受理登记，评估办公室将在核实后通过电话与您联系。',
      };
    },
  );

  return router;
}
