import { z } from 'zod';
import { type Position17Mode, validateCreditCode } from '../credit-code';
import { checkNameRules, NAME_FINDING } from '../name-rules';
import {
  CATEGORIES,
  CATEGORY_LABEL,
  type Category,
  LEGAL_FORM_LABEL,
  LEGAL_FORMS,
  type LegalForm,
} from '../organization-types';
import {
  AWARDING_LEVELS,
  type AwardingLevel,
  INSPECTION_LABEL,
  INSPECTION_RESULTS,
  type InspectionRecord,
  type InspectionResult,
} from './profile';
import { addressSchema, looksLikeFormula, personNameSchema } from '../text-rules';

/**
 * One row of the organisation import (an administrator's CSV of organisations registered before
 * this system). Headers may be the Chinese column names or the field names; enumerated values
 * may be the Chinese labels or the codes. Every reason a row is refused is reported.
 */

export const IMPORT_COLUMNS = {
  creditCode: '统一社会信用代码',
  name: '名称',
  legalForm: '组织形式',
  category: '类别',
  registeredOn: '登记日期',
  domicile: '住所',
  legalRepresentative: '法定代表人',
  supervisionMode: '管理方式',
  supervisoryUnit: '业务主管单位',
  email: '邮箱',
  legacyCertificateNo: '原登记证号',
  inspections: '年检结果',
  grade: '评估等级',
  gradeAwardedOn: '等级授予日期',
  gradeExpiresOn: '等级有效期至',
  gradeAwardingLevel: '等级授予层级',
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

const REQUIRED: ImportColumn[] = ['creditCode', 'name', 'legalForm', 'registeredOn'];

export interface ImportedOrganization {
  creditCode: string;
  name: string;
  legalForm: LegalForm;
  category: Category | null;
  registeredOn: string;
  domicile: string | null;
  legalRepresentative: string | null;
  supervisionMode: 'direct' | 'dual';
  supervisoryUnit: string | null;
  email: string | null;
  legacyCertificateNo: string | null;
  inspections: InspectionRecord[];
  grade: {
    level: number;
    awardedOn: string;
    expiresOn: string;
    awardingLevel: AwardingLevel;
  } | null;
}

export type RowResult =
  | { ok: true; value: ImportedOrganization; warnings: string[] }
  | { ok: false; reasons: string[] };

const AWARDING_LABEL: Record<AwardingLevel, string> = {
  district: '区',
  city: '市',
  province: '省',
  national: '全国',
};

/** Code or label to code; legal forms also accept the 2016 name 社会服务机构 for 民非. */
function lookup<T extends string>(
  value: string,
  codes: readonly T[],
  labels: Record<T, string>,
  extra: Record<string, T> = {},
): T | undefined {
  if ((codes as readonly string[]).includes(value)) return value as T;
  return codes.find((c) => labels[c] === value) ?? extra[value];
}

/** Maps a header row to field names; unknown headers are reported, not dropped silently. */
export function mapHeaders(headers: string[]): {
  fields: (ImportColumn | null)[];
  errors: string[];
} {
  const byLabel = new Map<string, ImportColumn>();
  for (const [k, label] of Object.entries(IMPORT_COLUMNS) as [ImportColumn, string][]) {
    byLabel.set(k, k);
    byLabel.set(label, k);
  }
  const fields = headers.map((h) => byLabel.get(h.trim()) ?? null);
  const errors = headers.filter((_, i) => fields[i] === null).map((h) => `未知的列“${h}”`);
  const seen = new Set<ImportColumn>();
  for (const f of fields) {
    if (f && seen.has(f)) errors.push(`列“${IMPORT_COLUMNS[f]}”重复`);
    if (f) seen.add(f);
  }
  for (const r of REQUIRED) if (!seen.has(r)) errors.push(`缺少必需的列“${IMPORT_COLUMNS[r]}”`);
  return { fields, errors };
}

const isoDate = z.iso.date();

function date(v: string, label: string, reasons: string[], today: string): string | null {
  if (!isoDate.safeParse(v).success) {
    reasons.push(`${label}“${v}”不是有效日期（格式：2020-06-01）`);
    return null;
  }
  if (v > today) {
    reasons.push(`${label}${v}晚于今天`);
    return null;
  }
  return v;
}

/** "2024:合格;2025:基本合格" → records; each year once, not before registration, not in the future. */
function inspections(v: string, reasons: string[], registeredOn: string | null, today: string) {
  const out: InspectionRecord[] = [];
  for (const part of v
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d{4})\s*[:：]\s*(.+)$/.exec(part);
    const result = m
      ? lookup<InspectionResult>((m[2] ?? '').trim(), INSPECTION_RESULTS, INSPECTION_LABEL)
      : undefined;
    if (!m || !result) {
      reasons.push(`年检结果“${part}”无法识别（格式：2024:合格;2025:基本合格）`);
      continue;
    }
    const year = Number(m[1]);
    if (out.some((i) => i.year === year)) reasons.push(`${year}年的年检结果重复`);
    else if (registeredOn && year < Number(registeredOn.slice(0, 4)))
      reasons.push(`${year}年早于登记年份，不能有年检结果`);
    else if (year >= Number(today.slice(0, 4))) reasons.push(`${year}年度的年检尚未进行`);
    else out.push({ year, result });
  }
  return out.sort((a, b) => a.year - b.year);
}

