import { localDateOf } from '../domain/calendar';
import { CN_2026 } from '../domain/holidays/cn-2026';
import { loadConfig } from '../lib/config';
import { createDb, type Db, Prisma } from '../lib/db';
import { hashPassword } from '../lib/password';
import { importOrganizations } from '../operations/organization/import-organizations';
import {
  DEMO_ABNORMAL_LISTED,
  DEMO_ORGANIZATION_NAMES,
  demoOrganizationsCsv,
} from './demo-organizations';

/**
 * Reference data every installation needs (rule sets, the official holiday calendar) and, in
 * embedded mode only, demo accounts. Idempotent: run at every start.
 */

const RULE_SETS = [
  {
    version: '1998-national',
    jurisdiction: '000000',
    effectiveFrom: '1998-10-25',
    settings: { ruleVersion: '1998', preparation: { enabled: true } },
    note: '社会团体登记管理条例（国务院令第250号，1998年）：筹备与成立登记两个阶段',
  },
  {
    version: '2016-national',
    jurisdiction: '000000',
    effectiveFrom: '2016-02-06',
    settings: { ruleVersion: '2016' },
    note: '国务院令第666号修订：取消筹备审批，一次作出登记决定',
  },
  {
    version: '2014-jiangsu-direct',
    jurisdiction: '320000',
    effectiveFrom: '2014-11-01',
    settings: { relaxations: { oneTradeMultipleAssociations: true } },
    note: '江苏省四类社会组织直接登记管理暂行办法（苏民规〔2014〕1号）：允许一业多会',
  },
] as const;

/** Purchase of services (DOMAIN §6): the defaults live in domain/purchase/policy.ts. */
const PURCHASE_RULE_SETS = [
  {
    version: '2020-national-purchase',
    jurisdiction: '000000',
    effectiveFrom: '2020-03-01',
    settings: {},
    note: '政府购买服务管理办法（财政部令第102号）；公开招标数额标准由省级政府确定，须在省级规则中配置',
  },
] as const;

/** 公益创投: DOMAIN §5.3 defaults live in domain/competition/policy.ts; layers override them. */
const COMPETITION_RULE_SETS = [
  {
    version: '2026-competition-defaults',
    jurisdiction: '000000',
    effectiveFrom: '2014-01-01',
    settings: {},
    note: '公益创投默认规则：评分标准20/25/15/15/15/10，及格线60，分期50/30/20，公示5个工作日，评审不少于5人',
  },
] as const;

/** Tiered evaluation (DOMAIN §4): the defaults live in domain/evaluation/policy.ts. */
const EVALUATION_RULE_SETS = [
  {
    version: '2011-national-evaluation',
    jurisdiction: '000000',
    effectiveFrom: '2011-03-01',
    settings: {},
    note: '社会组织评估管理办法（民政部令第39号）：五个等级，有效期5年；江苏标准的分数线',
  },
] as const;

export const DEMO_PASSWORD = 'Demo@2026zl';

export const DEMO_ACCOUNTS = [
  {
    username: 'applicant',
    displayName: '刘申请',
    role: 'applicant',
    org: '常州市钟楼区青少年科技促进会（筹）',
  },
  {
    username: 'applicant2',
    displayName: '吴申请',
    role: 'applicant',
    org: '常州市钟楼区邻里互助服务中心（筹）',
  },
  // A registered organisation (since 2012, inspections passed, no grade yet): it may apply for
  // evaluation, submit competition proposals and respond to purchases.
  {
    username: 'society',
    displayName: '郑会长',
    role: 'applicant',
    registeredOrg: '常州市钟楼区科学技术协会',
  },
  { username: 'reviewer1', displayName: '李审查', role: 'reviewer' },
  { username: 'reviewer2', displayName: '王复核', role: 'reviewer' },
  { username: 'section', displayName: '张科长', role: 'section_head' },
  { username: 'director', displayName: '陈局长', role: 'bureau_head' },
  { username: 'evaluator', displayName: '赵专家', role: 'evaluator' },
  { username: 'evaluator2', displayName: '钱专家', role: 'evaluator' },
  { username: 'evaluator3', displayName: '孔专家', role: 'evaluator' },
  { username: 'evaluator4', displayName: '严专家', role: 'evaluator' },
  { username: 'agency', displayName: '华益评估中心', role: 'agency' },
  ...Array.from({ length: 7 }, (_, i) => ({
    username: `committee${i + 1}`,
    displayName: `评估委员${'一二三四五六七'[i]}`,
    role: 'committee_member' as const,
  })),
  ...Array.from({ length: 5 }, (_, i) => ({
    username: `judge${i + 1}`,
    displayName: `创投评审${'一二三四五'[i]}`,
    role: 'judge' as const,
  })),
  { username: 'finance', displayName: '冯财务', role: 'finance' },
  { username: 'purchaser', displayName: '孙采购', role: 'purchaser' },
  { username: 'admin', displayName: '周管理', role: 'administrator' },
  { username: 'security', displayName: '郑安全', role: 'security_admin' },
  { username: 'auditor', displayName: '何审计', role: 'auditor' },
] as const;

