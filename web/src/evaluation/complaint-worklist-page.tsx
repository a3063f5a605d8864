import type { ReactNode } from 'react';
import { ExportLinks, usePagedList } from '../components/pager';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { complaintRef, subjectText } from './complaint-text';
import { COMPLAINT_STATUS } from './labels';
import type { ComplaintSummary } from './types';

/** A verification limit this close is marked 临近到期 (a reading aid, not a rule). */
const NEAR_DUE_MS = 2 * 24 * 3_600_000;

function DueMark({ c, now }: { c: ComplaintSummary; now: number }) {
  if (c.status !== 'filed') return null;
  const due = c.verificationDueAt ? Date.parse(c.verificationDueAt) : null;
  if (c.overdue || (due !== null && due <= now)) return <Badge tone="bad">已逾期</Badge>;
  if (due !== null && due - now <= NEAR_DUE_MS) return <Badge tone="warn">临近到期</Badge>;
  return null;
}

function Item({ c, now, meta }: { c: ComplaintSummary; now: number; meta: string }) {
  return (
    <li className="work-item">
      <Link to={`/evaluation/complaints/${c.id}`} className="work-link">
        <span className="work-task">
          {complaintRef(c.id)} · {subjectText(c)}
        </span>
        <span className="work-meta muted">{meta}</span>
      </Link>
      <div className="work-due">
        <Badge tone={COMPLAINT_STATUS[c.status].tone}>{COMPLAINT_STATUS[c.status].label}</Badge>
        <DueMark c={c} now={now} />
      </div>
    </li>
  );
}

/**
 * The evaluation office's complaint work list: those waiting for verification first, by their
 * deadline, then those before the review committee, then the finished ones.
 */
export function ComplaintWorklistPage() {
  const now = Date.now();
  const filed = usePagedList<ComplaintSummary>('/api/evaluation/complaints', 'status=filed', 50);
  const verified = usePagedList<ComplaintSummary>(
    '/api/evaluation/complaints',
    'status=verified',
    50,
  );
  const closed = usePagedList<ComplaintSummary>('/api/evaluation/complaints', 'closed=true');
  const due = (c: ComplaintSummary) =>
    c.verificationDueAt ? Date.parse(c.verificationDueAt) : Number.MAX_SAFE_INTEGER;
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">举报办理</h1>
        <span className="filters">
          <ExportLinks path="/api/evaluation/complaints/export" filters="" />
          <Link className="btn btn-secondary" to="/evaluation/public">
            公示与等级名单
          </Link>
        </span>
      </div>
      <ProblemAlert error={filed.error ?? verified.error ?? closed.error} />
      <Section title="待核实" list={filed} empty="没有等待核实的举报。">
        {(items) =>
          // Within a page, the nearest verification deadline first.
          [...items]
            .sort((a, b) => due(a) - due(b))
            .map((c) => (
              <Item
                key={c.id}
                c={c}
                now={now}
                meta={`提交于 ${formatDateTime(c.filedAt)} · 核实期限 ${formatDateTime(c.verificationDueAt)}`}
              />
            ))
        }
      </Section>
      <Section title="复核委员会审议中" list={verified} empty="没有待复核委员会裁定的举报。">
        {(items) =>
          items.map((c) => (
            <Item
              key={c.id}
              c={c}
              now={now}
              meta={`提交于 ${formatDateTime(c.filedAt)} · 第 ${c.round} 轮表决`}
            />
          ))
        }
      </Section>
      <Section title="已办结" list={closed} empty="还没有办结的举报。">
        {(items) =>
          items.map((c) => (
            <Item key={c.id} c={c} now={now} meta={`提交于 ${formatDateTime(c.filedAt)}`} />
          ))
        }
      </Section>
    </div>
  );
}

/** One group of the work list: its own pages and its total in the heading. */
function Section({
  title,
  list,
  empty,
  children,
}: {
  title: string;
  list: ReturnType<typeof usePagedList<ComplaintSummary>>;
  empty: string;
  children(items: ComplaintSummary[]): ReactNode;
}) {
  if (!list.data) return list.error ? null : <Loading />;
  return (
    <>
      <h2 className="section-title">
        {title}（{list.data.total}）
      </h2>
      {list.data.items.length === 0 ? (
        <Card>
          <Empty>{empty}</Empty>
        </Card>
      ) : (
        <>
          <ul className="work-list">{children(list.data.items)}</ul>
          {list.pager}
        </>
      )}
    </>
  );
}
