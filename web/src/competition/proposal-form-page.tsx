import { type FormEvent, useState } from 'react';
import { BUDGET_KIND_LABEL } from '../../../domain/competition/policy';
import { type Proposal, proposalSchema } from '../../../domain/competition/proposal';
import { ApiError, api } from '../api';
import { Loading, Notice, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { Link, navigate } from '../router';
import { useLoad } from '../use-load';
import { yuan } from './labels';
import { BankCard, BudgetCard } from './proposal-money';
import {
  emptyProposal,
  type Line,
  type Member,
  OverviewCard,
  proposalBody,
  TeamCard,
} from './proposal-sections';
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

/** A server finding's field on the form (the finding's code where it names one). */
const findingField = (k: string) => FINDING_FIELD[k] ?? k;

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
  const [f, setF] = useState(() => emptyProposal(eligibility.organizationName));
  const [team, setTeam] = useState<Member[]>([{ name: '', role: '项目负责人', experience: '' }]);
  const [lines, setLines] = useState<Line[]>([{ item: '', kind: 'activity', amount: '' }]);
  const form = useFormState({ rename: findingField });
  const { busy, errors: errs } = form;
  const error = form.problem;
  const [tried, setTried] = useState(false);
  const r = round.data;
  if (!r) return round.error ? <ProblemAlert error={round.error} /> : <Loading />;
  const category = f.category || r.settings.categories[0]?.code || '';
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((x) => ({ ...x, [k]: e.target.value }));

  const bodyOf = () => proposalBody(f, category, team, lines);
  const live = tried ? clientErrors(bodyOf()) : {};
  const shown = { ...errs, ...live };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = proposalSchema.safeParse(bodyOf());
    setTried(true);
    // The schema's findings show live beside the fields (`live`), not through the form state.
    form.reset();
    if (!parsed.success) return;
    const res = await form.submit(() =>
      api.post<{ id: string }>(
        `/api/competitions/${roundId}/proposals`,
        parsed.data satisfies Proposal,
      ),
    );
    if (res) navigate(`/competition-proposals/${res.id}`);
  };
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
        <OverviewCard f={f} set={set} shown={shown} category={category} settings={r.settings} />
        <TeamCard team={team} setTeam={setTeam} shown={shown} />
        <BudgetCard f={f} set={set} setF={setF} lines={lines} setLines={setLines} shown={shown} />
        <BankCard f={f} set={set} shown={shown} />
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
