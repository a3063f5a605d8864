import { z } from 'zod';
import { categorySchema, legalFormSchema } from '../../domain/organization-types-schema';
import { applicationSchema } from '../../domain/registration/application';
import {
  deficiencyItemSchema,
  nonAcceptanceReasonSchema,
  refusalGroundSchema,
} from '../../domain/registration/schemas';
import { REGISTRATION_STATUSES } from '../../workflows/registration/view-types';
import { dateRangeShape, pagedQuery } from '../paging';
import { exportShape } from '../table-export';

/** Requests and responses of the registration routes; the same schemas feed the OpenAPI document. */

const reason = (what: string) => z.string().trim().min(1, `请填写${what}`).max(2000);

export const ZFileRegistrationRequest = applicationSchema.meta({
  id: 'Application',
  description: '成立登记申请（直接登记）',
});

export const ZResubmitRequest = z.object({ application: applicationSchema });
export const ZDeficiencyNoticeRequest = z.object({
  items: z.array(deficiencyItemSchema).min(1).max(100),
  note: z.string().max(2000).optional(),
});
export const ZRefuseAcceptanceRequest = z.object({
  reasons: z.array(nonAcceptanceReasonSchema).min(1),
  explanation: reason('不予受理的具体理由'),
});
export const ZOpinionRequest = z.object({ opinion: reason('审查意见') });
export const ZReturnRequest = z.object({
  items: z.array(deficiencyItemSchema).min(1).max(100),
  reason: reason('退回理由'),
});
export const ZRejectRequest = z.object({
  grounds: z.array(refusalGroundSchema).min(1, '至少选择一项法定理由'),
  reason: reason('具体理由'),
});
export const ZReasonRequest = z.object({ reason: reason('理由') });
export const ZAssignRequest = z.object({ assigneeId: z.uuid() });
export const ZExtensionDecisionRequest = z.object({
  approve: z.boolean(),
  reason: reason('批示意见'),
});
export const ZExpertReviewStartRequest = z.object({
  reason: reason('专家评审事由'),
  expectedWorkingDays: z.number().int().min(1).max(60),
});
export const ZExpertReviewEndRequest = z.object({ summary: reason('评审结论') });
export const ZEmptyRequest = z.object({}).strict();

const boolFromQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

const registrationFilters = {
  status: z.enum(['filed', ...REGISTRATION_STATUSES]).optional(),
  category: categorySchema.optional(),
  legalForm: legalFormSchema.optional(),
  overdue: boolFromQuery.optional(),
  q: z.string().max(50).optional(),
  /** Filed on or after / on or before these days (China Standard Time). */
  ...dateRangeShape,
};

export const ZListRegistrationsQuery = pagedQuery(registrationFilters);
export const ZExportRegistrationsQuery = z.object({ ...registrationFilters, ...exportShape });

export const ZRegistrationSummary = z
  .object({
    id: z.uuid(),
    applicationNo: z.string(),
    name: z.string(),
    category: categorySchema,
    legalForm: legalFormSchema,
    status: z.string(),
    step: z.string(),
    receiptNo: z.string().nullable(),
    filedAt: z.string(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    creditCode: z.string().nullable(),
    temporalUrl: z.string().optional(),
  })
  .meta({ id: 'RegistrationSummary' });

export const ZRegistrationList = z.object({
  items: z.array(ZRegistrationSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

const ZAudit = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string(), role: z.string() }),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().optional(),
  legalBasis: z.string().optional(),
  ruleVersion: z.string().optional(),
});

export const ZRegistrationView = z
  .object({
    registrationId: z.uuid(),
    applicationNo: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    statusLabel: z.string(),
    deadlines: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        limit: z.string(),
        dueAt: z.string().nullable(),
        state: z.enum(['running', 'paused', 'overdue']),
        provisional: z.boolean(),
      }),
    ),
    findings: z.array(deficiencyItemSchema),
    notices: z.array(
      z.object({ no: z.number(), kind: z.string(), items: z.array(deficiencyItemSchema) }).loose(),
    ),
    decision: z
      .object({ outcome: z.string(), reason: z.string(), legalBasis: z.string() })
      .loose()
      .nullable(),
    creditCode: z.string().nullable(),
    allowedActions: z.array(z.string()),
    trail: z.array(ZAudit),
  })
  .loose()
  .meta({ id: 'RegistrationView', description: '流程的当前状态（工作流查询结果）' });

export const ZRegistrationDetail = z.object({
  registration: ZRegistrationSummary,
  view: ZRegistrationView.nullable(),
  live: z.boolean(),
  application: applicationSchema.nullable(),
});

export const ZAuditList = z.object({ items: z.array(ZAudit.loose()) });
