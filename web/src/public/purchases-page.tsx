import { api } from '../api';
import { Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDate, formatDateTime } from '../format';
import { useLoad } from '../use-load';
import { PublicShell, yuanText } from './public-shell';
import type { PublicPurchase } from './types';

function Purchase({ p }: { p: PublicPurchase }) {
  return (
    <Card title={p.title}>
      <dl className="facts">
        <dt>项目编号</dt>
        <dd>{p.projectNo}</dd>
        <dt>购买主体</dt>
        <dd>{p.department}</dd>
        <dt>服务类别</dt>
        <dd>{p.catalogue}</dd>
        <dt>采购方式</dt>
        <dd>{p.methodLabel ?? '—'}</dd>
        <dt>预算金额</dt>
        <dd>{yuanText(p.budgetYuan)}</dd>
        <dt>项目状态</dt>
        <dd>{p.statusLabel}</dd>
        {p.notice && (
          <>
            <dt>公告发布</dt>
            <dd>{formatDateTime(p.notice.publishedAt)}</dd>
            <dt>响应截止</dt>
            <dd>{formatDateTime(p.notice.closesAt)}</dd>
            <dt>服务要求</dt>
            <dd>{p.notice.requirements}</dd>
          </>
        )}
        {p.award && (
          <>
            <dt>成交供应商</dt>
            <dd>
              {p.award.supplierName}（统一社会信用代码 {p.award.creditCode}）
            </dd>
            <dt>成交金额</dt>
            <dd>{yuanText(p.award.amountYuan)}</dd>
            <dt>成交日期</dt>
            <dd>{formatDate(p.award.decidedAt)}</dd>
            {p.award.publicityEndsAt && (
              <>
                <dt>结果公示截止</dt>
                <dd>{formatDateTime(p.award.publicityEndsAt)}</dd>
              </>
            )}
          </>
        )}
        {p.contract && (
          <>
            <dt>合同金额</dt>
            <dd>{yuanText(p.contract.amountYuan)}</dd>
            <dt>合同期限</dt>
            <dd>
              {formatDate(p.contract.startDate)} 至 {formatDate(p.contract.endDate)}
            </dd>
          </>
        )}
      </dl>
      <p className="muted">
        <a href={p.ocdsUrl}>下载开放合同数据（OCDS）</a>
      </p>
    </Card>
  );
}

/** 政府购买服务采购公告与结果 (ProZorro-style): the notice, then the award once publicised. */
export function PublicPurchasesPage() {
  const list = useLoad(
    () => api.get<{ items: PublicPurchase[] }>('/api/public/purchases'),
    'public-purchases',
  );
  return (
    <PublicShell title="政府购买服务采购公告与成交结果">
      <p className="muted">
        采购公告发布后公开项目信息；响应截止前不公开响应单位，成交结果经公示后公开成交供应商。
      </p>
      <ProblemAlert error={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Card>
          <Empty>目前没有已发布的采购公告。</Empty>
        </Card>
      ) : (
        list.data.items.map((p) => <Purchase key={p.id} p={p} />)
      )}
    </PublicShell>
  );
}
