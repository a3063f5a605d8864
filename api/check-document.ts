import type { KeyObject } from 'node:crypto';
import { localDateOf } from '../domain/calendar';
import type { DocumentSeal } from '../generated/prisma/client';
import type { Db } from '../lib/db';
import { SEAL_ALGORITHM, type SealData, verifySeal } from '../lib/document-seal';
import type { PublicDocument } from './schemas/public';

/**
 * Whether a sealed document is genuine (its seal verifies with the bureau's public key and the
 * signed data is the row's own) and still in force: a certificate while the organisation stays
 * registered, a grade certificate while the grade is active and not past its expiry, a notice or
 * decision as issued while its application exists, a funding decision while the project's
 * funding lasts, an award notice while the project is neither cancelled nor its contract
 * terminated.
 */

const KIND_LABEL: Record<string, string> = {
  registration_certificate: '登记证书',
  registration_document: '登记文书（通知书、决定书）',
  evaluation_certificate: '评估等级证书',
  competition_funding_decision: '公益创投项目资助决定书',
  purchase_award_notice: '政府购买服务成交结果通知书',
};

/** An award notice no longer in force: the project was withdrawn or its contract dissolved. */
const AWARD_ENDED: Record<string, string> = {
  cancelled: '该采购项目已撤销',
  terminated: '该项目的政府购买服务合同已解除',
};

/** A funding decision no longer in force: the project's funding ended before its term. */
const FUNDING_ENDED: Record<string, string> = {
  not_funded: '该项目的资助已被取消',
  terminated: '该项目已终止资助',
  final_tranche_withheld: '该项目终期评估未通过，尾款不予拨付',
};

const GRADE_ENDED: Record<string, string> = {
  downgraded: '该评估等级已被降级，本证书已失效',
  cancelled: '该评估等级已被取消，本证书已失效',
  superseded: '该组织已取得新的评估结果，本证书已被取代',
  expired: '该评估等级有效期已届满',
};

type Standing = { inForce: boolean; reason: string | null };

async function standingOf(db: Db, seal: DocumentSeal, data: SealData): Promise<Standing> {
  const today = localDateOf(Date.now());
  if (seal.kind === 'registration_certificate') {
    const org = await db.organization.findUnique({ where: { id: seal.subjectId } });
    if (!org) return { inForce: false, reason: '登记记录不存在' };
    if (org.status === 'deregistered') return { inForce: false, reason: '该组织已注销登记' };
    if (org.status === 'banned') return { inForce: false, reason: '该组织已被撤销登记' };
    if (org.status !== 'registered') return { inForce: false, reason: '该组织尚未完成登记' };
    return { inForce: true, reason: null };
  }
  if (seal.kind === 'evaluation_certificate') {
    const grade = await db.grade.findUnique({ where: { id: seal.subjectId } });
    if (!grade) return { inForce: false, reason: '评估等级记录不存在' };
    const expires = grade.expiresOn.toISOString().slice(0, 10);
    if (grade.status !== 'active') {
      const ended = GRADE_ENDED[grade.status] ?? '该评估等级已终止';
      return { inForce: false, reason: grade.endReason ? `${ended}（${grade.endReason}）` : ended };
    }
    if (expires < today) return { inForce: false, reason: `该评估等级有效期已于${expires}届满` };
    return { inForce: true, reason: null };
  }
  if (seal.kind === 'registration_document') {
    const reg = await db.registration.findUnique({ where: { id: seal.subjectId } });
    if (!reg) return { inForce: false, reason: '所涉登记申请不存在' };
    return { inForce: true, reason: null };
  }
  if (seal.kind === 'competition_funding_decision') {
    const p = await db.competitionProposal.findUnique({ where: { id: seal.subjectId } });
    if (!p) return { inForce: false, reason: '所涉创投项目不存在' };
    const ended = FUNDING_ENDED[p.status];
    return ended ? { inForce: false, reason: ended } : { inForce: true, reason: null };
  }
  if (seal.kind === 'purchase_award_notice') {
    const p = await db.purchaseProject.findUnique({ where: { id: seal.subjectId } });
    if (!p) return { inForce: false, reason: '所涉采购项目不存在' };
    const ended = AWARD_ENDED[p.status];
    return ended ? { inForce: false, reason: ended } : { inForce: true, reason: null };
  }
  return { inForce: false, reason: `无法识别的文书种类：${data.kind}` };
}

function parse(canonical: string): SealData | null {
  try {
    return JSON.parse(canonical) as SealData;
  } catch {
    return null;
  }
}

export async function checkDocument(
  db: Db,
  keys: ReadonlyMap<string, KeyObject>,
  code: string,
): Promise<PublicDocument | null> {
  const seal = await db.documentSeal.findUnique({ where: { code } });
  if (!seal) return null;
  const data = parse(seal.canonical);
  const key = keys.get(seal.keyId);
  const genuine =
    data !== null &&
    key !== undefined &&
    verifySeal(key, seal) &&
    data.code === seal.code &&
    data.kind === seal.kind &&
    data.subjectType === seal.subjectType &&
    data.subjectId === seal.subjectId;
  const standing = genuine && data ? await standingOf(db, seal, data) : null;
  return {
    code: seal.code,
    genuine,
    status: !standing ? 'invalid' : standing.inForce ? 'in_force' : 'not_in_force',
    statusLabel: !standing ? '验证失败' : standing.inForce ? '有效' : '已失效',
    reason: !standing
      ? key
        ? '数字签章与文书数据不符：文书可能被篡改，请勿采信'
        : '签章所用密钥不是本机关公布的密钥，无法确认真伪'
      : standing.reason,
    document:
      genuine && data
        ? {
            kindLabel: KIND_LABEL[data.kind] ?? data.kind,
            title: data.title,
            docNo: data.docNo,
            holder: data.holder,
            creditCode: data.creditCode ?? null,
            level: data.level ?? null,
            issuedOn: data.issuedOn,
            validFrom: data.validFrom ?? null,
            validTo: data.validTo ?? null,
            authority: data.authority,
          }
        : null,
    seal: {
      algorithm: SEAL_ALGORITHM,
      keyId: seal.keyId,
      canonical: seal.canonical,
      signature: seal.signature,
    },
    checkedAt: new Date().toISOString(),
  };
}
