import type { z } from 'zod';
import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../domain/organization-types';
import type { Column } from '../table-export';
import type { ZDashboard } from './dashboard';

/** One figure of the dashboard as a spreadsheet row: section, item, value, unit. */
export interface FigureRow {
  section: string;
  item: string;
  value: number;
  unit: '件' | '个' | '家' | '元' | '%';
}

const yuan = (fen: number) => fen / 100;

export const FIGURE_COLUMNS: Column<FigureRow>[] = [
  { header: '类别', value: (r) => r.section, width: 14 },
  { header: '指标', value: (r) => r.item, width: 34 },
  { header: '数值', kind: 'count', value: (r) => r.value, width: 16 },
  { header: '单位', value: (r) => r.unit, width: 8 },
];

/** The dashboard's figures, amounts in 元 and ratios in per cent, in the page's order. */
export function figureRows(d: z.infer<typeof ZDashboard>): FigureRow[] {
  const reg = d.registrations;
  const year = `${d.year}年`;
  const rows: FigureRow[] = [
    { section: '成立登记', item: `${year}新登记目标`, value: reg.target, unit: '个' },
    { section: '成立登记', item: `${year}已准予登记`, value: reg.approved, unit: '个' },
    { section: '成立登记', item: `${year}收到申请`, value: reg.filed, unit: '件' },
    { section: '成立登记', item: '正在办理', value: reg.open, unit: '件' },
    { section: '成立登记', item: '其中已逾期', value: reg.overdue, unit: '件' },
    ...reg.byMonth.map((n, i) => ({
      section: '成立登记',
      item: `${i + 1}月准予登记`,
      value: n,
      unit: '个' as const,
    })),
    ...Object.entries(reg.byLegalForm).map(([k, n]) => ({
      section: '成立登记',
      item: `准予登记：${LEGAL_FORM_LABEL[k as keyof typeof LEGAL_FORM_LABEL] ?? k}`,
      value: n,
      unit: '个' as const,
    })),
    ...Object.entries(reg.byCategory).map(([k, n]) => ({
      section: '成立登记',
      item: `准予登记：${CATEGORY_LABEL[k as keyof typeof CATEGORY_LABEL] ?? k}`,
      value: n,
      unit: '个' as const,
    })),
    { section: '等级评估', item: '有效等级组织占比目标', value: d.grades.target * 100, unit: '%' },
    { section: '等级评估', item: '持有有效等级的组织', value: d.grades.rated, unit: '家' },
    { section: '等级评估', item: '应参加评估的组织', value: d.grades.due, unit: '家' },
    {
      section: '等级评估',
      item: '12个月内等级到期',
      value: d.grades.expiringWithin12Months,
      unit: '家',
    },
    ...Object.entries(d.grades.byLevel).map(([k, n]) => ({
      section: '等级评估',
      item: `${k}级组织`,
      value: n,
      unit: '家' as const,
    })),
    { section: '公益创投', item: `${year}开展轮次`, value: d.competition.rounds, unit: '个' },
    { section: '公益创投', item: '申报项目', value: d.competition.proposals, unit: '个' },
    { section: '公益创投', item: '获资助项目', value: d.competition.funded, unit: '个' },
    { section: '公益创投', item: '资助预算', value: yuan(d.competition.budgetFen), unit: '元' },
    {
      section: '公益创投',
      item: '已确定资助',
      value: yuan(d.competition.committedFen),
      unit: '元',
    },
    { section: '公益创投', item: '已拨付', value: yuan(d.competition.paidFen), unit: '元' },
    {
      section: '政府购买服务',
      item: `${d.year}预算年度项目`,
      value: d.purchase.projects,
      unit: '个',
    },
    { section: '政府购买服务', item: `${year}签订合同`, value: d.purchase.contracts, unit: '个' },
    { section: '政府购买服务', item: '合同金额', value: yuan(d.purchase.contractFen), unit: '元' },
    {
      section: '政府购买服务',
      item: '其中向社会组织购买',
      value: yuan(d.purchase.toSocialOrganizationsFen),
      unit: '元',
    },
    { section: '政府购买服务', item: '已支付', value: yuan(d.purchase.paidFen), unit: '元' },
  ];
  return rows;
}
