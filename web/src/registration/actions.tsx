import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { DeficiencyItem } from '../../../domain/registration/completeness';
import { DOCUMENT_LABEL } from '../../../domain/registration/documents';
import {
  LEGAL_BASIS,
  NON_ACCEPTANCE_LABEL,
  REFUSAL_GROUND_LABEL,
} from '../../../domain/registration/grounds';
import { api, decisionKeys } from '../api';
import { Dialog, Field, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import type { Account, RegistrationView } from '../types';

/**
 * The decisions the workflow offers now (its allowedActions), each in a dialog asking for its
 * reason. The workflow has the last word: a refusal (409) is shown with its reason.
 */
interface ActionSpec {
  path: string;
  label: (v: RegistrationView) => string;
  roles: string[];
  tone?: 'primary' | 'danger';
  form:
    | 'confirm'
    | 'opinion'
    | 'reason'
    | 'items'
    | 'reject'
    | 'refuse'
    | 'extension'
    | 'expert'
    | 'expertEnd'
    | 'assign';
  prompt?: string;
}

const STAFF = ['reviewer', 'section_head', 'bureau_head'];

export const ACTION_SPECS: Record<string, ActionSpec> = {
  issueDeficiencyNotice: {
    path: 'deficiency-notice',
    label: () => '出具一次性补正通知',
    roles: STAFF,
    form: 'items',
  },
  accept: {
    path: 'accept',
    label: () => '受理',
    roles: STAFF,
    tone: 'primary',
    form: 'confirm',
    prompt: '材料齐全、符合法定形式，出具受理通知书。',
  },
  refuseAcceptance: {
    path: 'refuse-acceptance',
    label: () => '不予受理',
    roles: STAFF,
    tone: 'danger',
    form: 'refuse',
  },
  claim: {
    path: 'claim',
    label: () => '承办本件',
    roles: STAFF,
    form: 'confirm',
    prompt: '由您承办本级审查。',
  },
  assign: { path: 'assign', label: () => '分配承办人', roles: ['section_head'], form: 'assign' },
  approve: {
    path: 'approve',
    label: (v) => (v.status === 'second_review' ? '复审通过，准予登记' : '初审通过（拟准予登记）'),
    roles: STAFF,
    tone: 'primary',
    form: 'opinion',
  },
  returnForCorrection: { path: 'return', label: () => '退回补正', roles: STAFF, form: 'items' },
  reject: {
    path: 'reject',
    label: (v) => (v.status === 'second_review' ? '不予登记' : '初审意见：拟不予登记'),
    roles: STAFF,
    tone: 'danger',
    form: 'reject',
  },
  requestExtension: {
    path: 'extension-request',
    label: () => '申请延长审查期限',
    roles: STAFF,
    form: 'reason',
  },
  decideExtension: {
    path: 'extension-decision',
    label: () => '批示延期申请',
    roles: ['bureau_head'],
    form: 'extension',
  },
  startExpertReview: {
    path: 'expert-review/start',
    label: () => '组织专家评审',
    roles: STAFF,
    form: 'expert',
  },
  endExpertReview: {
    path: 'expert-review/end',
    label: () => '专家评审结束',
    roles: STAFF,
    form: 'expertEnd',
  },
  extendPreparation: {
    path: 'preparation/extend',
    label: () => '延长筹备期限',
    roles: STAFF,
    form: 'reason',
  },
  withdraw: {
    path: 'withdraw',
    label: () => '撤回申请',
    roles: ['applicant'],
    tone: 'danger',
    form: 'reason',
    prompt: '撤回后本件办结，如需登记须重新申请。',
  },
};

const TARGETS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(DOCUMENT_LABEL).map(([k, v]) => [`document:${k}`, `材料：${v}`]),
  ),
  'field:name': '名称',
  'field:purpose': '宗旨',
  'field:businessScope': '业务范围',
  'field:domicile': '住所',
  'field:funds': '资金',
  'field:premises': '场所',
  'field:members': '会员',
  'field:legalRepresentative': '法定代表人',
  'field:founders': '发起人',
  'field:declarations': '声明',
};

