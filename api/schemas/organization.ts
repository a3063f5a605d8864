import { z } from 'zod';
import { INSPECTION_RESULTS, PENALTY_KINDS } from '../../domain/organization/profile';
import { categorySchema, legalFormSchema } from '../../domain/organization-types-schema';

const boolFromQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const localDate = z.iso.date({
  error: (i) => `「${String(i.input)}」不是日期，应写作如 2026-05-01`,
});

export const ZListOrganizationsQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(['forming', 'registered', 'deregistered', 'banned']).optional(),
  legalForm: legalFormSchema.optional(),
  category: categorySchema.optional(),
  graded: boolFromQuery.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ZImportQuery = z.object({ dryRun: boolFromQuery.default(false) });

export const ZInspectionParams = z.object({
  id: z.uuid('编号格式不正确'),
  year: z.coerce.number().int().min(1988).max(2999),
});

export const ZInspectionRequest = z.object({
  result: z.enum(INSPECTION_RESULTS),
  reason: z.string().trim().max(500).optional(),
});

export const ZPenaltyRequest = z
  .object({
    decisionNo: z.string().trim().min(1, '请填写处罚决定书文号').max(100),
    kind: z.enum(PENALTY_KINDS, { error: `处罚种类应为：${PENALTY_KINDS.join('、')}` }),
    decidedOn: localDate,
    executedOn: localDate.optional(),
    description: z.string().trim().max(2000).optional(),
  })
  .refine((p) => !p.executedOn || p.executedOn >= p.decidedOn, {
    path: ['executedOn'],
    message: '执行完毕日期不能早于处罚决定日期',
  });

export const ZPenaltyParams = z.object({ id: z.uuid('编号格式不正确'), penaltyId: z.uuid() });
export const ZPenaltyExecutedRequest = z.object({ executedOn: localDate });

export const ZFlagsRequest = z
  .object({
    abnormalListed: z.boolean().optional(),
    dishonestListed: z.boolean().optional(),
    underInvestigation: z.boolean().optional(),
    investigationNote: z.string().trim().max(500).optional(),
    reason: z.string().trim().min(2, '请说明依据').max(500),
  })
  .refine(
    (f) =>
      f.abnormalListed !== undefined ||
      f.dishonestListed !== undefined ||
      f.underInvestigation !== undefined,
    { message: '至少变更一项标记' },
  );

/** §4.5 rule 4: whether the organisation has a Party organisation (党组织), as recorded now. */
export const ZPartyOrganizationRequest = z.object({
  present: z.boolean({ error: '请说明是否已建立党组织（true / false）' }),
  reason: z.string().trim().min(2, '请说明依据').max(500),
});

/** 102号 art. 8: staffed with institution posts and funded by the budget (excluded undertaker). */
export const ZBudgetFundingRequest = z.object({
  budgetFunded: z.boolean({
    error: '请说明是否使用事业编制且由财政拨款保障（true / false）',
  }),
  reason: z.string().trim().min(2, '请说明依据').max(500),
});
