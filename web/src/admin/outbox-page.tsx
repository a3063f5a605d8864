import { useState } from 'react';
import { api } from '../api';
import { usePagedList } from '../components/pager';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';

interface Mail {
  id: string;
  toAddress: string;
  subject: string;
  status: 'pending' | 'sending' | 'sent' | 'uncertain';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const STATUS: Record<Mail['status'], [string, string]> = {
  pending: ['待发送', 'info'],
  sending: ['发送中', 'info'],
  sent: ['已发送', 'ok'],
  uncertain: ['待核实', 'warn'],
};

/** Mails of the outbox; an interrupted send waits for a person to confirm before it is resent. */
export function OutboxPage() {
  const [status, setStatus] = useState('');
  const { data, error, reload, pager } = usePagedList<Mail>(
    '/api/admin/outbox',
    status ? `status=${status}` : '',
  );
  const [actionError, setActionError] = useState<unknown>(null);
  const resend = async (id: string) => {
    setActionError(null);
    try {
      await api.post(`/api/admin/outbox/${id}/resend`);
      reload();
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <div>
      <h1 className="page-title">邮件发件箱</h1>
      <p className="muted">“待核实”表示发送过程中断、无法确定对方是否已收到，核实后可重发。</p>
      <div className="filters">
        <select aria-label="状态" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">全部</option>
          {Object.entries(STATUS).map(([k, [label]]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <ProblemAlert error={error ?? actionError} />
      <Card title={data ? `共 ${data.total} 封，最新的在前` : undefined}>
        {!data ? (
          <Loading />
        ) : data.items.length === 0 ? (
          <Empty>没有邮件。</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>主题</th>
                  <th>收件人</th>
                  <th>状态</th>
                  <th>时间</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {data.items.map((m) => (
                  <tr key={m.id}>
                    <td data-label="主题">{m.subject}</td>
                    <td data-label="收件人" className="break">
                      {m.toAddress}
                    </td>
                    <td data-label="状态">
                      <Badge tone={STATUS[m.status][1]}>{STATUS[m.status][0]}</Badge>
                      {m.lastError && <small className="muted block">{m.lastError}</small>}
                    </td>
                    <td data-label="时间">{formatDateTime(m.sentAt ?? m.createdAt)}</td>
                    <td data-label="">
                      {m.status === 'uncertain' && (
                        <button
                          type="button"
                          className="btn btn-secondary btn-sm"
                          onClick={() => void resend(m.id)}
                        >
                          核实后重发
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {pager}
          </div>
        )}
      </Card>
    </div>
  );
}
