import { z } from 'zod';

/**
 * Response shapes shared by the API (which declares them on its routes, so the OpenAPI document
 * is complete) and the web (which imports their inferred types). Only zod and domain/ here.
 */

/** A moment as the API writes it: `Date#toISOString()`. */
export const ZInstant = z.iso.datetime({ offset: true });
/** A calendar day, `YYYY-MM-DD`. */
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Any JSON value whose shape is the policy's or the record's own (rules, audit details). */
export const ZJson = z.unknown();
/** A change that answers with the object's id. */
/** A sealed document's verification mark (issue 15 point 11): the code as printed and its page. */
export const ZSealLink = z.object({ code: z.string(), url: z.string() });

export const ZIdOnly = z.object({ id: z.uuid() });
export const ZItems = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
/** What the requesting person may decide now (api/offers.ts), by Update name and object. */
export const ZOffers = {
  allowedActions: z.array(z.string()),
  actionTargets: z.record(
    z.string(),
    z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  ),
};
/** One page of a paged list and the total across all pages (api/paging.ts). */
export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });

/**
 * A dropdown's choices (api/lookup.ts): at most the setting LOOKUP_MAX of them; `more` says there
 * were more, and the page asks the person to narrow the search instead of cutting silently.
 */
export const ZLookup = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), more: z.boolean(), max: z.number().int() });

export const ZRuleSetRef = z.object({
  version: z.string(),
  jurisdiction: z.string(),
  effectiveFrom: ZDay,
});
