import type { z } from 'zod';

/** A shared schema's findings keyed by field, first message each (the form shows it underneath). */
export function formErrors<T>(result: z.ZodSafeParseResult<T>): Record<string, string> {
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const i of result.error.issues) out[i.path.join('.') || '_'] ??= i.message;
  return out;
}
