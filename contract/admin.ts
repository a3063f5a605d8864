import { z } from 'zod';
import { ZDay, ZInstant, ZItems, ZJson, ZPage, ZRuleSetRef } from './common';

/** Answers of the administration and audit routes (api/routes/admin.ts, audit-log.ts, accounts.ts). */

export const ZSessionsResponse = ZPage(
  z.object({
    id: z.uuid(),
    accountId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    stage: z.string(),
    createdAt: ZInstant,
    lastSeenAt: ZInstant,
    expiresAt: ZInstant,
    sourceIp: z.string(),
  }),
);

export const ZPolicyResponse = z.object({
  ruleSet: ZRuleSetRef,
  policy: ZJson,
  calendarYears: z.array(z.string()),
});

export const ZHolidayYear = z.object({
  year: z.number().int(),
  daysOff: z.array(ZDay),
  makeupWorkdays: z.array(ZDay),
  source: z.string(),
});
export const ZHolidayCalendarsResponse = ZItems(ZHolidayYear);
export const ZHolidayLoadedResponse = z.object({
  year: z.number().int(),
  recalculated: z.number(),
});

export const ZOutboxMail = z.object({
  id: z.uuid(),
  key: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'uncertain']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: ZInstant,
  sentAt: ZInstant.nullable(),
});
export const ZOutboxResponse = ZItems(ZOutboxMail);
export const ZOutboxResendResponse = z.object({ id: z.uuid(), status: z.literal('pending') });

export const ZAuditEntriesResponse = ZPage(
  z.object({
    chainSeq: z.number().int(),
    subjectType: z.string(),
    subjectId: z.string(),
    seq: z.number().int(),
    at: ZInstant,
    actor: z.object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      role: z.string().nullable(),
    }),
    action: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: z.string().nullable(),
    legalBasis: z.string().nullable(),
    recordedAt: ZInstant,
    hash: z.string(),
  }),
);

export const ZSecurityEventsResponse = ZPage(
  z.object({
    chainSeq: z.number().int(),
    at: ZInstant,
    kind: z.string(),
    outcome: z.string(),
    accountId: z.string().nullable(),
    username: z.string().nullable(),
    role: z.string().nullable(),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    method: z.string().nullable(),
    path: z.string().nullable(),
    details: ZJson,
    hash: z.string().nullable(),
  }),
);

const ZChainHead = z.object({ seq: z.number().int(), hash: z.string() });
const ZChainReport = z.object({
  chain: z.enum(['audit', 'security']),
  ok: z.boolean(),
  entries: z.number().int(),
  head: ZChainHead.nullable(),
  firstBreak: z
    .object({ seq: z.number().int().nullable(), id: z.string(), reason: z.string() })
    .nullable(),
  expected: z.object({ seq: z.number().int(), found: z.boolean() }).optional(),
});
export const ZAuditVerifyResponse = z.object({
  ok: z.boolean(),
  checkedAt: ZInstant,
  audit: ZChainReport,
  security: ZChainReport,
});

export const ZRuleSet = z.object({
  id: z.uuid(),
  process: z.string(),
  version: z.string(),
  jurisdiction: z.string(),
  effectiveFrom: ZInstant,
  settings: ZJson,
  note: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: ZInstant,
});
export const ZRuleSets = ZItems(ZRuleSet);

export const ZPolicyForms = z.object({
  processes: z.array(z.object({ process: z.string(), title: z.string() })),
  jurisdictions: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const ZPolicyForm = z.object({
  process: z.string(),
  title: z.string(),
  /** The settings' JSON Schema, for the form. */
  schema: z.record(z.string(), ZJson),
  ruleSet: ZRuleSetRef.nullable(),
  policy: ZJson,
});