const DEMO_CATALOGUE = [
  {
    code: '01.03.001',
    catalogueClass: 'basic_public',
    level2: '养老服务',
    level3: '居家养老上门服务',
    department: '区民政局',
    serviceStandard: '为辖区失能、半失能老人每月上门服务不少于4次，建立服务台账',
    unit: '人次',
    priceBasis: '按区居家养老服务补贴标准核定',
    undertakerTypes: ['social_organization', 'enterprise'],
    suitableForSocialOrganizations: true,
  },
  {
    code: '01.03.002',
    catalogueClass: 'basic_public',
    level2: '养老服务',
    level3: '社区老年助餐服务',
    department: '区民政局',
    serviceStandard: '助餐点每日供餐，满意度不低于90%',
    unit: '人次',
    priceBasis: '按市场询价和助餐补贴标准核定',
    undertakerTypes: ['social_organization', 'enterprise'],
    suitableForSocialOrganizations: true,
  },
  {
    code: '02.01.001',
    catalogueClass: 'social_management',
    level2: '社会工作服务',
    level3: '困境儿童关爱服务',
    department: '区民政局',
    serviceStandard: '建立困境儿童个案档案，每季度走访不少于1次',
    unit: '户',
    priceBasis: '按社会工作服务项目成本测算',
    undertakerTypes: ['social_organization'],
    suitableForSocialOrganizations: true,
  },
  {
    code: '05.02.001',
    catalogueClass: 'auxiliary',
    level2: '评估评审',
    level3: '社会组织等级评估第三方服务',
    department: '区民政局',
    serviceStandard: '按《社会组织评估管理办法》组织实地评估并出具报告',
    unit: '家',
    priceBasis: '按评估对象数量和工作量测算',
    undertakerTypes: ['social_organization', 'enterprise', 'public_institution'],
    suitableForSocialOrganizations: true,
  },
];

/**
 * The demo's security policy: every journey of the demo must run with the accounts above, whose
 * password is printed on the sign-in page, so the second factor is offered but not required
 * there. Outside the demo the default (required for every role but applicants) holds.
 */
const DEMO_SECURITY_RULE_SET = {
  process: 'security',
  version: 'demo-security',
  effectiveFrom: new Date('2014-01-01T00:00:00Z'),
  settings: { mfa: { requiredForStaff: false } },
  note: '演示环境：不强制双因素认证（演示账号可自行绑定动态验证码）；正式环境默认工作人员须双因素认证',
};

/** The demo's third-party evaluation agency; the demo evaluators are its expert pool. */
const DEMO_AGENCY = '江苏省华益社会组织评估中心';

/** The district's work-plan targets (DOMAIN.md §0.1), a rule version of process `targets`. */
const TARGET_RULE_SETS = [
  {
    process: 'targets',
    version: '2014-zhonglou-plan',
    jurisdiction: '320404',
    effectiveFrom: new Date('2014-01-01T00:00:00Z'),
    settings: { newRegistrationsPerYear: 120, ratedShareOfDue: 0.3 },
    note: '钟楼区民政局2014年工作要点：全年新登记社会组织120家；评估等级组织占应评组织30%以上',
  },
];

