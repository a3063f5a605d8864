import { z } from 'zod';

/**
 * The district's yearly targets (DOMAIN.md §0.1, the 2014 work plan), shown on the dashboard.
 * A policy like any other: a new plan is a new rule version from its effective date.
 */
export const targetsPolicySchema = z.object({
  /** New registered social organisations in the year. */
  newRegistrationsPerYear: z.number().int().min(0).default(120),
  /** Share of organisations due for evaluation that hold a valid grade. */
  ratedShareOfDue: z.number().min(0).max(1).default(0.3),
});
export type TargetsPolicy = z.infer<typeof targetsPolicySchema>;
