import { randomInt } from 'node:crypto';
import type { ApplicationInput } from '../domain/registration/application';
import { type DocumentType, requiredDocuments } from '../domain/registration/documents';
import { residentIdCheckChar } from '../domain/resident-id';

/** What one benchmark registration files: a complete community-service social group. */

export const LEGAL_FORM = 'social_group';
export const DOCUMENT_TYPES: DocumentType[] = requiredDocuments(LEGAL_FORM, false).map(
  (r) => r.type,
);

const HANZI = '青松明德和美乐善仁爱光华新安康宁远博雅文韵星辰春晖益众同心惠民启航晨曦聚力携手筑梦';

/** Random enough that names are neither equal nor within edit distance 1 of one another. */
const uniqueWord = () => Array.from({ length: 8 }, () => HANZI[randomInt(HANZI.length)]).join('');

function residentId(seq: number): string {
  const first17 = `32040419850101${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

const person = (name: string, position: string, seq: number) => ({
  name,
  idType: 'resident_id' as const,
  idNumber: residentId(seq),
  position,
  phone: `0519-8888${1000 + seq}`,
});

/** A minimal but real PDF: what a scanned upload looks like to the content sniffer. */
export function pdfBytes(label: string): Uint8Array {
  return new Uint8Array(
    Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, 'latin1'),
  );
}

export function applicationFor(
  documents: { type: DocumentType; fileId: string }[],
  contactEmail: string,
): ApplicationInput {
  return {
    name: `常州市钟楼区${uniqueWord()}促进会`,
    category: 'community_service',
    legalForm: LEGAL_FORM,
    purpose: '遵守宪法、法律、法规和国家政策，服务社区居民，促进公益事业发展。',
    businessScope: '开展公益服务、组织志愿活动、提供咨询培训、承接政府购买服务项目。',
    activityArea: '常州市钟楼区',
    domicile: '常州市钟楼区南大街18号',
    contact: { name: '刘联络', phone: '0519-88881234', email: contactEmail },
    legalRepresentative: person('刘法人', '会长', 1),
    founders: [person('张发起', '发起人', 2), person('王发起', '发起人', 3)],
    responsiblePersons: [person('陈负责', '秘书长', 4)],
    funds: { amount: 50_000, source: '发起人捐赠', inCash: true },
    premises: {
      address: '常州市钟楼区南大街18号',
      areaSquareMeters: 120,
      tenure: 'leased',
      leaseMonths: 36,
    },
    members: { individuals: 60, units: 0, stateOrganUnits: 0 },
    needsPriorPermit: false,
    documents,
    declarations: { noDeprivationOfPoliticalRights: true, fullCivilCapacity: true, truthful: true },
  };
}
