import { z } from 'zod';
import { categorySchema, legalFormSchema } from '../domain/organization-types-schema';
import { applicationSchema } from '../domain/registration/application';
import { deficiencyItemSchema } from '../domain/registration/schemas';
import { REGISTRATION_STATUSES } from '../workflows/registration/view-types';
import { ZSealLink } from './common';

/** Answers of the registration routes (api/routes/registrations.ts, registration-actions.ts). */

export const ZRegistrationSummary = z
  .object({
    id: z.uuid(),
    applicationNo: z.string(),
    name: z.string(),
    category: categorySchema,
    legalForm: legalFormSchema,
    status: z.string(),
    step: z.string(),
    receiptNo: z.string().nullable(),
    filedAt: z.string(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    creditCode: z.string().nullable(),
    temporalUrl: z.string().optional(),
  })
  .meta({ id: 'RegistrationSummary' });

export const ZRegistrationList = z.object({
  items: z.array(ZRegistrationSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

const ZAudit = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string(), role: z.string() }),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().optional(),
  legalBasis: z.string().optional(),
  ruleVersion: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const ZRegistrationView = z
  .object({
    registrationId: z.uuid(),
    applicationNo: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    statusLabel: z.string(),
    deadlines: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        limit: z.string(),
        dueAt: z.string().nullable(),
        state: z.enum(['running', 'paused', 'overdue']),
        provisional: z.boolean(),
        missingYears: z.array(z.number().int()).optional(),
      }),
    ),
    findings: z.array(deficiencyItemSchema),
    notices: z.array(
      z.object({ no: z.number(), kind: z.string(), items: z.array(deficiencyItemSchema) }).loose(),
    ),
    decision: z
      .object({ outcome: z.string(), reason: z.string(), legalBasis: z.string() })
      .loose()
      .nullable(),
    creditCode: z.string().nullable(),
    allowedActions: z.array(z.string()),
    trail: z.array(ZAudit),
  })
  .loose()
  .meta({ id: 'RegistrationView', description: '流程的当前状态（工作流查询结果）' });

export const ZRegistrationDetail = z.object({
  registration: ZRegistrationSummary,
  view: ZRegistrationView.nullable(),
  live: z.boolean(),
  application: applicationSchema.nullable(),
  /** The seal of the decision's document (certificate or decision notice), for its print view. */
  decisionSeal: ZSealLink.nullable(),
});

export const ZAuditList = z.object({ items: z.array(ZAudit.loose()) });

export type RegistrationSummary = z.infer<typeof ZRegistrationSummary>;
export type RegistrationList = z.infer<typeof ZRegistrationList>;
