import { buildCreditCode } from '../domain/credit-code';
import { IMPORT_COLUMNS } from '../domain/organization/import-row';
import type { LegalForm } from '../domain/organization-types';

/**
 * Registered organisations of the embedded demo, with the inspection results and grades that
 * make the evaluation and the dashboard meaningful: some eligible, some not (and why), some
 * graded, one grade expired and one expiring within the year. Seeded through the CSV import.
 */
const ORGS: {
  name: string;
  form: LegalForm;
  category: string;
  registeredOn: string;
  inspections: string;
  grade?: [string, string, string, string];
}[] = [
  {
    name: '常州市钟楼区慈善协会',
    form: 'social_group',
    category: '公益慈善类',
    registeredOn: '2012-06-01',
    inspections: '2023:合格;2024:合格;2025:合格',
    grade: ['3A', '2021-12-15', '2026-12-15', '区'],
  },
  {
    name: '常州市钟楼区科学技术协会',
    form: 'social_group',
    category: '科技类',
    registeredOn: '2012-06-01',
    inspections: '2023:合格;2024:合格;2025:合格',
  },
  {
    name: '常州市钟楼区养老服务中心',
    form: 'private_non_enterprise',
    category: '城乡社区服务类',
    registeredOn: '2019-04-10',
    inspections: '2023:合格;2024:合格;2025:合格',
    grade: ['2A', '2023-11-20', '2028-11-20', '区'],
  },
  {
    name: '常州市钟楼区青年志愿者协会',
    form: 'social_group',
    category: '公益慈善类',
    registeredOn: '2020-09-01',
    inspections: '2023:合格;2024:基本合格;2025:基本合格',
  },
  {
    name: '常州市钟楼区社区发展基金会',
    form: 'foundation',
    category: '公益慈善类',
    registeredOn: '2016-05-20',
    inspections: '2023:合格;2024:合格;2025:合格',
    grade: ['4A', '2022-06-30', '2027-06-30', '市'],
  },
  {
    name: '常州市钟楼区邻里调解服务中心',
    form: 'private_non_enterprise',
    category: '城乡社区服务类',
    registeredOn: '2025-03-01',
    inspections: '2025:合格',
  },
  {
    name: '常州市钟楼区餐饮行业协会',
    form: 'social_group',
    category: '行业协会商会类',
    registeredOn: '2014-08-08',
    inspections: '2023:合格;2024:合格;2025:不合格',
  },
  {
    name: '常州市钟楼区心理健康促进会',
    form: 'social_group',
    category: '科技类',
    registeredOn: '2018-10-10',
    inspections: '2023:合格;2024:合格;2025:合格',
    grade: ['1A', '2020-01-10', '2025-01-10', '区'],
  },
  {
    name: '常州市钟楼区四点半课堂服务中心',
    form: 'private_non_enterprise',
    category: '城乡社区服务类',
    registeredOn: '2021-06-01',
    inspections: '2023:合格;2024:合格;2025:合格',
  },
  {
    name: '常州市钟楼区阳光助残服务社',
    form: 'private_non_enterprise',
    category: '公益慈善类',
    registeredOn: '2017-02-14',
    inspections: '2023:合格;2024:合格;2025:合格',
  },
];

export const DEMO_ORGANIZATION_NAMES = ORGS.map((o) => o.name);

/** Organisations the demo puts on the abnormal-activity list after the import. */
export const DEMO_ABNORMAL_LISTED = ['常州市钟楼区阳光助残服务社'];

/** The demo organisations as an import CSV, with valid credit codes of the district. */
export function demoOrganizationsCsv(
  districtCode: string,
  exclude: ReadonlySet<string> = new Set(),
): string {
  const header = [
    IMPORT_COLUMNS.creditCode,
    IMPORT_COLUMNS.name,
    IMPORT_COLUMNS.legalForm,
    IMPORT_COLUMNS.category,
    IMPORT_COLUMNS.registeredOn,
    IMPORT_COLUMNS.inspections,
    IMPORT_COLUMNS.grade,
    IMPORT_COLUMNS.gradeAwardedOn,
    IMPORT_COLUMNS.gradeExpiresOn,
    IMPORT_COLUMNS.gradeAwardingLevel,
  ].join(',');
  const rows = ORGS.flatMap((o, i) => {
    if (exclude.has(o.name)) return [];
    const code = buildCreditCode({
      legalForm: o.form,
      divisionCode: districtCode,
      body8: `MJ${String(900001 + i)}`,
    });
    const labels = {
      social_group: '社会团体',
      private_non_enterprise: '民办非企业单位',
      foundation: '基金会',
    };
    return [
      code,
      o.name,
      labels[o.form],
      o.category,
      o.registeredOn,
      o.inspections,
      ...(o.grade ?? ['', '', '', '']),
    ].join(',');
  });
  return [header, ...rows].join('\n');
}
