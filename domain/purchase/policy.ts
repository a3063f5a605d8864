import { z } from 'zod';
import { durationSchema } from '../duration-schema';
import { PENALTY_KINDS } from '../organization/profile';
import { PURCHASER_KIND_KEYS } from './purchaser';

/**
 * Every number of the purchase-of-services process (DOMAIN §6), with DOMAIN.md's defaults.
 * A rule set stores only what differs; parsing fills the rest. The decisive date is the
 * award date (§8); the project loads the rules again when it awards.
 */

const wd = (amount: number) => ({ amount, unit: 'workingDays' as const });
const cd = (amount: number) => ({ amount, unit: 'calendarDays' as const });

export const PROCUREMENT_METHODS = [
  'open_tender',
  'invitational_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'single_source',
  'price_enquiry',
] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

const methodsSchema = z.object({
  /**
   * 采购限额/公开招标数额标准 in fen: at or above it a service purchase is an open tender unless
   * the finance department approved another method. Set by the province per year (§6.3, §9 #22):
   * no built-in value, null = not configured (no threshold is enforced, and the view says so).
   */
  openTenderThresholdFen: z.number().int().min(0).nullable().default(null),
  /** Fewest eligible responses the method needs, or the procurement fails (采购失败). */
  minResponses: z
    .object({
      open_tender: z.number().int().min(1).default(3),
      invitational_tender: z.number().int().min(1).default(3),
      competitive_negotiation: z.number().int().min(1).default(3),
      competitive_consultation: z.number().int().min(1).default(3),
      single_source: z.number().int().min(1).default(1),
    })
    .prefault({}),
  /** Single-source follow-on work: the add-on at most this share of the original contract. */
  singleSourceAddOnMaxPercent: z.number().min(0).max(100).default(10),
  /**
   * Shortest time from the notice to the close of responses: 20 days for tenders (政府采购法
   * art. 35), 10 days for consultation (财库〔2014〕214号 art. 10), 3 working days for
   * negotiation (财政部令第74号 art. 29); single source has no response period.
   */
  minResponsePeriod: z
    .object({
      open_tender: durationSchema.prefault(cd(20)),
      invitational_tender: durationSchema.prefault(cd(20)),
      competitive_negotiation: durationSchema.prefault(wd(3)),
      competitive_consultation: durationSchema.prefault(cd(10)),
      single_source: durationSchema.prefault(cd(0)),
    })
    .prefault({}),
});

const eligibilitySchema = z.object({
  /** Look-back for major violations (§6.1 condition 6). */
  violationYears: z.number().int().min(0).default(3),
  /**
   * Penalty kinds (Penalty.kind) that count as a major violation (重大违法记录). The
   * procurement-law implementing regulation art. 19 names criminal punishment, suspension of
   * business, revocation of licences and large fines; for social organisations the matching
   * penalties of the registration regulations are these [U: local list, configurable].
   */
  majorPenaltyKinds: z
    .array(z.enum(PENALTY_KINDS))
    .default([
      '撤销登记',
      '吊销登记证书',
      '限期停止活动',
      '责令停止活动',
      '较大数额罚款',
      '刑事处罚',
    ]),
  /** Undertakers still under investigation may respond (a pending case is not a finding). */
  refuseUnderInvestigation: z.boolean().default(false),
});

const gradeSchema = z.object({
  /** Points added to the panel's average score per grade level (1A = 1 … 5A = 5) [§6.5]. */
  scoreBonusPerLevel: z.number().min(0).default(1),
  /** Bonus only from this level up (3A+ priority, §6.5). */
  bonusFromLevel: z.number().int().min(1).max(5).default(3),
  /**
   * A hard gate (no response below `hardGateMinLevel`). Off by default: 102号 art. 7 forbids
   * discriminatory conditions, so the view carries a warning whenever it is on (§6.5, §9 #20).
   */
  hardGate: z.boolean().default(false),
  hardGateMinLevel: z.number().int().min(1).max(5).default(3),
});

const contractSchema = z.object({
  normalTermMonths: z.number().int().min(1).default(12),
  maxTermMonths: z.number().int().min(1).default(36),
  /** 履约保证金 cap, percent of the contract amount (§6.5: default 5 %). */
  performanceBondMaxPercent: z.number().min(0).max(100).default(5),
  /** Share withheld until the final performance evaluation passes (§6.5: ≥ 20 %). */
  minWithheldPercent: z.number().min(0).max(100).default(20),
  /** 政府采购法 art. 49: added work at most this share of the original contract amount. */
  amendmentMaxIncreasePercent: z.number().min(0).max(100).default(10),
  /** 政府采购法 art. 46: sign within 30 days of the award notice. */
  signingLimit: durationSchema.prefault(cd(30)),
  /** 实施条例 art. 50: publish the contract within 2 working days of signing. */
  publicationLimit: durationSchema.prefault(wd(2)),
});

export const purchasePolicySchema = z.object({
  /** §6.6 rule 1: the kinds of body that may purchase (purchaser.ts); DOMAIN: state organs. */
  purchaser: z
    .object({ allowedKinds: z.array(z.enum(PURCHASER_KIND_KEYS)).min(1).default(['state_organ']) })
    .prefault({}),
  methods: methodsSchema.prefault({}),
  /**
   * 评审委员会 (实施条例 art. 39 et seq.): an odd number of sitting members, at least `minSize`;
   * a tender's at least `tenderMinSize` (87号令 art. 47: five or more).
   */
  panel: z
    .object({
      minSize: z.number().int().min(1).default(3),
      tenderMinSize: z.number().int().min(1).default(5),
    })
    .prefault({}),
  /**
   * 投标（响应）保证金: at most this share of the budget (§6.5, §9 #18: 2 %), returned within the
   * limit of the award notice (unsuccessful) or the contract (successful) (实施条例 art. 38).
   */
  bidBond: z
    .object({
      maxPercent: z.number().min(0).max(100).default(2),
      returnLimit: durationSchema.prefault(wd(5)),
    })
    .prefault({}),
  eligibility: eligibilitySchema.prefault({}),
  grade: gradeSchema.prefault({}),
  contract: contractSchema.prefault({}),
  /** 中标（成交）结果公告 publicity, during which respondents may challenge (质疑). */
  publicity: durationSchema.prefault(wd(7)),
  ocds: z
    .object({
      /**
       * OCDS requires an ocid prefix registered with the Open Contracting Partnership. The
       * bureau has none yet (§7.1 [U]): this placeholder must be replaced in the rule set.
       */
      ocidPrefix: z
        .string()
        .regex(/^ocds-[a-z0-9]{6}$/)
        .default('ocds-xxxxxx'),
      publisherName: z.string().min(1).default('常州市钟楼区民政局'),
    })
    .prefault({}),
});

export type PurchasePolicy = z.infer<typeof purchasePolicySchema>;
export const DEFAULT_PURCHASE_POLICY: PurchasePolicy = purchasePolicySchema.parse({});

// The warning lives in hard-gate.ts, which workflows import without zod.
export { HARD_GATE_WARNING } from './hard-gate';