export async function seedReferenceData(db: Db): Promise<void> {
  await db.ruleSet.createMany({ skipDuplicates: true, data: TARGET_RULE_SETS });
  await db.ruleSet.createMany({
    skipDuplicates: true,
    data: RULE_SETS.map((r) => ({
      process: 'registration',
      version: r.version,
      jurisdiction: r.jurisdiction,
      effectiveFrom: new Date(`${r.effectiveFrom}T00:00:00Z`),
      settings: r.settings as unknown as Prisma.InputJsonValue,
      note: r.note,
    })),
  });
  const processes = [
    ['purchase', PURCHASE_RULE_SETS],
    ['evaluation', EVALUATION_RULE_SETS],
    ['competition', COMPETITION_RULE_SETS],
  ] as const;
  for (const [process, sets] of processes) {
    await db.ruleSet.createMany({
      skipDuplicates: true,
      data: sets.map((r) => ({
        process,
        version: r.version,
        jurisdiction: r.jurisdiction,
        effectiveFrom: new Date(`${r.effectiveFrom}T00:00:00Z`),
        settings: r.settings as unknown as Prisma.InputJsonValue,
        note: r.note,
      })),
    });
  }
  await db.holidayCalendarYear.createMany({ skipDuplicates: true, data: [{ ...CN_2026 }] });
}

export async function seedDemo(db: Db, districtCode: string): Promise<void> {
  await db.ruleSet.createMany({
    skipDuplicates: true,
    data: [{ ...DEMO_SECURITY_RULE_SET, jurisdiction: districtCode }],
  });
  const hash = await hashPassword(DEMO_PASSWORD);
  await seedDemoOrganizations(db, districtCode);
  for (const a of DEMO_ACCOUNTS) {
    if (await db.account.findUnique({ where: { username: a.username } })) continue;
    // Two seeders at once (test files sharing a database) may race for a name: the loser's
    // transaction rolls back, its organisation with it, and the winner's account stands.
    await db
      .$transaction(async (tx) => {
        const org =
          'org' in a
            ? await tx.organization.create({ data: { name: a.org } })
            : 'registeredOrg' in a
              ? await tx.organization.findFirst({ where: { name: a.registeredOrg } })
              : null;
        await tx.account.create({
          data: {
            username: a.username,
            displayName: a.displayName,
            email: `${a.username}@demo.zhonglou.example`,
            role: a.role,
            organizationId: org?.id ?? null,
            passwordHash: hash,
          },
        });
      })
      .catch((e: unknown) => {
        if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
      });
  }
  await seedDemoExpertPool(db, districtCode);
  await seedDemoCatalogue(db);
}

/** A guiding catalogue (指导性目录) to start purchases from, when there is none yet. */
async function seedDemoCatalogue(db: Db): Promise<void> {
  if ((await db.purchaseCatalogueItem.count()) > 0) return;
  await db.purchaseCatalogueItem.createMany({
    skipDuplicates: true,
    data: DEMO_CATALOGUE.map((i) => ({ ...i, version: 1, activeCode: i.code })),
  });
}

async function seedDemoExpertPool(db: Db, districtCode: string): Promise<void> {
  const agency =
    (await db.evaluationAgency.findFirst({ where: { name: DEMO_AGENCY, districtCode } })) ??
    (await db.evaluationAgency.create({ data: { name: DEMO_AGENCY, districtCode } }));
  const experts = await db.account.findMany({
    where: {
      username: { in: DEMO_ACCOUNTS.filter((a) => a.role === 'evaluator').map((a) => a.username) },
    },
  });
  await db.evaluationExpert.createMany({
    skipDuplicates: true,
    data: experts.map((e) => ({ accountId: e.id, agencyId: agency.id })),
  });
}

/** Registered organisations with inspections and grades, through the CSV import itself. */
async function seedDemoOrganizations(db: Db, districtCode: string): Promise<void> {
  const today = localDateOf(Date.now());
  // An organisation of the demo that exists already (an earlier start) is left as it is.
  const existing = await db.organization.findMany({
    where: { name: { in: DEMO_ORGANIZATION_NAMES } },
    select: { name: true },
  });
  const csv = demoOrganizationsCsv(districtCode, new Set(existing.map((o) => o.name)));
  const report = await importOrganizations(db, csv, {
    actor: { id: null, name: '演示数据', role: 'administrator' },
    now: new Date(),
    today,
    dryRun: false,
    maxRows: 100,
  });
  for (const r of report.rejected)
    console.warn(`demo organisation ${r.name}: ${r.reasons.join('；')}`);
  await db.organization.updateMany({
    where: { name: { in: DEMO_ABNORMAL_LISTED }, abnormalListedAt: null },
    data: { abnormalListedAt: new Date(`${today}T00:00:00+08:00`) },
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const db = createDb(config.DATABASE_URL);
  try {
    await seedReferenceData(db);
    if (config.DEMO_ACCOUNTS) await seedDemo(db, config.DISTRICT_CODE);
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
