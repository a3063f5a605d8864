import { z } from 'zod';
import { durationSchema } from '../duration-schema';

/**
 * Every number of the tiered evaluation (DOMAIN §4), with DOMAIN.md's defaults. A rule set in
 * the database (`RuleSet.process = 'evaluation'`) stores only what differs.
 */

const days = (amount: number) => ({ amount, unit: 'calendarDays' as const });
const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });
const months = (amount: number) => ({ amount, unit: 'months' as const });

export interface IndicatorNode {
  code: string;
  name: string;
  max: number;
  children?: IndicatorNode[] | undefined;
}

export const indicatorSchema: z.ZodType<IndicatorNode> = z.lazy(() =>
  z.object({
    code: z.string().min(1),
    name: z.string().min(1),
    max: z.number().min(0),
    children: z.array(indicatorSchema).optional(),
  }),
);

const leaf = (code: string, name: string, max: number) => ({ code, name, max });

/** §4.4 and §9 #10: default group weights; 民非 swaps the third group. */
const SOCIAL_GROUP = [
  leaf('basic', '基础条件', 100),
  leaf('governance', '内部治理', 350),
  leaf('performance', '工作绩效', 400),
  leaf('social', '社会评价', 150),
];
const PRIVATE_NON_ENTERPRISE = [
  leaf('basic', '基础条件', 100),
  leaf('governance', '内部治理', 400),
  leaf('activities', '业务活动和诚信建设', 350),
  leaf('social', '社会评价', 150),
];

/** Score-to-grade table (§4.4, default for Changzhou): the lowest score of each level. */
const thresholdSchema = z.object({ level: z.number().int().min(1).max(5), min: z.number() });

export const AGGREGATIONS = ['mean', 'trimmed_mean', 'median'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const evaluationPolicySchema = z.object({
  eligibility: z
    .object({
      /** §4.2: registered for two full years (满两个年度). */
      registeredYears: z.number().int().min(0).default(2),
      /** A grade this close to its expiry may be re-evaluated. */
      expiryWindowMonths: z.number().int().min(0).default(12),
      /** Local addition: a grade held this long may apply for a higher one; null = not allowed. */
      upgradeAfterYears: z.number().int().min(0).nullable().default(2),
      /** §4.3 default re-application bar after a cancellation. */
      cancellationBarYears: z.number().int().min(0).default(2),
    })
    .prefault({}),
  experts: z
    .object({
      perFile: z.number().int().min(1).default(3),
      /** §4.1: an expert who left the organisation less than 2 years ago must step aside. */
      conflictLookbackYears: z.number().int().min(0).default(2),
    })
    .prefault({}),
  indicators: z
    .object({
      social_group: z.array(indicatorSchema).default(SOCIAL_GROUP),
      foundation: z.array(indicatorSchema).default(SOCIAL_GROUP),
      private_non_enterprise: z.array(indicatorSchema).default(PRIVATE_NON_ENTERPRISE),
    })
    .prefault({}),
  scoring: z
    .object({
      scale: z.number().min(1).default(1000),
      /** Jiangsu 2020+: bonus points up to 30, total capped at the scale. */
      bonusMax: z.number().min(0).default(30),
      aggregation: z.enum(AGGREGATIONS).default('mean'),
      /** Trimmed mean drops the highest and the lowest sheet only from this many sheets on. */
      trimMinSheets: z.number().int().min(3).default(5),
      /** Highest minus lowest sheet above this flags the file for the committee. */
      disagreementThreshold: z.number().min(0).default(100),
    })
    .prefault({}),
  thresholds: z
    .array(thresholdSchema)
    .min(1)
    .default([
      { level: 5, min: 951 },
      { level: 4, min: 901 },
      { level: 3, min: 851 },
      { level: 2, min: 801 },
      { level: 1, min: 0 },
    ]),
  /** §4.2 tiered authority: the district grants up to 3A and recommends higher grades upward. */
  districtMaxLevel: z.number().int().min(1).max(5).default(3),
  /**
   * §4.5 rule 4: 5A may require a Party organisation (Huaining's rule). DOMAIN calls it a
   * configurable flag without a Jiangsu source, so it is off unless a rule set turns it on.
   */
  fiveARequiresPartyOrganization: z.boolean().default(false),
  committee: z
    .object({
      /** Quorum: at least this share of all members present (⅔). */
      quorumNumerator: z.number().int().min(1).default(2),
      quorumDenominator: z.number().int().min(1).default(3),
      minMembers: z.number().int().min(1).default(7),
      maxMembers: z.number().int().min(1).default(25),
      reviewMinMembers: z.number().int().min(1).default(5),
      reviewMaxMembers: z.number().int().min(1).default(9),
    })
    .prefault({}),
  limits: z
    .object({
      /** §4.4 and §9 #8: publicity (公示) of 7 calendar days. */
      publicity: durationSchema.prefault(days(7)),
      /** Written answer to a review request within 15 days. */
      reviewAnswer: durationSchema.prefault(days(15)),
      /** Validity of a grade: 5 years. */
      validity: durationSchema.prefault(months(60)),
      /** Reminder before a grade expires. */
      expiryReminderLead: durationSchema.prefault(months(6)),
      /** Certificate and plaque returned within 15 days of a downgrade notice. */
      certificateReturn: durationSchema.prefault(days(15)),
      /**
       * A complaint (举报) verified or dismissed by the evaluation office within this limit; past
       * it the office is reminded. DOMAIN gives no figure: the 2021 national rules' 10 working
       * days for deciding eligibility are borrowed. (Eligibility itself needs no limit: it is
       * decided as the organisation applies.)
       */
      complaintVerification: durationSchema.prefault(wd(10)),
    })
    .prefault({}),
  /** Only 3A and above receive a certificate and plaque. */
  certificateMinLevel: z.number().int().min(1).max(5).default(3),
  announcementChannels: z
    .array(z.string())
    .default(['常州市钟楼区民政局门户网站', '政务服务大厅公告栏']),
});

export type EvaluationPolicy = z.infer<typeof evaluationPolicySchema>;

export const DEFAULT_EVALUATION_POLICY: EvaluationPolicy = evaluationPolicySchema.parse({});
