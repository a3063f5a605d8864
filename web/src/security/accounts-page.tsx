import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api';
import { Badge, Card, Dialog, Empty, Field, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import type { Role } from '../types';
import { useLoad } from '../use-load';

interface AccountRow {
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

export const ROLE_CHOICES: [Role, string][] = [
  ['applicant', '申请人'],
  ['reviewer', '审查人员'],
  ['section_head', '科室负责人'],
  ['bureau_head', '局领导'],
  ['evaluator', '评估专家'],
  ['purchaser', '购买主体'],
  ['administrator', '系统管理员'],
  ['committee_member', '评估委员会委员'],
  ['agency', '第三方评估机构'],
  ['judge', '公益创投评审'],
  ['finance', '财务人员'],
  ['security_admin', '安全管理员'],
  ['auditor', '安全审计员'],
];

type Action = {
  kind: 'role' | 'deactivate' | 'activate' | 'password' | 'mfa-reset';
  account: AccountRow;
};

/** 安全管理员: accounts (create, role, deactivate, password and second-factor resets) and sessions. */
export function AccountsPage() {
  const accounts = useLoad(() => api.get<{ items: AccountRow[] }>('/api/admin/accounts'), '');
  const sessions = useLoad(() => api.get<{ items: SessionRow[] }>('/api/admin/sessions'), '');
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
          </div>
        )}
      </Card>
      <Card title="在用的会话">
        {!sessions.data ? (
          <Loading />
        ) : sessions.data.items.length === 0 ? (
          <Empty>没有在用的会话。</Empty>
        ) : (
          <SessionsTable rows={sessions.data.items} onEnded={done} />
        )}
      </Card>
      <Dialog title="新建账号" open={creating} onClose={() => setCreating(false)}>
        <CreateForm onDone={done} />
      </Dialog>
      <Dialog
        title={action ? `${action.account.displayName}（${action.account.username}）` : ''}
        open={action !== null}
        onClose={() => setAction(null)}
      >
        {action && <ActionForm action={action} onDone={done} />}
      </Dialog>
    </div>
  );
}

function SessionsTable({ rows, onEnded }: { rows: SessionRow[]; onEnded: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const end = async (id: string) => {
    setError(null);
    try {
      await api.post(`/api/admin/sessions/${id}/end`, { reason: '安全管理员强制结束' });
      onEnded();
    } catch (e) {
      setError(e);
    }
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

function RoleSelect(props: { label: string; value: Role; onChange: (r: Role) => void }) {
  return (
    <Field label={props.label} required>
      {(id) => (
        <select
          id={id}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as Role)}
        >
          {ROLE_CHOICES.map(([r, l]) => (
            <option key={r} value={r}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function CreateForm({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    role: 'reviewer' as Role,
    password: '',
    organizationName: '',
  });
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const { organizationName, ...rest } = form;
      await api.post('/api/admin/accounts', {
        ...rest,
        ...(rest.role === 'applicant' ? { organizationName } : {}),
      });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const errors = fieldErrors(error);
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ProblemAlert error={error} fieldsShown />
      <Field label="用户名" required error={errors.username} hint="3至40位小写字母、数字或 _ . -">
        {(id, d) => (
          <input id={id} value={form.username} aria-describedby={d} onChange={set('username')} />
        )}
      </Field>
      <Field label="姓名" required error={errors.displayName}>
        {(id, d) => (
          <input
            id={id}
            value={form.displayName}
            aria-describedby={d}
            onChange={set('displayName')}
          />
        )}
      </Field>
      <Field label="电子邮箱" required error={errors.email}>
        {(id, d) => (
          <input
            id={id}
            type="email"
            value={form.email}
            aria-describedby={d}
            onChange={set('email')}
          />
        )}
      </Field>
      <RoleSelect label="角色" value={form.role} onChange={(role) => setForm({ ...form, role })} />
      {form.role === 'applicant' && (
        <Field label="申请组织名称" required error={errors.organizationName}>
          {(id, d) => (
            <input
              id={id}
              value={form.organizationName}
              aria-describedby={d}
              onChange={set('organizationName')}
            />
          )}
        </Field>
      )}
      <Field
        label="初始密码"
        required
        error={errors.password}
        hint="须符合安全策略；请当面或另行告知本人"
      >
        {(id, d) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            value={form.password}
            aria-describedby={d}
            onChange={set('password')}
          />
        )}
      </Field>
      <button type="submit" className="btn btn-primary">
        新建
      </button>
    </form>
  );
}

function ActionForm({ action, onDone }: { action: Action; onDone: () => void }) {
  const [role, setRole] = useState<Role>(action.account.role);
  const [text, setText] = useState('');
  const [organizationName, setOrganizationName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const base = `/api/admin/accounts/${action.account.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      if (action.kind === 'role')
        await api.put(`${base}/role`, {
          role,
          ...(role === 'applicant' ? { organizationName } : {}),
        });
      else if (action.kind === 'password')
        await api.post(`${base}/password`, { newPassword: text });
      else await api.post(`${base}/${action.kind}`, { reason: text });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const label = {
    role: '变更角色',
    deactivate: '停用账号',
    activate: '启用账号',
    password: '重置密码',
    'mfa-reset': '重置动态验证码',
  }[action.kind];
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      {action.kind === 'role' ? (
        <>
          <RoleSelect label="新角色" value={role} onChange={setRole} />
          {role === 'applicant' && (
            <Field label="申请组织名称" required>
              {(id) => (
                <input
                  id={id}
                  value={organizationName}
                  onChange={(e) => setOrganizationName(e.target.value)}
                />
              )}
            </Field>
          )}
        </>
      ) : (
        <Field label={action.kind === 'password' ? '新密码' : '理由'} required>
          {(id) => (
            <input
              id={id}
              type={action.kind === 'password' ? 'password' : 'text'}
              autoComplete={action.kind === 'password' ? 'new-password' : 'off'}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
      )}
      <p className="muted">该账号当前的登录会随即结束。</p>
      <button type="submit" className="btn btn-primary">
        {label}
      </button>
    </form>
  );
}
