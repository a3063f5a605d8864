import { z } from 'zod';
import { localDateSchema } from '../calendar-schema';
import type { ContractTerms } from './contract-terms';

// The contract terms at the API's boundary, apart from the rules so workflows carry no zod.

const gateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signing') }),
  z.object({ kind: z.literal('milestone'), milestoneId: z.string().min(1).max(40) }),
  z.object({ kind: z.literal('final_evaluation') }),
]);
// Titles name each field in a refusal (api/route.ts), as the contract form labels it.
export const contractTermsSchema = z.object({
  clauses: z.record(z.string(), z.string().max(4000)).meta({ title: '合同条款' }),
  startDate: localDateSchema.meta({ title: '服务开始日期' }),
  endDate: localDateSchema.meta({ title: '服务结束日期' }),
  /** Required for a term over the normal year (§6.5: budget secured, stable, low price variation). */
  longTermJustification: z.string().max(2000).meta({ title: '超过一年的理由' }).optional(),
  amountFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).meta({ title: '合同金额' }),
  performanceBondFen: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .meta({ title: '履约保证金' }),
  milestones: z
    .array(
      z.object({
        id: z.string().min(1).max(40).meta({ title: '里程碑编号' }),
        title: z.string().min(1).max(200).meta({ title: '里程碑名称' }),
        dueDate: localDateSchema.meta({ title: '里程碑应完成日期' }),
      }),
    )
    .max(24)
    .meta({ title: '里程碑' }),
  tranches: z
    .array(
      z.object({
        percent: z.number().int().min(1).max(100).meta({ title: '付款比例' }),
        gate: gateSchema.meta({ title: '付款条件' }),
      }),
    )
    .min(1)
    .max(24)
    .meta({ title: '付款计划' }),
}) satisfies z.ZodType<ContractTerms>;
