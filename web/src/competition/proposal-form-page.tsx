import { type FormEvent, useState } from 'react';
import {
  BUDGET_KIND_LABEL,
  BUDGET_KINDS,
  PURPOSE_LABEL,
  PURPOSES,
} from '../../../domain/competition/policy';
import { type Proposal, proposalSchema } from '../../../domain/competition/proposal';
import { ApiError, api, fieldErrors } from '../api';
import { yuanToFen } from '../components/action-dialog';
import { Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { Link, navigate } from '../router';
import { useLoad } from '../use-load';
import { yuan } from './labels';
import type { RoundDetail } from './types';

/** Where a server finding (DOMAIN §5.4) belongs on the form. */
const FINDING_FIELD: Record<string, string> = {
  OVER_CAP: 'requestedFen',
  BUDGET_SUM: 'budgetLines',
  FORBIDDEN_SPENDING: 'budgetLines',
  CO_FUNDING: 'coFundingFen',
  BANK_ACCOUNT: 'bankAccount.accountName',
  CATEGORY: 'category',
  PURPOSE: 'purpose',
  DOUBLE_FUNDING: 'otherGovernmentFunding',
};

interface Line {
  item: string;
  kind: (typeof BUDGET_KINDS)[number];
  amount: string;
}
interface Member {
  name: string;
  role: string;
  experience: string;
}

function errorsOf(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors(err))) {
    const key = FINDING_FIELD[k] ?? k;
    out[key] = out[key] ? `${out[key]}；${v}` : v;
  }
  return out;
}

/** Field messages in plain words (the schema's own messages where it has them). */
function clientErrors(body: unknown): Record<string, string> {
  const parsed = proposalSchema.safeParse(body);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const i of parsed.error.issues) {
    const path = i.path.map(String);
    const list = ['team', 'budgetLines'].includes(path[0] ?? '');
    const key = list ? (path[0] as string) : path.join('.');
    const money = path.at(-1)?.endsWith('Fen');
    const min = 'minimum' in i ? Number(i.minimum) : null;
    const max = 'maximum' in i ? Number(i.maximum) : null;
    const msg = money
      ? '请填写金额（元，最多两位小数）'
      : i.code === 'too_small' && min !== null && i.origin === 'string'
        ? min <= 1
          ? '请填写'
          : `至少${min}个字`
        : i.code === 'too_big' && max !== null && i.origin === 'string'
          ? `不超过${max}个字`
          : i.code === 'invalid_format' || i.code === 'custom'
            ? i.message
            : '请填写有效内容';
    out[key] ??= list ? `${path[0] === 'team' ? '团队成员' : '预算项'}：${msg}` : msg;
  }
  return out;
}

interface Eligibility {
  eligible: boolean;
  reasons: string[];
  capFen: number;
  organizationName: string;
}

/**
 * The applicant's proposal. Opening it first checks the applicant against the round's rules
 * (registration, lists, last year's inspection, one proposal per organisation, the call open),
 * so an organisation that may not apply learns why before writing anything.
 */
