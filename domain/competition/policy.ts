import { z } from 'zod';
import { durationSchema } from '../duration-schema';

/**
 * Every number of DOMAIN §5 as a per-round setting with its default. A round stores the parsed
 * settings it was opened with (rule layers in force on the round-open date, then the
 * administrator's choices), so later rule changes never move a running round.
 */

export const FUNDING_SOURCES = ['welfare_lottery', 'co_funder', 'donor', 'fiscal'] as const;
export const PURPOSES = ['elderly', 'disability', 'orphans', 'poverty', 'other'] as const;
export const PURPOSE_LABEL: Record<(typeof PURPOSES)[number], string> = {
  elderly: '扶老',
  disability: '助残',
  orphans: '救孤',
  poverty: '济困',
  other: '其他',
};
export const BUDGET_KINDS = [
  'personnel',
  'activity',
  'materials',
  'training',
  'publicity',
  'admin',
  'travel_abroad',
  'reception',
  'vehicle',
  'building',
  'government_basic',
  'bonus',
  'profit',
] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];
export const BUDGET_KIND_LABEL: Record<BudgetKind, string> = {
  personnel: '人员劳务',
  activity: '活动开展',
  materials: '物资材料',
  training: '培训督导',
  publicity: '宣传推广',
  admin: '行政管理',
  travel_abroad: '因公出国（境）',
  reception: '公务接待',
  vehicle: '公务用车',
  building: '楼堂馆所',
  government_basic: '政府部门基本支出',
  bonus: '不合理津贴奖金',
  profit: '营利性活动',
};
export const AGGREGATIONS = ['mean', 'trimmed_mean', 'z_score'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** `criterion:<key>` (higher mean first), fewer outlier flags, earlier complete submission, lower request. */
export const tieBreakKeySchema = z
  .string()
  .regex(/^(criterion:[a-z_]+|fewer_outliers|earlier_submission|lower_request)$/, '未知的同分规则');

const criterionSchema = z.object({
  key: z.string().regex(/^[a-z_]+$/),
  name: z.string().min(1).max(50),
  max: z.number().int().min(1).max(100),
});

const categorySchema = z.object({
  code: z.string().regex(/^[a-z_]+$/),
  name: z.string().min(1).max(50),
  quotaProjects: z.number().int().min(1).optional(),
  quotaFen: z.number().int().min(1).optional(),
});

export const DEFAULT_RUBRIC = [
  { key: 'need', name: '需求与对象', max: 20 },
  { key: 'design', name: '设计与可行性', max: 25 },
  { key: 'innovation', name: '创新性', max: 15 },
  { key: 'sustainability', name: '可持续与可复制', max: 15 },
  { key: 'team', name: '团队能力', max: 15 },
  { key: 'budget', name: '预算合理性', max: 10 },
];

export const competitionPolicySchema = z
  .object({
    budgetFen: z.number().int().min(1).default(200_000_000),
    fundingSource: z
      .object({
        kind: z.enum(FUNDING_SOURCES).default('welfare_lottery'),
        name: z.string().min(1).default('福利彩票公益金'),
        /** Lottery money must serve 扶老、助残、救孤、济困 (DOMAIN §5.4.2). */
        purposes: z
          .array(z.enum(PURPOSES))
          .default(['elderly', 'disability', 'orphans', 'poverty']),
        forbiddenBudgetKinds: z
          .array(z.enum(BUDGET_KINDS))
          .default([
            'travel_abroad',
            'reception',
            'vehicle',
            'building',
            'government_basic',
            'bonus',
            'profit',
          ]),
      })
      .prefault({}),
    categories: z
      .array(categorySchema)
      .min(1)
      .default([
        { code: 'elderly', name: '为老服务' },
        { code: 'disability', name: '助残服务' },
        { code: 'children', name: '困境儿童' },
        { code: 'poverty', name: '社会救助' },
      ]),
    caps: z
      .object({
        registeredFen: z.number().int().min(1).default(20_000_000),
        recordedFen: z.number().int().min(1).default(3_000_000),
      })
      .prefault({}),
    allowRecorded: z.boolean().default(false),
    proposalsPerOrganization: z.number().int().min(1).default(1),
    coFunding: z
      .object({ minPercentOfRequest: z.number().int().min(0).max(1000).default(0) })
      .prefault({}),
    rubric: z.array(criterionSchema).min(1).default(DEFAULT_RUBRIC),
    passMark: z.number().min(0).default(60),
    shortlistSize: z.number().int().min(1).default(60),
    minPanelSize: z.number().int().min(1).default(5),
    blindReview: z.boolean().default(true),
    aggregation: z
      .object({
        method: z.enum(AGGREGATIONS).default('mean'),
        trimEach: z.number().int().min(1).default(1),
        outlierPoints: z.number().min(0).default(15),
      })
      .prefault({}),
    tieBreak: z
      .array(tieBreakKeySchema)
      .default(['criterion:design', 'fewer_outliers', 'earlier_submission']),
    publicity: durationSchema.default({ amount: 5, unit: 'workingDays' }),
    tranchePercents: z.array(z.number().int().min(1).max(100)).min(1).default([50, 30, 20]),
    midterm: z
      .object({ gradeA: z.number().default(85), gradeB: z.number().default(60) })
      .prefault({}),
    finalPassMark: z.number().default(60),
    excludeOtherGovernmentFunding: z.boolean().default(true),
    /**
     * Finances are read from last year's annual inspection; an organisation registered within
     * this many months of that year's end had none due [U: local default].
     */
    inspectionExemptMonths: z.number().int().min(0).max(12).default(6),
    excludePreviousWinners: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    const sum = p.tranchePercents.reduce((a, b) => a + b, 0);
    if (sum !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['tranchePercents'],
        message: `各期拨付比例之和须为100%，现为${sum}%`,
      });
    if (new Set(p.categories.map((c) => c.code)).size !== p.categories.length)
      ctx.addIssue({ code: 'custom', path: ['categories'], message: '类别代码不能重复' });
    if (new Set(p.rubric.map((c) => c.key)).size !== p.rubric.length)
      ctx.addIssue({ code: 'custom', path: ['rubric'], message: '评分指标代码不能重复' });
    for (const k of p.tieBreak) {
      const key = k.startsWith('criterion:') ? k.slice(10) : null;
      if (key && !p.rubric.some((c) => c.key === key))
        ctx.addIssue({
          code: 'custom',
          path: ['tieBreak'],
          message: `同分规则引用了不存在的评分指标：${key}`,
        });
    }
    if (p.midterm.gradeB > p.midterm.gradeA)
      ctx.addIssue({ code: 'custom', path: ['midterm'], message: 'B 级下限不能高于 A 级下限' });
  });

export type CompetitionPolicy = z.infer<typeof competitionPolicySchema>;
export type Criterion = CompetitionPolicy['rubric'][number];

export const rubricMax = (p: Pick<CompetitionPolicy, 'rubric'>) =>
  p.rubric.reduce((a, c) => a + c.max, 0);

// Money texts live in money.ts, which workflows import without zod.
export { formatYuan } from './money';
