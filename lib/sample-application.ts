import { randomInt } from 'node:crypto';
import type { Category, LegalForm } from '../domain/organization-types';
import type { ApplicationInput } from '../domain/registration/application';
import type { DocumentType } from '../domain/registration/documents';
import { requiredDocuments } from '../domain/registration/documents';
import { residentIdCheckChar } from '../domain/resident-id';

/** Sample applications that look like what applicants file: tests, the benchmark, demos. */

const HANZI = '青松明德和美乐善仁爱光华新安康宁远博雅文韵星辰春晖益众同心惠民启航晨曦聚力携手筑梦';

/** A word unlikely to be similar to any other test's (names must stay distinct in the district). */
export function uniqueWord(length = 6): string {
  return Array.from({ length }, () => HANZI[randomInt(HANZI.length)]).join('');
}

export function residentId(seq: number): string {
  const first17 = `320404198${seq % 10}0${1 + (seq % 9)}1${seq % 10}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const person = (name: string, position: string, seq: number) => ({
  name,
  idType: 'resident_id' as const,
  idNumber: residentId(seq),
  position,
  phone: '0519-8888' + String(1000 + seq).slice(-4),
});

const SUFFIX: Record<LegalForm, string> = {
  social_group: '促进会',
  private_non_enterprise: '服务中心',
  foundation: '基金会',
};

export function applicationFor(
  legalForm: LegalForm,
  category: Category,
  documents: { type: DocumentType; fileId: string }[],
  opts: { name?: string; contactEmail?: string } = {},
): ApplicationInput {
  const name = opts.name ?? `常州市钟楼区${uniqueWord()}${SUFFIX[legalForm]}`;
  return {
    name,
    category,
    legalForm,
    purpose: '遵守宪法、法律、法规和国家政策，服务社区居民，促进公益事业发展。',
    businessScope: '开展公益服务、组织志愿活动、提供咨询培训、承接政府购买服务项目。',
    activityArea: '常州市钟楼区',
    domicile: '常州市钟楼区南大街18号',
    contact: {
      name: '刘联络',
      phone: '0519-88881234',
      email: opts.contactEmail ?? 'contact@demo.zhonglou.example',
    },
    legalRepresentative: person('刘法人', '会长', 1),
    founders: [person('张发起', '发起人', 2), person('王发起', '发起人', 3)],
    responsiblePersons: [person('陈负责', legalForm === 'foundation' ? '理事长' : '秘书长', 4)],
    funds: {
      amount: legalForm === 'foundation' ? 2_000_000 : 50_000,
      source: '发起人捐赠',
      inCash: true,
    },
    ...(legalForm === 'foundation' ? { foundationType: 'non_public' as const } : {}),
    premises: {
      address: '常州市钟楼区南大街18号',
      areaSquareMeters: 120,
      tenure: 'leased',
      leaseMonths: 36,
    },
    ...(legalForm === 'social_group'
      ? { members: { individuals: 60, units: 0, stateOrganUnits: 0 } }
      : {}),
    ...(legalForm === 'foundation'
      ? { board: { directors: 7, paidDirectors: 1, closeRelatives: 0, privatelyFunded: false } }
      : {}),
    needsPriorPermit: false,
    documents,
    declarations: { noDeprivationOfPoliticalRights: true, fullCivilCapacity: true, truthful: true },
  };
}

export const requiredTypes = (legalForm: LegalForm): DocumentType[] =>
  requiredDocuments(legalForm, false).map((r) => r.type);

/** A minimal but real PDF: what a scanned document upload looks like to the sniffer. */
export function pdfBytes(label: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, 'latin1');
}
