import { useState } from 'react';
import { api } from '../api';
import { ExportLinks, usePagedList } from '../components/pager';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { useFormState } from '../forms/use-form-state';
import type { Role } from '../types';
import {
  type AccountAction as Action,
  AccountActionDialog,
  CreateDialog,
  ROLE_CHOICES,
} from './account-forms';

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  email: string;
  role: Role;
  roleLabel: string;
  active: boolean;
  mfaEnabled: boolean;
}

interface SessionRow {
  id: string;
  username: string;
  displayName: string;
  createdAt: string;
  lastSeenAt: string;
  sourceIp: string;
}

/** 安全管理员: accounts (create, role, deactivate, password and second-factor resets) and sessions. */
export function AccountsPage() {
  const [typed, setTyped] = useState('');
  const [f, setF] = useState({ q: '', role: '' });
  const filters = new URLSearchParams(Object.entries(f).filter(([, v]) => v)).toString();
  const accounts = usePagedList<AccountRow>('/api/admin/accounts', filters, 50);
  const sessions = usePagedList<SessionRow>('/api/admin/sessions', '', 50);
  const [action, setAction] = useState<Action | null>(null);
  const [creating, setCreating] = useState(false);
  const done = () => {
    setAction(null);
    setCreating(false);
    accounts.reload();
    sessions.reload();
  };
  return (
    <div>
      <h1 className="page-title">账号管理</h1>
      <p className="muted">
        三权分立：系统管理员办理业务设置，安全审计员查阅日志，账号、角色和安全策略由安全管理员管理。每项变更都记入安全日志。
      </p>
      <ProblemAlert error={accounts.error ?? sessions.error} />
      <Card
        title="账号"
        actions={
          <button
            type="button"
            className="btn btn-primary btn-sm"
            onClick={() => setCreating(true)}
          >
            新建账号
          </button>
        }
      >
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setF((x) => ({ ...x, q: typed.trim() }));
          }}
        >
          <input
            aria-label="用户名或姓名"
            placeholder="用户名或姓名"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <select
            aria-label="角色"
            value={f.role}
            onChange={(e) => setF((x) => ({ ...x, role: e.target.value }))}
          >
            <option value="">全部角色</option>
            {ROLE_CHOICES.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-secondary">
            查询
          </button>
          <ExportLinks path="/api/admin/accounts/export" filters={filters} />
        </form>
        {!accounts.data ? (
          <Loading />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>用户名</th>
                  <th>姓名</th>
                  <th>角色</th>
                  <th>状态</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {accounts.data.items.map((a) => (
                  <tr key={a.id}>
                    <td data-label="用户名">{a.username}</td>
                    <td data-label="姓名">{a.displayName}</td>
                    <td data-label="角色">{a.roleLabel}</td>
                    <td data-label="状态">
                      <Badge tone={a.active ? 'ok' : 'muted'}>{a.active ? '在用' : '已停用'}</Badge>{' '}
                      {a.mfaEnabled && <Badge tone="info">已绑定动态验证码</Badge>}
                    </td>
                    <td data-label="" className="row-actions">
                      <button
                        type="button"
                        className="btn btn-secondary btn-sm"
                        onClick={() => setAction({ kind: 'role', account: a })}
                      >
                        变更角色
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary btn-sm"
                        onClick={() =>
                          setAction({ kind: a.active ? 'deactivate' : 'activate', account: a })
                        }
                      >
                        {a.active ? '停用' : '启用'}
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary btn-sm"
                        onClick={() => setAction({ kind: 'password', account: a })}
                      >
                        重置密码
                      </button>
                      {a.mfaEnabled && (
                        <button
                          type="button"
                          className="btn btn-secondary btn-sm"
                          onClick={() => setAction({ kind: 'mfa-reset', account: a })}
                        >
                          重置动态验证码
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {accounts.pager}
          </div>
        )}
      </Card>
      <Card title="在用的会话">
        {!sessions.data ? (
          <Loading />
        ) : sessions.data.items.length === 0 ? (
          <Empty>没有在用的会话。</Empty>
        ) : (
          <>
            <SessionsTable rows={sessions.data.items} onEnded={done} />
            {sessions.pager}
          </>
        )}
      </Card>
      {creating && <CreateDialog onClose={() => setCreating(false)} onDone={done} />}
      {action && (
        <AccountActionDialog action={action} onClose={() => setAction(null)} onDone={done} />
      )}
    </div>
  );
}

function SessionsTable({ rows, onEnded }: { rows: SessionRow[]; onEnded: () => void }) {
  const form = useFormState();
  const error = form.problem;
  const end = async (id: string) => {
    const ended = await form.submit(async () => {
      await api.post(`/api/admin/sessions/${id}/end`, { reason: '安全管理员强制结束' });
      return true;
    });
    if (ended) onEnded();
  };
  return (
    <div className="table-wrap">
      <ProblemAlert error={error} />
      <table className="table">
        <thead>
          <tr>
            <th>账号</th>
            <th>登录时间</th>
            <th>最近活动</th>
            <th>来源地址</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td data-label="账号">
                {s.displayName}（{s.username}）
              </td>
              <td data-label="登录时间">{formatDateTime(s.createdAt)}</td>
              <td data-label="最近活动">{formatDateTime(s.lastSeenAt)}</td>
              <td data-label="来源地址">{s.sourceIp}</td>
              <td data-label="">
                <button
                  type="button"
                  className="btn btn-secondary btn-sm"
                  onClick={() => void end(s.id)}
                >
                  结束会话
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
