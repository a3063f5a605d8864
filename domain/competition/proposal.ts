import { z } from 'zod';
import { addCalendarMonths } from '../calendar';
import type { OrganizationProfile } from '../organization/profile';
import {
  BUDGET_KIND_LABEL,
  BUDGET_KINDS,
  type CompetitionPolicy,
  formatYuan,
  PURPOSE_LABEL,
  PURPOSES,
} from './policy';

/** A proposal as an applicant files it (需求、设计、预算、团队、申请金额、附件). */
export const proposalSchema = z.object({
  title: z.string().trim().min(2).max(100),
  category: z.string().regex(/^[a-z_]+$/),
  purpose: z.enum(PURPOSES),
  need: z.string().trim().min(10).max(5000),
  design: z.string().trim().min(10).max(10000),
  team: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(50),
        role: z.string().trim().min(1).max(50),
        experience: z.string().trim().max(500).optional(),
      }),
    )
    .min(1)
    .max(50),
  budgetLines: z
    .array(
      z.object({
        item: z.string().trim().min(1).max(100),
        kind: z.enum(BUDGET_KINDS),
        amountFen: z.number().int().min(1).max(100_000_000_000),
      }),
    )
    .min(1)
    .max(200),
  requestedFen: z.number().int().min(1).max(100_000_000_000),
  coFundingFen: z.number().int().min(0).max(100_000_000_000).default(0),
  otherGovernmentFunding: z.boolean().default(false),
  bankAccount: z.object({
    bank: z.string().trim().min(2).max(100),
    accountName: z.string().trim().min(2).max(100),
    accountNo: z.string().regex(/^[0-9]{8,30}$/, '银行账号应为8至30位数字'),
  }),
  documentIds: z.array(z.uuid()).max(20).default([]),
});
export type Proposal = z.infer<typeof proposalSchema>;

export interface Eligibility {
  profile: OrganizationProfile;
  /** On record (备案) as a community social organisation, not registered. */
  recorded: boolean;
  /** Funded in the previous round of this competition. */
  previousWinner: boolean;
  /** Local date of submission (YYYY-MM-DD). */
  today: string;
}

export interface Finding {
  code: string;
  message: string;
}

/** The cap that applies to this applicant: registered or recorded organisations (Huzhou 2024). */
export const capFor = (p: CompetitionPolicy, recorded: boolean) =>
  recorded ? p.caps.recordedFen : p.caps.registeredFen;

function applicantFindings(p: CompetitionPolicy, e: Eligibility): Finding[] {
  const out: Finding[] = [];
  const prof = e.profile;
  if (prof.status !== 'registered') {
    if (!e.recorded)
      out.push({ code: 'NOT_REGISTERED', message: '申报单位须为依法登记的社会组织' });
    else if (!p.allowRecorded)
      out.push({ code: 'RECORDED_NOT_ALLOWED', message: '本轮创投不接受备案社区社会组织申报' });
  }
  if (prof.abnormalListedOn)
    out.push({ code: 'ABNORMAL_LIST', message: '申报单位已被列入活动异常名录' });
  if (prof.dishonestListedOn)
    out.push({ code: 'DISHONEST_LIST', message: '申报单位已被列入严重违法失信名单' });
  if (prof.underInvestigationSince)
    out.push({ code: 'UNDER_INVESTIGATION', message: '申报单位正在接受有关部门调查' });
  out.push(...financeFindings(p, e));
  if (e.previousWinner && p.excludePreviousWinners)
    out.push({ code: 'PREVIOUS_WINNER', message: '上一届获资助单位本轮不得申报' });
  return out;
}

/**
 * §5.4 rule 1 "sound finances", read from last year's annual inspection: a failed or skipped
 * one refuses, and so does none on record when one was due. An organisation registered in the
 * last months of that year (policy) had none due; a recorded (备案) one has no inspections.
 */
function financeFindings(p: CompetitionPolicy, e: Eligibility): Finding[] {
  const lastYear = Number(e.today.slice(0, 4)) - 1;
  const last = e.profile.inspections.find((i) => i.year === lastYear);
  if (last?.result === 'fail' || last?.result === 'missing')
    return [
      {
        code: 'FINANCES',
        message: `${lastYear}年度年检${last.result === 'fail' ? '不合格' : '未参加'}，财务状况不符合申报条件`,
      },
    ];
  if (last || e.profile.status !== 'registered' || !e.profile.registeredOn) return [];
  const dueFrom = addCalendarMonths(`${lastYear + 1}-01-01`, -p.inspectionExemptMonths);
  if (e.profile.registeredOn >= dueFrom) return [];
  return [
    {
      code: 'FINANCES',
      message: `${lastYear}年度年检结果尚无记录，无法确认财务状况健全，不符合申报条件（年检结果登记后可再申报）`,
    },
  ];
}

function budgetFindings(p: CompetitionPolicy, e: Eligibility, x: Proposal): Finding[] {
  const out: Finding[] = [];
  const cap = capFor(p, e.recorded);
  if (x.requestedFen > cap)
    out.push({
      code: 'OVER_CAP',
      message: `申请金额${formatYuan(x.requestedFen)}超过本轮对${e.recorded ? '备案' : '已登记'}组织的上限${formatYuan(cap)}`,
    });
  const lines = x.budgetLines.reduce((a, l) => a + l.amountFen, 0);
  if (lines !== x.requestedFen + x.coFundingFen)
    out.push({
      code: 'BUDGET_SUM',
      message: `预算明细合计${formatYuan(lines)}，应等于申请金额与自筹金额之和${formatYuan(x.requestedFen + x.coFundingFen)}`,
    });
  const minCo = Math.ceil((x.requestedFen * p.coFunding.minPercentOfRequest) / 100);
  if (x.coFundingFen < minCo)
    out.push({
      code: 'CO_FUNDING',
      message: `本轮要求自筹配套不少于申请金额的${p.coFunding.minPercentOfRequest}%（${formatYuan(minCo)}）`,
    });
  const forbidden = x.budgetLines.filter((l) =>
    p.fundingSource.forbiddenBudgetKinds.includes(l.kind),
  );
  for (const l of forbidden)
    out.push({
      code: 'FORBIDDEN_SPENDING',
      message: `${p.fundingSource.name}不得用于${BUDGET_KIND_LABEL[l.kind]}（预算项“${l.item}”）`,
    });
  return out;
}

/** Every reason a proposal cannot be accepted (DOMAIN §5.4); empty when it can. */
export function checkProposal(p: CompetitionPolicy, e: Eligibility, x: Proposal): Finding[] {
  const out = applicantFindings(p, e);
  if (!p.categories.some((c) => c.code === x.category))
    out.push({ code: 'CATEGORY', message: `本轮没有“${x.category}”这一类别` });
  if (!p.fundingSource.purposes.includes(x.purpose))
    out.push({
      code: 'PURPOSE',
      message: `${p.fundingSource.name}资助的项目须用于${p.fundingSource.purposes.map((k) => PURPOSE_LABEL[k]).join('、')}`,
    });
  if (x.bankAccount.accountName !== e.profile.name)
    out.push({
      code: 'BANK_ACCOUNT',
      message: '须使用申报单位本单位的对公银行账户（户名须与单位名称一致）',
    });
  if (x.otherGovernmentFunding && p.excludeOtherGovernmentFunding)
    out.push({ code: 'DOUBLE_FUNDING', message: '已获其他财政资金资助的项目不得重复申报' });
  return [...out, ...budgetFindings(p, e, x)];
}