function ItemsEditor({
  suggested,
  value,
  onChange,
}: {
  suggested: DeficiencyItem[];
  value: DeficiencyItem[];
  onChange: (items: DeficiencyItem[]) => void;
}) {
  const [target, setTarget] = useState('document:charter_draft');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const has = (i: DeficiencyItem) => value.some((x) => x.code === i.code && x.target === i.target);
  const extra = value.filter(
    (x) => !suggested.some((s) => s.code === x.code && s.target === x.target),
  );
  return (
    <div className="items-editor">
      {suggested.length > 0 && <p className="muted">系统核查发现的问题（可取消勾选）：</p>}
      {[...suggested, ...extra].map((i) => (
        <label key={`${i.code}-${i.target}`} className="check item-check">
          <input
            type="checkbox"
            checked={has(i)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...value, i]
                  : value.filter((x) => !(x.code === i.code && x.target === i.target)),
              )
            }
          />
          <span className="item-text">
            <strong>{i.title}</strong>
            <small>{i.description}</small>
          </span>
        </label>
      ))}
      <fieldset className="person">
        <legend>添加一项</legend>
        <div className="grid-2">
          <Field label="涉及内容">
            {(id) => (
              <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
                {Object.entries(TARGETS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="问题">
            {(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
        </div>
        <Field label="需要申请人怎样补正">
          {(id) => (
            <textarea
              id={id}
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={!title.trim() || !description.trim()}
          onClick={() => {
            onChange([
              ...value,
              {
                code: `MANUAL_${value.length + 1}`,
                target,
                title: title.trim(),
                description: description.trim(),
                legalBasis: LEGAL_BASIS.intakeNotice,
              },
            ]);
            setTitle('');
            setDescription('');
          }}
        >
          添加此项
        </button>
      </fieldset>
    </div>
  );
}

function ActionDialog({
  id,
  spec,
  view,
  onClose,
  onDone,
}: {
  id: string;
  spec: ActionSpec;
  view: RegistrationView;
  onClose: () => void;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const [choices, setChoices] = useState<string[]>([]);
  const [items, setItems] = useState<DeficiencyItem[]>(view.findings);
  const [days, setDays] = useState(10);
  const [approve, setApprove] = useState(true);
  const [assignee, setAssignee] = useState('');
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const form = useFormState();
  const { busy } = form;
  const [loadError, setLoadError] = useState<unknown>(null);
  const error = form.problem ?? loadError;
  // The dialog lives for one decision: its retries share a key.
  const keys = useRef(decisionKeys());

  useEffect(() => {
    if (spec.form !== 'assign') return;
    api
      .get<{ items: (Account & { active: boolean })[] }>(
        '/api/admin/accounts/lookup?role=reviewer&role=section_head',
      )
      .then((r) =>
        setAccounts(
          r.items.filter((a) => a.active && ['reviewer', 'section_head'].includes(a.role)),
        ),
      )
      .catch(setLoadError);
  }, [spec.form]);

  const body = (): object => {
    switch (spec.form) {
      case 'confirm':
        return {};
      case 'opinion':
        return { opinion: text };
      case 'reason':
        return { reason: text };
      case 'items':
        return spec.path === 'return'
          ? { items, reason: text }
          : { items, ...(text.trim() ? { note: text } : {}) };
      case 'reject':
        return { grounds: choices, reason: text };
      case 'refuse':
        return { reasons: choices, explanation: text };
      case 'extension':
        return { approve, reason: text };
      case 'expert':
        return { reason: text, expectedWorkingDays: days };
      case 'expertEnd':
        return { summary: text };
      case 'assign':
        return { assigneeId: assignee };
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = body();
    const done = await form.submit(async () => {
      await api.post(`/api/registrations/${id}/${spec.path}`, sent, keys.current(sent));
      return true;
    });
    if (done) onDone();
  };

  const textLabel: Record<ActionSpec['form'], string | null> = {
    confirm: null,
    opinion: '审查意见',
    reason: '理由',
    items: spec.path === 'return' ? '退回理由' : '说明（可不填）',
    reject: '具体理由',
    refuse: '不予受理的具体理由',
    extension: '批示意见',
    expert: '专家评审事由',
    expertEnd: '评审结论',
    assign: null,
  };
  const options =
    spec.form === 'reject'
      ? REFUSAL_GROUND_LABEL
      : spec.form === 'refuse'
        ? NON_ACCEPTANCE_LABEL
        : null;

  return (
    <Dialog title={spec.label(view)} open onClose={onClose}>
      <form onSubmit={submit} className="dialog-body" noValidate>
        {spec.prompt && <p>{spec.prompt}</p>}
        {spec.form === 'items' && (
          <ItemsEditor suggested={view.findings} value={items} onChange={setItems} />
        )}
        {options && (
          <fieldset className="person">
            <legend>{spec.form === 'reject' ? '法定理由（可多选）' : '不予受理的情形'}</legend>
            {Object.entries(options).map(([k, v]) => (
              <label key={k} className="check">
                <input
                  type="checkbox"
                  checked={choices.includes(k)}
                  onChange={(e) =>
                    setChoices(e.target.checked ? [...choices, k] : choices.filter((c) => c !== k))
                  }
                />
                <span>{v}</span>
              </label>
            ))}
          </fieldset>
        )}
        {spec.form === 'extension' && (
          <fieldset className="person">
            <legend>批示</legend>
            <label className="check">
              <input
                type="radio"
                name="approve"
                checked={approve}
                onChange={() => setApprove(true)}
              />
              <span>同意延长</span>
            </label>
            <label className="check">
              <input
                type="radio"
                name="approve"
                checked={!approve}
                onChange={() => setApprove(false)}
              />
              <span>不同意延长</span>
            </label>
          </fieldset>
        )}
        {spec.form === 'expert' && (
          <Field label="预计工作日">
            {(fid) => (
              <input
                id={fid}
                type="number"
                min={1}
                max={60}
                value={days}
                onChange={(e) => setDays(Number(e.target.value))}
              />
            )}
          </Field>
        )}
        {spec.form === 'assign' && (
          <Field label="承办人">
            {(fid) => (
              <select id={fid} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                <option value="">请选择</option>
                {(accounts ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName}（{a.roleLabel}）
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {textLabel[spec.form] && (
          <Field
            label={textLabel[spec.form] as string}
            required={spec.form !== 'items' || spec.path === 'return'}
          >
            {(fid) => (
              <textarea
                id={fid}
                name="reason"
                rows={3}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
        )}
        <ProblemAlert error={error} />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            取消
          </button>
          <button
            type="submit"
            className={`btn ${spec.tone === 'danger' ? 'btn-danger' : 'btn-primary'}`}
            disabled={busy}
          >
            {busy ? '正在办理…' : `确认${spec.label(view)}`}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The buttons of the decisions this person's role may take now. */
export function ActionBar({
  id,
  view,
  account,
  onDone,
}: {
  id: string;
  view: RegistrationView;
  account: Account;
  onDone: () => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  // The API offers only what the workflow would accept now from this person.
  const actions = view.allowedActions.filter((a) => ACTION_SPECS[a]?.roles.includes(account.role));
  const excluded = view.awaiting.excludedActorIds.includes(account.id);
  if (actions.length === 0 && !excluded) return null;
  const spec = open ? ACTION_SPECS[open] : undefined;
  return (
    <div className="action-bar">
      {account.role !== 'applicant' && <h2 className="action-title">可办理的事项</h2>}
      {excluded && (
        <p className="alert alert-warn">
          您已办理本件的前一级审查；按“两人审查”规则，本级须由其他人员办理。
        </p>
      )}
      {view.awaiting.assignee && account.role !== 'applicant' && (
        <p className="muted">承办人：{view.awaiting.assignee.name}</p>
      )}
      <div className="action-buttons">
        {actions.map((a) => {
          const s = ACTION_SPECS[a] as ActionSpec;
          return (
            <button
              key={a}
              type="button"
              className={`btn ${s.tone === 'primary' ? 'btn-primary' : s.tone === 'danger' ? 'btn-danger-outline' : 'btn-secondary'}`}
              onClick={() => setOpen(a)}
            >
              {s.label(view)}
            </button>
          );
        })}
      </div>
      {spec && (
        <ActionDialog
          id={id}
          spec={spec}
          view={view}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onDone();
          }}
        />
      )}
    </div>
  );
}
