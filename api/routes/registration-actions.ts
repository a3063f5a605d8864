import type { UpdateDefinition } from '@temporalio/common';
import { Router } from 'express';
import type { z } from 'zod';
import { type applicationSchema, forWorkflow } from '../../domain/registration/application';
import { storeApplicationVersion } from '../../operations/registration/store-application-version';
import * as m from '../../workflows/registration/messages';
import { FINAL_STATUSES } from '../../workflows/registration/view-types';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { claimDecisionKey, DECISION_HEADERS } from '../decision-key';
import { operate } from '../operations';
import { AppError } from '../problem';
import { registrationFor } from '../registration-access';
import { type RouteRegistry, uuidParam } from '../route';
import * as S from '../schemas/registration';

const STAFF = ['reviewer', 'section_head', 'bureau_head'] as const;

interface ActionRoute<B extends z.ZodType> {
  path: string;
  summary: string;
  access: readonly ('applicant' | 'reviewer' | 'section_head' | 'bureau_head')[];
  body: B;
  update: m.WorkflowUpdate;
  /** Turns the request into the Update's arguments (the actor is added for every action). */
  args: (
    body: z.infer<B>,
    ctx: { deps: AppDeps; registrationId: string; session: Session },
  ) => Promise<object> | object;
}

const action = <B extends z.ZodType>(a: ActionRoute<B>) => a as unknown as ActionRoute<z.ZodType>;

/** A new text of the application, stored in full before the workflow sees its masked copy. */
async function newVersion(
  body: { application: z.infer<typeof applicationSchema> },
  ctx: { deps: AppDeps; registrationId: string; session: Session },
) {
  const { version, application } = await operate(() =>
    storeApplicationVersion(ctx.deps.db, {
      registrationId: ctx.registrationId,
      application: body.application,
      submittedById: ctx.session.sub,
    }),
  );
  return { version, application: forWorkflow(application) };
}

/** Every decision's route: the Update it sends and who may send it (see api/offers.ts). */
export const REGISTRATION_ACTIONS = [
  action({
    path: 'deficiency-notice',
    summary: '出具一次性补正通知（受理审查）',
    access: STAFF,
    body: S.ZDeficiencyNoticeRequest,
    update: m.issueDeficiencyNoticeUpdate,
    args: (b) => b,
  }),
  action({
    path: 'accept',
    summary: '受理（出具受理通知书）',
    access: STAFF,
    body: S.ZEmptyRequest,
    update: m.acceptUpdate,
    args: () => ({}),
  }),
  action({
    path: 'refuse-acceptance',
    summary: '不予受理',
    access: STAFF,
    body: S.ZRefuseAcceptanceRequest,
    update: m.refuseAcceptanceUpdate,
    args: (b) => b,
  }),
  action({
    path: 'resubmit',
    summary: '申请人补正后重新提交',
    access: ['applicant'],
    body: S.ZResubmitRequest,
    update: m.resubmitUpdate,
    args: newVersion,
  }),
  action({
    path: 'withdraw',
    summary: '申请人撤回申请',
    access: ['applicant'],
    body: S.ZReasonRequest,
    update: m.withdrawUpdate,
    args: (b) => b,
  }),
  action({
    path: 'claim',
    summary: '承办（认领本级审查）',
    access: STAFF,
    body: S.ZEmptyRequest,
    update: m.claimUpdate,
    args: () => ({}),
  }),
  action({
    path: 'assign',
    summary: '分配承办人（科室负责人）',
    access: ['section_head'],
    body: S.ZAssignRequest,
    update: m.assignUpdate,
    args: async (b, { deps }) => {
      const acc = await deps.db.account.findFirst({ where: { id: b.assigneeId, active: true } });
      if (!acc) throw new AppError('unprocessable', '承办人账号不存在或已停用');
      return { assignee: { id: acc.id, name: acc.displayName, role: acc.role } };
    },
  }),
  action({
    path: 'approve',
    summary: '审查通过（初审：拟准予；复审：准予登记）',
    access: STAFF,
    body: S.ZOpinionRequest,
    update: m.approveUpdate,
    args: (b) => b,
  }),
  action({
    path: 'return',
    summary: '退回申请人补正',
    access: STAFF,
    body: S.ZReturnRequest,
    update: m.returnForCorrectionUpdate,
    args: (b) => b,
  }),
  action({
    path: 'reject',
    summary: '不予登记（初审：拟不予；复审：决定）',
    access: STAFF,
    body: S.ZRejectRequest,
    update: m.rejectUpdate,
    args: (b) => b,
  }),
  action({
    path: 'extension-request',
    summary: '申请延长审查期限',
    access: STAFF,
    body: S.ZReasonRequest,
    update: m.requestExtensionUpdate,
    args: (b) => b,
  }),
  action({
    path: 'extension-decision',
    summary: '批准或不批准延长审查期限（局领导）',
    access: ['bureau_head'],
    body: S.ZExtensionDecisionRequest,
    update: m.decideExtensionUpdate,
    args: (b) => b,
  }),
  action({
    path: 'expert-review/start',
    summary: '组织专家评审（审查期限暂停）',
    access: STAFF,
    body: S.ZExpertReviewStartRequest,
    update: m.startExpertReviewUpdate,
    args: (b) => b,
  }),
  action({
    path: 'expert-review/end',
    summary: '专家评审结束（审查期限恢复）',
    access: STAFF,
    body: S.ZExpertReviewEndRequest,
    update: m.endExpertReviewUpdate,
    args: (b) => b,
  }),
  action({
    path: 'preparation/extend',
    summary: '延长筹备期限（1998年条例文本）',
    access: STAFF,
    body: S.ZReasonRequest,
    update: m.extendPreparationUpdate,
    args: (b) => b,
  }),
  action({
    path: 'founding',
    summary: '筹备完成，申请成立登记（1998年条例文本）',
    access: ['applicant'],
    body: S.ZResubmitRequest,
    update: m.submitFoundingUpdate,
    args: newVersion,
  }),
];

/** One route per decision; the workflow's validator has the last word (409 with its reason). */
export function createRegistrationActionsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  for (const a of REGISTRATION_ACTIONS) {
    registry.add(
      router,
      {
        method: 'post',
        path: `/api/registrations/:id/${a.path}`,
        tag: '登记办理',
        summary: a.summary,
        access: a.access,
        params: uuidParam,
        body: a.body,
        headers: DECISION_HEADERS,
        response: { status: 200, description: '办理后的流程状态', schema: S.ZRegistrationView },
        problems: [
          'bad_request',
          'forbidden',
          'not_found',
          'conflict',
          'unprocessable',
          'unavailable',
        ],
      },
      async ({ params, body, session, req }) => {
        const reg = await registrationFor(deps.db, params.id, session!);
        if (!reg.workflowStartedAt) throw new AppError('conflict', '本件流程尚未启动，请稍后重试');
        const key = await claimDecisionKey(deps.db, { req, params, body, session: session! });
        // A retry under its key collects the first outcome, even when that one closed the file.
        if (!key?.replay && (FINAL_STATUSES as readonly string[]).includes(reg.status)) {
          throw new AppError('conflict', `本件已办结（${reg.step}），不能再办理`);
        }
        const args = await a.args(body, { deps, registrationId: reg.id, session: session! });
        const actor = { id: session!.sub, name: session!.name, role: session!.role };
        return deps.registrations.update(
          reg.id,
          a.update as UpdateDefinition<m.RegistrationView, [object]>,
          { ...args, actor },
          key?.updateId,
        );
      },
    );
  }
  return router;
}
