import { api } from '../api';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useLoad } from '../use-load';
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
  const { data, error } = useLoad(
    () => api.get<{ items: ComplaintSummary[] }>('/api/evaluation/complaints'),
    'evaluation-complaints',
  );
  const now = Date.now();
  const items = data?.items ?? [];
  const due = (c: ComplaintSummary) =>
    c.verificationDueAt ? Date.parse(c.verificationDueAt) : Number.MAX_SAFE_INTEGER;
  const filed = items.filter((c) => c.status === 'filed').sort((a, b) => due(a) - due(b));
  const verified = items.filter((c) => c.status === 'verified');
  const closed = items.filter((c) => c.status !== 'filed' && c.status !== 'verified');
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">举报办理</h1>
        <Link className="btn btn-secondary" to="/evaluation/public">
          公示与等级名单
        </Link>
      </div>
      <ProblemAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : (
        <>
          <h2 className="section-title">待核实（{filed.length}）</h2>
          {filed.length === 0 ? (
            <Card>
              <Empty>没有等待核实的举报。</Empty>
            </Card>
          ) : (
            <ul className="work-list">
              {filed.map((c) => (
                <Item
                  key={c.id}
                  c={c}
                  now={now}
                  meta={`提交于 ${formatDateTime(c.filedAt)} · 核实期限 ${formatDateTime(c.verificationDueAt)}`}
                />
              ))}
            </ul>
          )}
          <h2 className="section-title">复核委员会审议中（{verified.length}）</h2>
          {verified.length === 0 ? (
            <Card>
              <Empty>没有待复核委员会裁定的举报。</Empty>
            </Card>
          ) : (
            <ul className="work-list">
              {verified.map((c) => (
                <Item
                  key={c.id}
                  c={c}
                  now={now}
                  meta={`提交于 ${formatDateTime(c.filedAt)} · 第 ${c.round} 轮表决`}
                />
              ))}
            </ul>
          )}
          <h2 className="section-title">已办结（{closed.length}）</h2>
          {closed.length === 0 ? (
            <Card>
              <Empty>还没有办结的举报。</Empty>
            </Card>
          ) : (
            <ul className="work-list">
              {closed.map((c) => (
                <Item key={c.id} c={c} now={now} meta={`提交于 ${formatDateTime(c.filedAt)}`} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