function grade(
  cells: Partial<Record<ImportColumn, string>>,
  reasons: string[],
  registeredOn: string | null,
  today: string,
): ImportedOrganization['grade'] {
  const parts = [cells.grade, cells.gradeAwardedOn, cells.gradeExpiresOn];
  if (parts.every((p) => !p) && !cells.gradeAwardingLevel) return null;
  if (parts.some((p) => !p)) {
    reasons.push('评估等级、等级授予日期、等级有效期至须同时填写');
    return null;
  }
  const m = /^([1-5])A$/i.exec(cells.grade as string);
  if (!m) reasons.push(`评估等级“${cells.grade}”应为1A至5A`);
  const awardedOn = date(cells.gradeAwardedOn as string, '等级授予日期', reasons, today);
  const expiresOn = isoDate.safeParse(cells.gradeExpiresOn).success
    ? (cells.gradeExpiresOn as string)
    : null;
  if (!expiresOn) reasons.push(`等级有效期至“${cells.gradeExpiresOn}”不是有效日期`);
  if (awardedOn && expiresOn && expiresOn <= awardedOn)
    reasons.push('等级有效期至应晚于等级授予日期');
  if (awardedOn && registeredOn && awardedOn < registeredOn)
    reasons.push('等级授予日期早于登记日期');
  const level = cells.gradeAwardingLevel
    ? lookup<AwardingLevel>(cells.gradeAwardingLevel, AWARDING_LEVELS, AWARDING_LABEL)
    : 'district';
  if (!level) reasons.push(`等级授予层级“${cells.gradeAwardingLevel}”应为区、市、省或全国`);
  if (!m || !awardedOn || !expiresOn || !level) return null;
  return { level: Number(m[1]), awardedOn, expiresOn, awardingLevel: level };
}

/** Name findings about its characters and length refuse a row; the structure only warns. */
const NAME_REFUSALS: string[] = [
  NAME_FINDING.empty,
  NAME_FINDING.tooLong,
  NAME_FINDING.invalidCharacters,
];

/**
 * The text of a row as registration would take it (issue 13 point 9): no cell a spreadsheet
 * would run as a formula, the name by the registration's naming rules (its characters refuse,
 * e.g. a zero-width space or a right-to-left override; its structure only warns, since older
 * organisations were named under older rules), a person's name and addresses as such.
 */
