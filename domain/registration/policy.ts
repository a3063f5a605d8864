import { z } from 'zod';
import { durationSchema } from '../duration-schema';
import { DEFAULT_NAME_POLICY } from '../name-rules';
import { LEGAL_FORMS } from '../organization-types';

/**
 * Every number of the registration process, with DOMAIN.md's defaults. A rule set in the
 * database stores only what differs; parsing fills the rest (zod `prefault` parses the
 * default through the schema, so nested defaults apply too).
 */

const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });
const months = (amount: number) => ({ amount, unit: 'months' as const });

/**
 * 行政许可法 art. 44's 10 working days for the certificate need no setting: the certificate is
 * issued with the approval itself (the same step), so no limit can run out.
 */
const limitsSchema = z.object({
  /** 行政许可法 art. 32: one complete deficiency notice within 5 working days. */
  intakeNotice: durationSchema.prefault(wd(5)),
  /** 社团条例 art. 12, 民非条例 art. 11, 基金会条例 art. 11: 60 days, working days by default (§1.3). */
  decision: durationSchema.prefault(wd(60)),
  /** 承诺时限: the bureau's published promise, shorter than the statute; null = none. */
  promised: durationSchema.nullable().prefault(wd(30)),
  /** How long an applicant has to send corrections before the file lapses [U: local default]. */
  applicantResponse: durationSchema.nullable().prefault(wd(30)),
  /** Reminder before any limit [U: local default]. */
  reminderLead: durationSchema.prefault(wd(3)),
});

const extensionSchema = z.object({
  /** 行政许可法 art. 42's "20 + 10" applies only where the rule version uses it (§3.3). */
  allowed: z.boolean().default(false),
  amount: durationSchema.prefault(wd(10)),
});

/** 1998 text of the 社团条例 (§1.2): approval of the preparation stage, then founding. */
const preparationSchema = z.object({
  enabled: z.boolean().default(false),
  window: durationSchema.prefault(months(6)),
  extension: durationSchema.prefault(months(3)),
  reapplicationBar: durationSchema.prefault(months(12)),
  foundingReview: durationSchema.prefault(wd(30)),
});

const minimumsSchema = z.object({
  socialGroupIndividualMembers: z.number().int().min(0).default(50),
  socialGroupUnitMembers: z.number().int().min(0).default(30),
  socialGroupMixedMembers: z.number().int().min(0).default(50),
  socialGroupFundsLocal: z.number().min(0).default(30_000),
  privateNonEnterpriseFunds: z.number().min(0).default(30_000),
  foundationFundNonPublic: z.number().min(0).default(2_000_000),
  foundationFundLocalPublic: z.number().min(0).default(4_000_000),
  foundationFundNationalPublic: z.number().min(0).default(8_000_000),
  foundationBoardMin: z.number().int().min(1).default(5),
  foundationBoardMax: z.number().int().min(1).default(25),
  /** A lease or free-use agreement of at least this many months (Ningxia local rule [P]). */
  premisesLeaseMonths: z.number().int().min(0).default(12),
});

/**
 * Jiangsu 2014 direct-registration relaxations (苏民规〔2014〕1号, §9 #4). Lowered funding and
 * member minimums are expressed by the numbers above; this flag is the one that is a rule.
 */
const relaxationsSchema = z.object({
  /** 一业多会: an existing organisation with a similar scope is no ground to refuse. */
  oneTradeMultipleAssociations: z.boolean().default(false),
});

const namesSchema = z.object({
  forbiddenWords: z.array(z.string()).default(DEFAULT_NAME_POLICY.forbiddenWords),
  divisionPrefixes: z.array(z.string()).default(DEFAULT_NAME_POLICY.divisionPrefixes),
  formSuffixes: z
    .object({
      social_group: z.array(z.string()),
      private_non_enterprise: z.array(z.string()),
      foundation: z.array(z.string()),
    })
    .default(DEFAULT_NAME_POLICY.formSuffixes),
  maxLength: z.number().int().min(4).default(DEFAULT_NAME_POLICY.maxLength),
  similarEditDistance: z.number().int().min(0).default(DEFAULT_NAME_POLICY.similarEditDistance),
  forbiddenPrefixForms: z
    .array(z.enum(LEGAL_FORMS))
    .default(DEFAULT_NAME_POLICY.forbiddenPrefixForms),
  fieldTerms: z.array(z.string().min(1)).default(DEFAULT_NAME_POLICY.fieldTerms),
  brandMinLength: z.number().int().min(1).default(DEFAULT_NAME_POLICY.brandMinLength),
});

const remediesSchema = z.object({
  reconsiderationDays: z.number().int().min(1).default(60),
  reconsiderationBody: z.string().default('常州市钟楼区人民政府'),
  litigationMonths: z.number().int().min(1).default(6),
});

export const RULE_VERSIONS = ['1998', '2016'] as const;

export const registrationPolicySchema = z.object({
  /** Which text of the regulations the rule set follows. */
  ruleVersion: z.enum(RULE_VERSIONS).default('2016'),
  limits: limitsSchema.prefault({}),
  extension: extensionSchema.prefault({}),
  preparation: preparationSchema.prefault({}),
  minimums: minimumsSchema.prefault({}),
  relaxations: relaxationsSchema.prefault({}),
  names: namesSchema.prefault({}),
  remedies: remediesSchema.prefault({}),
  creditCode: z
    .object({
      /** Characters 9–10 of the body (the "MJ" segment is illustrative, §9 #6). */
      bodyPrefix: z
        .string()
        .regex(/^[0-9A-HJ-NP-RTUW-Y]{2}$/)
        .default('MJ'),
      /**
       * §2.1: a failed position-17 check (GB 11714) is an error; 'warning' tolerates odd legacy
       * codes. The one switch the import, purchase eligibility and every other check read.
       */
      position17: z.enum(['error', 'warning']).default('error'),
    })
    .prefault({}),
  announcementChannels: z
    .array(z.string())
    .default(['常州市钟楼区民政局门户网站', '政务服务大厅公告栏']),
});

export type RegistrationPolicy = z.infer<typeof registrationPolicySchema>;

export const DEFAULT_REGISTRATION_POLICY: RegistrationPolicy = registrationPolicySchema.parse({});

/** A rule set as the workflow sees it: which version, and the settings it fixes. */
export interface RuleSetRef {
  version: string;
  jurisdiction: string;
  effectiveFrom: string;
}
