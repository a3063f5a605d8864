import { cataloguePath } from '../../domain/purchase/catalogue';
import { fenToYuan, METHOD_LABEL } from '../../domain/purchase/procurement-method';
import type { Db } from '../../lib/db';
import type { PurchaseAnnouncementKind } from '../../workflows/purchase/effects';
import type { PurchaseView } from '../../workflows/purchase/view-types';

const PURCHASE_ANNOUNCEMENTS: Record<PurchaseAnnouncementKind, string> = {
  notice: '采购公告',
  award: '成交结果公示',
  contract: '政府购买服务合同公告',
  termination: '合同解除公告',
};

function body(kind: PurchaseAnnouncementKind, v: PurchaseView): string {
  const head = [`项目编号：${v.projectNo}`, `项目名称：${v.title}`, `购买主体：${v.department}`];
  switch (kind) {
    case 'notice':
      return [
        ...head,
        `服务目录：${v.item.code} ${cataloguePath(v.item)}`,
        `采购方式：${v.procurement ? METHOD_LABEL[v.procurement.method] : ''}`,
        `预算金额：${fenToYuan(v.budgetFen)}元`,
        `响应截止时间：${v.notice?.closesAt ?? ''}`,
        `资格与服务要求：${v.notice?.requirements ?? ''}`,
      ].join('\n');
    case 'award':
      return [
        ...head,
        `成交承接主体：${v.award?.name ?? ''}（统一社会信用代码 ${v.award?.creditCode ?? ''}）`,
        `成交金额：${fenToYuan(v.award?.amountFen ?? 0)}元`,
        `公示期至：${v.publicity?.endsAt ?? ''}。参与响应的承接主体认为其权益受到损害的，可在公示期内提出质疑。`,
      ].join('\n');
    case 'contract':
      return [
        ...head,
        `承接主体：${v.award?.name ?? ''}`,
        `合同金额：${fenToYuan(v.contract?.amountFen ?? 0)}元`,
        `服务期限：${v.contract?.startDate ?? ''} 至 ${v.contract?.endDate ?? ''}`,
      ].join('\n');
    case 'termination':
      return [
        ...head,
        `承接主体：${v.award?.name ?? ''}`,
        `解除理由：${v.termination?.reason ?? ''}`,
      ].join('\n');
  }
}

/** 采购公告, 成交结果公示, 合同公告 and 解除公告: one row per key, so a retry adds nothing. */
export function makePublishPurchaseAnnouncement(db: Db) {
  return async function publishPurchaseAnnouncement(input: {
    key: string;
    kind: PurchaseAnnouncementKind;
    view: PurchaseView;
    publishedAt: number;
  }): Promise<string> {
    const v = input.view;
    const row = await db.announcement.upsert({
      where: { key: input.key },
      update: {},
      create: {
        key: input.key,
        kind: `purchase_${input.kind}`,
        subjectType: 'purchase',
        subjectId: v.projectId,
        title: `${v.title}${PURCHASE_ANNOUNCEMENTS[input.kind]}`,
        body: body(input.kind, v),
        channels: ['中国政府采购网', '本机关门户网站'],
        publishedAt: new Date(input.publishedAt),
      },
    });
    return row.id;
  };
}
