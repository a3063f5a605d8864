import { type BUDGET_KINDS, PURPOSE_LABEL, PURPOSES } from '../../../domain/competition/policy';
import { Card, Field } from '../components/ui';
import { yuanToFen } from '../money';
import type { RoundDetail } from './types';

/** The parts of the proposal form, one card each; the page holds the state and sends it. */

export interface Line {
  item: string;
  kind: (typeof BUDGET_KINDS)[number];
  amount: string;
}
export interface Member {
  name: string;
  role: string;
  experience: string;
}

export const emptyProposal = (organizationName: string) => ({
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
  accountName: organizationName,
  accountNo: '',
});

export type ProposalValues = ReturnType<typeof emptyProposal>;
/** The proposal as the API takes it (domain/competition/proposal.ts), from the form's text. */
export function proposalBody(f: ProposalValues, category: string, team: Member[], lines: Line[]) {
  return {
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
  };
}

export type Setter = (k: keyof ProposalValues) => (e: { target: { value: string } }) => void;
export type Shown = Record<string, string>;

export function OverviewCard({
  f,
  set,
  shown,
  category,
  settings,
}: {
  f: ProposalValues;
  set: Setter;
  shown: Shown;
  category: string;
  settings: RoundDetail['settings'];
}) {
  return (
    <Card title="项目概况">
      <Field label="项目名称" required error={shown.title}>
        {(id, d) => <input id={id} aria-describedby={d} value={f.title} onChange={set('title')} />}
      </Field>
      <div className="grid-2">
        <Field label="类别" required error={shown.category}>
          {(id) => (
            <select id={id} value={category} onChange={set('category')}>
              {settings.categories.map((c) => (
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
      <Field label="服务需求" required error={shown.need} hint="服务对象、需求依据（不少于10个字）">
        {(id, d) => (
          <textarea id={id} aria-describedby={d} rows={3} value={f.need} onChange={set('need')} />
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
  );
}

export function TeamCard({
  team,
  setTeam,
  shown,
}: {
  team: Member[];
  setTeam: (t: Member[]) => void;
  shown: Shown;
}) {
  return (
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
                  setTeam(team.map((x, j) => (j === i ? { ...x, experience: e.target.value } : x)))
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
  );
}
