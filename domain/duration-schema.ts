import { z } from 'zod';
import { type Duration, TIME_UNITS } from './deadlines';

/** A policy's duration setting; apart from deadlines.ts so the workflow bundle carries no zod. */
export const durationSchema = z.object({
  amount: z.number().int().min(0),
  unit: z.enum(TIME_UNITS),
}) satisfies z.ZodType<Duration>;