function checkText(
  cells: Partial<Record<ImportColumn, string>>,
  legalForm: LegalForm | undefined,
  reasons: string[],
  warnings: string[],
) {
  for (const [k, v] of Object.entries(cells) as [ImportColumn, string][])
    if (v && looksLikeFormula(v))
      reasons.push(`${IMPORT_COLUMNS[k]}以“=”“+”“-”“@”或制表符开头，表格软件可能把它当作公式执行`);
  if (cells.name)
    for (const f of checkNameRules(cells.name, legalForm ?? 'social_group'))
      (NAME_REFUSALS.includes(f.code) ? reasons : warnings).push(`名称：${f.message}`);
  if (cells.legalRepresentative) {
    const r = personNameSchema.safeParse(cells.legalRepresentative);
    if (!r.success) reasons.push(`法定代表人：${r.error.issues[0]?.message}`);
  }
  for (const k of ['domicile', 'supervisoryUnit', 'legacyCertificateNo'] as const) {
    const v = cells[k];
    const r = v ? addressSchema.safeParse(v) : null;
    if (r && !r.success) reasons.push(`${IMPORT_COLUMNS[k]}：${r.error.issues[0]?.message}`);
  }
}

/**
 * Validates one row (cells already trimmed, empty cells absent). `today` is the local date;
 * `position17` is the rule set's switch for the GB 11714 check (an error unless it says so).
 */
export function parseImportRow(
  cells: Partial<Record<ImportColumn, string>>,
  today: string,
  position17: Position17Mode = 'error',
): RowResult {
  const reasons: string[] = [];
  const warnings: string[] = [];
  for (const r of REQUIRED) if (!cells[r]) reasons.push(`${IMPORT_COLUMNS[r]}不能为空`);
  const legalForm = cells.legalForm
    ? lookup<LegalForm>(cells.legalForm, LEGAL_FORMS, LEGAL_FORM_LABEL, {
        社会服务机构: 'private_non_enterprise',
      })
    : undefined;
  if (cells.legalForm && !legalForm)
    reasons.push(
      `组织形式“${cells.legalForm}”应为社会团体、民办非企业单位（社会服务机构）或基金会`,
    );
  const creditCode = cells.creditCode?.toUpperCase();
  if (creditCode) {
    const v = validateCreditCode(creditCode, {
      position17,
      ...(legalForm ? { expectedLegalForm: legalForm } : {}),
    });
    reasons.push(...v.errors.map((e) => e.message));
    warnings.push(...v.warnings.map((w) => w.message));
  }
  const category = cells.category
    ? lookup<Category>(cells.category, CATEGORIES, CATEGORY_LABEL)
    : null;
  if (category === undefined)
    reasons.push(`类别“${cells.category}”不是直接登记的四类之一；其他类别请留空`);
  const registeredOn = cells.registeredOn
    ? date(cells.registeredOn, '登记日期', reasons, today)
    : null;
  const MODES: Record<string, 'direct' | 'dual'> = {
    直接登记: 'direct',
    双重管理: 'dual',
    direct: 'direct',
    dual: 'dual',
  };
  const mode: 'direct' | 'dual' | undefined = cells.supervisionMode
    ? MODES[cells.supervisionMode]
    : 'direct';
  if (!mode) reasons.push(`管理方式“${cells.supervisionMode}”应为直接登记或双重管理`);
  if (mode === 'dual' && !cells.supervisoryUnit) reasons.push('双重管理的组织须填写业务主管单位');
  if (cells.email && !z.email().safeParse(cells.email).success)
    reasons.push(`邮箱“${cells.email}”格式不正确`);
  const records = cells.inspections
    ? inspections(cells.inspections, reasons, registeredOn, today)
    : [];
  const g = grade(cells, reasons, registeredOn, today);
  checkText(cells, legalForm, reasons, warnings);
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    warnings,
    value: {
      creditCode: creditCode as string,
      name: cells.name as string,
      legalForm: legalForm as LegalForm,
      category: category ?? null,
      registeredOn: registeredOn as string,
      domicile: cells.domicile ?? null,
      legalRepresentative: cells.legalRepresentative ?? null,
      supervisionMode: mode as 'direct' | 'dual',
      supervisoryUnit: cells.supervisoryUnit ?? null,
      email: cells.email ?? null,
      legacyCertificateNo: cells.legacyCertificateNo ?? null,
      inspections: records,
      grade: g,
    },
  };
}