export function ProposalFormPage({ roundId }: { roundId: string }) {
  const check = useLoad(
    () => api.get<Eligibility>(`/api/competitions/${roundId}/eligibility`),
    `competition-eligibility-${roundId}`,
  );
  if (check.error) return <ProblemAlert error={check.error} />;
  if (!check.data) return <Loading text="正在核对申报条件…" />;
  if (!check.data.eligible)
    return (
      <div className="narrow">
        <p className="crumb">
          <Link to={`/competitions/${roundId}`}>返回本轮创投</Link>
        </p>
        <h1 className="page-title">申报公益创投项目</h1>
        <Notice tone="warn">
          <strong>贵单位目前不能申报本轮项目：</strong>
          <ul>
            {check.data.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Notice>
      </div>
    );
  return <ProposalFields roundId={roundId} eligibility={check.data} />;
}

/** The proposal itself: validated in the browser by the API's own schema, then by the API. */
function ProposalFields({ roundId, eligibility }: { roundId: string; eligibility: Eligibility }) {
  const round = useLoad(
    () => api.get<RoundDetail>(`/api/competitions/${roundId}`),
    `round-${roundId}`,
  );
  const [f, setF] = useState({
    title: '',
    category: '',
    purpose: 'elderly',
    need: '',
    design: '',
    requested: '',
    coFunding: '0',
    other: false,
    bank: '',
    // Funds go only to an account in the applicant's own name (DOMAIN §5.4).
    accountName: eligibility.organizationName,
    accountNo: '',
  });
  const [team, setTeam] = useState<Member[]>([{ name: '', role: '项目负责人', experience: '' }]);
  const [lines, setLines] = useState<Line[]>([{ item: '', kind: 'activity', amount: '' }]);
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const r = round.data;
  if (!r) return round.error ? <ProblemAlert error={round.error} /> : <Loading />;
  const category = f.category || r.settings.categories[0]?.code || '';
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));

  const bodyOf = () => ({
    title: f.title,
    category,
    purpose: f.purpose,
    need: f.need,
    design: f.design,
    team: team.map((t) => ({
      name: t.name,
      role: t.role,
      ...(t.experience ? { experience: t.experience } : {}),
    })),
    budgetLines: lines.map((l) => ({
      item: l.item,
      kind: l.kind,
      amountFen: yuanToFen(l.amount),
    })),
    requestedFen: yuanToFen(f.requested),
    coFundingFen: yuanToFen(f.coFunding || '0'),
    otherGovernmentFunding: f.other,
    bankAccount: { bank: f.bank, accountName: f.accountName, accountNo: f.accountNo },
    documentIds: [],
  });
  const live = tried ? clientErrors(bodyOf()) : {};
  const shown = { ...errs, ...live };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = bodyOf();
    const parsed = proposalSchema.safeParse(body);
    setTried(true);
    if (!parsed.success) {
      setErrs({});
      return;
    }
    setErrs({});
    setBusy(true);
    try {
      const res = await api.post<{ id: string }>(
        `/api/competitions/${roundId}/proposals`,
        parsed.data satisfies Proposal,
      );
      navigate(`/competition-proposals/${res.id}`);
    } catch (err) {
      setError(err);
      setErrs(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };
  const sum = lines.reduce((a, l) => a + (yuanToFen(l.amount) || 0), 0);
  return (
    <div className="narrow">
      <p className="crumb">
        <Link to={`/competitions/${roundId}`}>{r.title}</Link> / 申报项目
      </p>
      <h1 className="page-title">申报公益创投项目</h1>
      <Notice tone="ok">
        {eligibility.organizationName}符合本轮申报条件，申请金额不超过 {yuan(eligibility.capFen)}。
      </Notice>
      <p className="muted">
        预算明细合计应等于申请金额与自筹金额之和。
        {r.settings.fundingSource.name}不得用于：
        {r.settings.fundingSource.forbiddenBudgetKinds.map((k) => BUDGET_KIND_LABEL[k]).join('、')}
        。
      </p>
      <form onSubmit={submit} noValidate>
        <Card title="项目概况">
          <Field label="项目名称" required error={shown.title}>
            {(id, d) => (
              <input id={id} aria-describedby={d} value={f.title} onChange={set('title')} />
            )}
          </Field>
          <div className="grid-2">
            <Field label="类别" required error={shown.category}>
              {(id) => (
                <select id={id} value={category} onChange={set('category')}>
                  {r.settings.categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="资助方向" required error={shown.purpose}>
              {(id) => (
                <select id={id} value={f.purpose} onChange={set('purpose')}>
                  {PURPOSES.map((p) => (
                    <option key={p} value={p}>
                      {PURPOSE_LABEL[p]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field
            label="服务需求"
            required
            error={shown.need}
            hint="服务对象、需求依据（不少于10个字）"
          >
            {(id, d) => (
              <textarea
                id={id}
                aria-describedby={d}
                rows={3}
                value={f.need}
                onChange={set('need')}
              />
            )}
          </Field>
          <Field
            label="项目设计"
            required
            error={shown.design}
            hint="目标、活动安排、进度（不少于10个字）"
          >
            {(id, d) => (
              <textarea
                id={id}
                aria-describedby={d}
                rows={4}
                value={f.design}
                onChange={set('design')}
              />
            )}
          </Field>
        </Card>
        <Card title="项目团队">
          {team.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered.
            <div className="grid-3" key={i}>
              <Field label={`成员${i + 1}姓名`}>
                {(id) => (
                  <input
                    id={id}
                    value={t.name}
                    onChange={(e) =>
                      setTeam(team.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
                    }
                  />
                )}
              </Field>
              <Field label="职责">
                {(id) => (
                  <input
                    id={id}
                    value={t.role}
                    onChange={(e) =>
                      setTeam(team.map((x, j) => (j === i ? { ...x, role: e.target.value } : x)))
                    }
                  />
                )}
              </Field>
              <Field label="相关经验">
                {(id) => (
                  <input
                    id={id}
                    value={t.experience}
                    onChange={(e) =>
                      setTeam(
                        team.map((x, j) => (j === i ? { ...x, experience: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
            </div>
          ))}
          {shown.team && <small className="error">{shown.team}</small>}
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => setTeam([...team, { name: '', role: '', experience: '' }])}
          >
            添加成员
          </button>
        </Card>
        <Card title="预算">
          {lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered.
            <div className="grid-3" key={i}>
              <Field label={`预算项${i + 1}`}>
                {(id) => (
                  <input
                    id={id}
                    value={l.item}
                    onChange={(e) =>
                      setLines(lines.map((x, j) => (j === i ? { ...x, item: e.target.value } : x)))
                    }
                  />
                )}
              </Field>
              <Field label="支出类别">
                {(id) => (
                  <select
                    id={id}
                    value={l.kind}
                    onChange={(e) =>
                      setLines(
                        lines.map((x, j) =>
                          j === i ? { ...x, kind: e.target.value as Line['kind'] } : x,
                        ),
                      )
                    }
                  >
                    {BUDGET_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {BUDGET_KIND_LABEL[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="金额（元）">
                {(id) => (
                  <input
                    id={id}
                    inputMode="decimal"
                    value={l.amount}
                    onChange={(e) =>
                      setLines(
                        lines.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
            </div>
          ))}
          {shown.budgetLines && <p className="error">{shown.budgetLines}</p>}
          <p className="muted">明细合计：{yuan(sum)}</p>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => setLines([...lines, { item: '', kind: 'activity', amount: '' }])}
          >
            添加预算项
          </button>
          <div className="grid-2">
            <Field label="申请金额（元）" required error={shown.requestedFen}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  inputMode="decimal"
                  value={f.requested}
                  onChange={set('requested')}
                />
              )}
            </Field>
            <Field label="自筹配套（元）" error={shown.coFundingFen}>
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  inputMode="decimal"
                  value={f.coFunding}
                  onChange={set('coFunding')}
                />
              )}
            </Field>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={f.other}
              onChange={(e) => setF((x) => ({ ...x, other: e.target.checked }))}
            />
            本项目已获得其他财政资金资助
          </label>
          {shown.otherGovernmentFunding && (
            <small className="error">{shown.otherGovernmentFunding}</small>
          )}
        </Card>
        <Card title="收款账户（本单位对公账户）">
          <Field label="开户银行" required error={shown['bankAccount.bank']}>
            {(id) => <input id={id} value={f.bank} onChange={set('bank')} />}
          </Field>
          <div className="grid-2">
            <Field
              label="户名"
              required
              error={shown['bankAccount.accountName']}
              hint="须与单位名称一致"
            >
              {(id, d) => (
                <input
                  id={id}
                  aria-describedby={d}
                  value={f.accountName}
                  onChange={set('accountName')}
                />
              )}
            </Field>
            <Field label="账号" required error={shown['bankAccount.accountNo']}>
              {(id) => (
                <input
                  id={id}
                  inputMode="numeric"
                  value={f.accountNo}
                  onChange={set('accountNo')}
                />
              )}
            </Field>
          </div>
        </Card>
        {Object.keys(live).length > 0 && (
          <div className="alert alert-bad" role="alert">
            请按提示修改标记的内容后再提交。
          </div>
        )}
        <ProblemAlert
          error={error}
          fieldsShown={
            error instanceof ApiError &&
            error.errors.every((i) => FINDING_FIELD[i.path.replace('body.', '')])
          }
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? '正在提交…' : '提交申报'}
          </button>
        </div>
      </form>
    </div>
  );
}
