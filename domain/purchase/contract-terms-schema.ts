import { z } from 'zod';
import { localDateSchema } from '../calendar-schema';
import type { ContractTerms } from './contract-terms';

// The contract terms at the API's boundary, apart from the rules so workflows carry no zod.

const gateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('signing') }),
  z.object({ kind: z.literal('milestone'), milestoneId: z.string().min(1).max(40) }),
  z.object({ kind: z.literal('final_evaluation') }),
]);
export const contractTermsSchema = z.object({
  clauses: z.record(z.string(), z.string().max(4000)),
  startDate: localDateSchema,
  endDate: localDateSchema,
  /** Required for a term over the normal year (§6.5: budget secured, stable, low price variation). */
  longTermJustification: z.string().max(2000).optional(),
  amountFen: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  performanceBondFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  milestones: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        title: z.string().min(1).max(200),
        dueDate: localDateSchema,
      }),
    )
    .max(24),
  tranches: z
    .array(z.object({ percent: z.number().int().min(1).max(100), gate: gateSchema }))
    .min(1)
    .max(24),
}) satisfies z.ZodType<ContractTerms>;
