import { useState } from 'react';
import { api } from '../api';
import { ActionDialog } from '../components/action-dialog';
import { Field } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import type { Role } from '../types';
import type { AccountRow } from './accounts-page';

/**
 * The security administrator's account dialogs: a new account, and one change to an account;
 * both the one action dialog (busy, problem, field errors), rendered while open.
 */

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

export type AccountAction = {
  kind: 'role' | 'deactivate' | 'activate' | 'password' | 'mfa-reset';
  account: AccountRow;
};

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

/** A required text box of an account form, with its hint and error. */
function TextField(props: {
  label: string;
  value: string;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  onChange: (v: string) => void;
}) {
  const { label, value, error, hint, type = 'text', autoComplete, onChange } = props;
  return (
    <Field label={label} required error={error} hint={hint}>
      {(id, d) => (
        <input
          id={id}
          type={type}
          autoComplete={autoComplete}
          value={value}
          aria-describedby={d}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function CreateDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    role: 'reviewer' as Role,
    password: '',
    organizationName: '',
  });
  const state = useFormState();
  const { errors } = state;
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async () => {
    const { organizationName, ...rest } = form;
    const created = await state.submit(async () => {
      await api.post('/api/admin/accounts', {
        ...rest,
        ...(rest.role === 'applicant' ? { organizationName } : {}),
      });
      return true;
    });
    if (created) onDone();
  };
  return (
    <ActionDialog
      title="新建账号"
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      decision={state}
      confirmLabel="新建"
      className="stack"
    >
      <TextField
        label="用户名"
        value={form.username}
        error={errors.username}
        hint="3至40位小写字母、数字或 _ . -"
        onChange={set('username')}
      />
      <TextField
        label="姓名"
        value={form.displayName}
        error={errors.displayName}
        onChange={set('displayName')}
      />
      <TextField
        label="电子邮箱"
        type="email"
        value={form.email}
        error={errors.email}
        onChange={set('email')}
      />
      <RoleSelect label="角色" value={form.role} onChange={(role) => setForm({ ...form, role })} />
      {form.role === 'applicant' && (
        <TextField
          label="申请组织名称"
          value={form.organizationName}
          error={errors.organizationName}
          onChange={set('organizationName')}
        />
      )}
      <TextField
        label="初始密码"
        type="password"
        autoComplete="new-password"
        value={form.password}
        error={errors.password}
        hint="须符合安全策略；请当面或另行告知本人"
        onChange={set('password')}
      />
    </ActionDialog>
  );
}

export function AccountActionDialog({
  action,
  onClose,
  onDone,
}: {
  action: AccountAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const [role, setRole] = useState<Role>(action.account.role);
  const [text, setText] = useState('');
  const [organizationName, setOrganizationName] = useState('');
  const form = useFormState();
  const base = `/api/admin/accounts/${action.account.id}`;
  const submit = async () => {
    const done = await form.submit(async () => {
      if (action.kind === 'role')
        await api.put(`${base}/role`, {
          role,
          ...(role === 'applicant' ? { organizationName } : {}),
        });
      else if (action.kind === 'password')
        await api.post(`${base}/password`, { newPassword: text });
      else await api.post(`${base}/${action.kind}`, { reason: text });
      return true;
    });
    if (done) onDone();
  };
  const label = {
    role: '变更角色',
    deactivate: '停用账号',
    activate: '启用账号',
    password: '重置密码',
    'mfa-reset': '重置动态验证码',
  }[action.kind];
  return (
    <ActionDialog
      title={`${action.account.displayName}（${action.account.username}）`}
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      decision={form}
      confirmLabel={label}
      fieldsShown={false}
      className="stack"
    >
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
    </ActionDialog>
  );
}
