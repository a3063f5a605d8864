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

/** Requests of the registration routes; the same schemas feed the OpenAPI document. */

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

// The answers live in contract/registration.ts (the web reads them too).
export {
  ZAuditList,
  ZRegistrationDetail,
  ZRegistrationList,
  ZRegistrationSummary,
  ZRegistrationView,
} from '../../contract/registration';
