import { useState } from 'react';
import { AUDIT_SUBJECT_LABEL, SECURITY_EVENT_LABEL } from '../../../domain/log-labels';
import { ExportLinks, usePagedList } from '../components/pager';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { ChainCheckCard } from './chain-check-card';

interface SecurityEvent {
  chainSeq: number;
  at: string;
  kind: string;
  outcome: 'success' | 'failure' | 'denied';
  username: string | null;
  accountId: string | null;
  role: string | null;
  sourceIp: string;
  method: string | null;
  path: string | null;
}

interface AuditEntry {
  chainSeq: number;
  at: string;
  subjectType: string;
  action: string;
  actor: { name: string; role: string };
  reason: string | null;
}

const KIND = SECURITY_EVENT_LABEL;
const OUTCOME: Record<SecurityEvent['outcome'], [string, string]> = {
  success: ['成功', 'ok'],
  failure: ['失败', 'warn'],
  denied: ['拒绝', 'bad'],
};

/** 安全审计员: the security log, the decisions' audit log and the check of both hash chains. */
export function AuditLogPage() {
  const [kind, setKind] = useState('');
  const [day, setDay] = useState({ from: '', to: '' });
  const days = new URLSearchParams(Object.entries(day).filter(([, v]) => v)).toString();
  const eventFilters = [kind && `kind=${kind}`, days].filter(Boolean).join('&');
  const events = usePagedList<SecurityEvent>('/api/audit/security-events', eventFilters, 50);
  const entries = usePagedList<AuditEntry>('/api/audit/entries', days, 50);
  return (
    <div>
      <h1 className="page-title">审计日志</h1>
      <ProblemAlert error={events.error ?? entries.error} />
      <div className="filters">
        <DayInput
          label="起始日期"
          value={day.from}
          onChange={(from) => setDay((d) => ({ ...d, from }))}
        />
        <DayInput
          label="截止日期"
          value={day.to}
          onChange={(to) => setDay((d) => ({ ...d, to }))}
        />
      </div>
      <ChainCheckCard />
      <SecurityEventsCard events={events} kind={kind} setKind={setKind} filters={eventFilters} />
      <AuditEntriesCard entries={entries} filters={days} />
    </div>
  );
}

function DayInput(props: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input type="date" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}

function SecurityEventsCard({
  events,
  kind,
  setKind,
  filters: eventFilters,
}: {
  events: ReturnType<typeof usePagedList<SecurityEvent>>;
  kind: string;
  setKind: (k: string) => void;
  filters: string;
}) {
  return (
    <Card
      title="安全日志（时间为 UTC 存储，按本地时间显示）"
      actions={
        <span className="filters">
          <select aria-label="事件类型" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">全部事件</option>
            {Object.entries(KIND).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
          <ExportLinks path="/api/audit/security-events/export" filters={eventFilters} />
        </span>
      }
    >
      {!events.data ? (
        <Loading />
      ) : events.data.items.length === 0 ? (
        <Empty>没有记录。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>时间</th>
                <th>事件</th>
                <th>结果</th>
                <th>账号</th>
                <th>来源地址</th>
                <th>请求</th>
              </tr>
            </thead>
            <tbody>
              {events.data.items.map((e) => (
                <tr key={e.chainSeq}>
                  <td data-label="时间">{formatDateTime(e.at)}</td>
                  <td data-label="事件">{KIND[e.kind] ?? e.kind}</td>
                  <td data-label="结果">
                    <Badge tone={OUTCOME[e.outcome][1]}>{OUTCOME[e.outcome][0]}</Badge>
                  </td>
                  <td data-label="账号">{e.username ?? e.accountId ?? '—'}</td>
                  <td data-label="来源地址">{e.sourceIp}</td>
                  <td data-label="请求" className="break">
                    {e.method} {e.path}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {events.pager}
        </div>
      )}
    </Card>
  );
}

function AuditEntriesCard({
  entries,
  filters: days,
}: {
  entries: ReturnType<typeof usePagedList<AuditEntry>>;
  filters: string;
}) {
  return (
    <Card
      title="业务审计日志（最新在前）"
      actions={<ExportLinks path="/api/audit/entries/export" filters={days} />}
    >
      {!entries.data ? (
        <Loading />
      ) : entries.data.items.length === 0 ? (
        <Empty>没有记录。</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>时间</th>
                <th>事项</th>
                <th>决定</th>
                <th>办理人</th>
                <th>理由</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.items.map((e) => (
                <tr key={e.chainSeq}>
                  <td data-label="时间">{formatDateTime(e.at)}</td>
                  <td data-label="事项">{AUDIT_SUBJECT_LABEL[e.subjectType] ?? e.subjectType}</td>
                  <td data-label="决定">{e.action}</td>
                  <td data-label="办理人">{e.actor.name}</td>
                  <td data-label="理由">{e.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.pager}
        </div>
      )}
    </Card>
  );
}
