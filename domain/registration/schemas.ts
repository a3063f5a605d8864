import { z } from 'zod';
import type { DeficiencyItem } from './completeness';
import { DOCUMENT_TYPES } from './documents';
import { NON_ACCEPTANCE_REASONS, REFUSAL_GROUNDS } from './grounds';

/**
 * The registration lists and notices as zod schemas for the API's boundary. Kept apart from the
 * rules themselves so the workflow bundle, which imports the rules, carries no zod.
 */
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export const refusalGroundSchema = z.enum(REFUSAL_GROUNDS);
export const nonAcceptanceReasonSchema = z.enum(NON_ACCEPTANCE_REASONS);

/**
 * What a deficiency notice (一次性告知, 行政许可法 art. 32) can list. `target` names the part of
 * the application an item is about, so that a second notice can be limited to the parts the
 * resubmission changed.
 */
export const deficiencyItemSchema = z.object({
  code: z.string().min(1).max(60),
  target: z.string().regex(/^(document|field):[a-zA-Z_.]+$/, 'document:<类型> 或 field:<字段>'),
  title: z.string().min(1).max(200),
  description: z.string().min(1).max(2000),
  legalBasis: z.string().min(1).max(300),
}) satisfies z.ZodType<DeficiencyItem>;
