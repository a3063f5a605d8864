import { z } from 'zod';
import {
  AWARDING_LEVELS,
  GRADE_STATUSES,
  INSPECTION_RESULTS,
} from '../domain/organization/profile';
import { ZDay, ZInstant, ZJson } from './common';

/** Answers of the organisation register routes (api/routes/organizations.ts). */

export const ZGradeRecord = z.object({
  id: z.string(),
  level: z.number().int(),
  awardingLevel: z.enum(AWARDING_LEVELS),
  awardedOn: ZDay,
  expiresOn: ZDay,
  status: z.enum(GRADE_STATUSES),
  endedOn: ZDay.nullable(),
  endReason: z.string().nullable(),
});

/** domain/organization/profile.ts OrganizationProfile. */
export const ZOrganizationProfile = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(['forming', 'registered', 'deregistered', 'banned']),
  legalForm: z.enum(['social_group', 'private_non_enterprise', 'foundation']).nullable(),
  category: z.string().nullable(),
  creditCode: z.string().nullable(),
  registeredOn: ZDay.nullable(),
  inspections: z.array(z.object({ year: z.number().int(), result: z.enum(INSPECTION_RESULTS) })),
  penalties: z.array(
    z.object({
      decisionNo: z.string(),
      kind: z.string(),
      decidedOn: ZDay,
      executedOn: ZDay.nullable(),
    }),
  ),
  abnormalListedOn: ZDay.nullable(),
  dishonestListedOn: ZDay.nullable(),
  underInvestigationSince: ZDay.nullable(),
  grades: z.array(ZGradeRecord),
  partyOrganization: z.object({ present: z.boolean(), recordedOn: ZDay }).nullable().optional(),
  budgetFundedStaffing: z.boolean().nullable().optional(),
});
export const ZOrganizationDetail = ZOrganizationProfile.extend({
  gradeInForce: ZGradeRecord.nullable(),
});

export const ZOrganizationRow = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string().nullable(),
  status: z.string(),
  legalForm: z.string().nullable(),
  category: z.string().nullable(),
  registeredOn: ZDay.nullable(),
  activeGrade: z.object({ level: z.number().int(), expiresOn: ZDay }).nullable(),
});
export const ZOrganizationPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZOrganizationRow),
});

export const ZOrganizationGrades = z.object({ items: z.array(ZGradeRecord) });

export const ZOrganizationAudit = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      subjectType: z.string(),
      subjectId: z.uuid(),
      seq: z.number().int(),
      workflowId: z.string(),
      at: ZInstant,
      actorId: z.string().nullable(),
      actorName: z.string(),
      actorRole: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      reason: z.string().nullable(),
      legalBasis: z.string().nullable(),
      ruleVersion: z.string().nullable(),
      details: ZJson,
      recordedAt: ZInstant,
      chainSeq: z.number().int(),
      prevHash: z.string().nullable(),
      hash: z.string().nullable(),
    }),
  ),
});

export const ZImportReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  imported: z.array(z.uuid()),
  rejected: z.array(
    z.object({
      line: z.number().int(),
      creditCode: z.string().nullable(),
      name: z.string().nullable(),
      reasons: z.array(z.string()),
    }),
  ),
  warnings: z.array(
    z.object({ line: z.number().int(), creditCode: z.string(), messages: z.array(z.string()) }),
  ),
  gradesWatched: z.number().int().optional(),
});

export const ZPenalty = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  decisionNo: z.string(),
  kind: z.string(),
  decidedOn: ZInstant,
  executedOn: ZInstant.nullable(),
  description: z.string().nullable(),
  recordedAt: ZInstant,
  recordedById: z.string().nullable(),
});

export type OrganizationRow = z.infer<typeof ZOrganizationRow>;
export type OrganizationDetail = z.infer<typeof ZOrganizationDetail>;
export type ImportReport = z.infer<typeof ZImportReport>;
