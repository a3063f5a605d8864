import { midtermGrade, splitTranches } from '../../domain/competition/evaluation-grade';
import { ROUND_STAGES } from '../../domain/competition/stages';
import { type Refusal, refuse } from '../shared/refusal';
import type * as m from './messages';

/**
 * The rules of one proposal, without Temporal: each `check` returns why an action is refused
 * (null when it is allowed), each `apply` changes the state. The workflow runs the I/O.
 */

export type { Refusal } from '../shared/refusal';

export interface ProposalState {
  input: m.ProposalInput;
  status: m.ProposalStatus;
  roundStage: m.RoundStage;
  openPhase: m.Phase | null;
  panels: Record<m.Phase, string[]>;
  declarations: Record<string, 'clear' | 'conflicted'>;
  scored: string[];
  awardFen: number | null;
  publicityClosed: boolean;
  midtermGrade: string | null;
  tranches: m.Tranche[];
  /** Phases whose panel news was applied, and phases closed: news may arrive twice. */
  heardPanels: m.Phase[];
  closedPhases: m.Phase[];
}

export function initialProposal(input: m.ProposalInput): ProposalState {
  return {
    input,
    status: 'submitted',
    roundStage: 'call_open',
    openPhase: null,
    panels: { first: [], roadshow: [] },
    declarations: {},
    scored: [],
    awardFen: null,
    publicityClosed: false,
    midtermGrade: null,
    tranches: [],
    heardPanels: [],
    closedPhases: [],
  };
}

export const slot = (phase: m.Phase, judgeId: string) => `${phase}:${judgeId}`;

export function isFinished(s: ProposalState): boolean {
  const final: readonly string[] = [
    'rejected',
    'not_shortlisted',
    'terminated',
    'final_tranche_withheld',
    'closed',
  ];
  return final.includes(s.status) || (s.status === 'not_funded' && s.publicityClosed);
}

export function checkQualify(s: ProposalState, a: { pass: boolean; reasons: string[] }) {
  if (s.roundStage !== 'eligibility_review')
    return refuse('IllegalTransition', '资格审查尚未开始或已经结束');
  if (s.status !== 'submitted') return refuse('IllegalTransition', '该项目已作出资格审查结论');
  if (!a.pass && a.reasons.length === 0) return refuse('InvalidInput', '不通过资格审查须写明理由');
  return null;
}

export function checkDeclare(s: ProposalState, a: m.WithActor & { phase: m.Phase }) {
  if (s.openPhase !== a.phase) return refuse('IllegalTransition', '该评审环节未开放');
  if (!s.panels[a.phase].includes(a.actor.id))
    return refuse('Forbidden', '您不是该项目本环节的评审');
  if (s.declarations[slot(a.phase, a.actor.id)])
    return refuse('IllegalTransition', '您已就该项目作出利益冲突声明');
  return null;
}

export function checkScore(
  s: ProposalState,
  a: m.WithActor & { phase: m.Phase; criteria: Record<string, number> },
): Refusal | null {
  const d = checkScoreSlot(s, a);
  if (d) return d;
  const keys = Object.keys(a.criteria);
  for (const c of s.input.rubric) {
    const v = a.criteria[c.key];
    if (v === undefined) return refuse('InvalidInput', `缺少评分指标“${c.name}”的分数`);
    if (!Number.isInteger(v) || v < 0 || v > c.max)
      return refuse('InvalidInput', `“${c.name}”的分数应为0至${c.max}之间的整数`);
  }
  const extra = keys.find((k) => !s.input.rubric.some((c) => c.key === k));
  if (extra) return refuse('InvalidInput', `本轮没有评分指标“${extra}”`);
  return null;
}

function checkScoreSlot(s: ProposalState, a: m.WithActor & { phase: m.Phase }): Refusal | null {
  if (s.openPhase !== a.phase) return refuse('IllegalTransition', '该评审环节未开放或已截止');
  const key = slot(a.phase, a.actor.id);
  if (s.declarations[key] === 'conflicted')
    return refuse('Forbidden', '您已声明与该项目存在利益冲突，不能评分');
  if (!s.panels[a.phase].includes(a.actor.id))
    return refuse('Forbidden', '您不是该项目本环节的评审');
  if (s.declarations[key] !== 'clear')
    return refuse('IllegalTransition', '打开项目前须先作出利益冲突声明');
  if (s.scored.includes(key)) return refuse('IllegalTransition', '您已提交该项目的评分');
  return null;
}

/**
 * Applies round news. News reaches a proposal twice, in any order: pushed by the round in the
 * background and carried by a person's action (read from the projection). So each kind applies
 * only forward: a stage never goes back, a panel is heard once and never after its phase closed,
 * a phase result only moves a qualified proposal, funding only until publicity closes.
 */
export function applyNews(s: ProposalState, n: m.RoundNews): void {
  if (n.kind === 'stage') {
    if (ROUND_STAGES.indexOf(n.stage) > ROUND_STAGES.indexOf(s.roundStage)) s.roundStage = n.stage;
  } else if (n.kind === 'panel') {
    if (s.heardPanels.includes(n.phase) || s.closedPhases.includes(n.phase)) return;
    s.heardPanels.push(n.phase);
    s.panels[n.phase] = n.judges;
    s.openPhase = n.phase;
    const stage = n.phase === 'first' ? 'first_scoring' : 'roadshow';
    if (ROUND_STAGES.indexOf(stage) > ROUND_STAGES.indexOf(s.roundStage)) s.roundStage = stage;
  } else if (n.kind === 'phase_closed') {
    if (!s.closedPhases.includes(n.phase)) s.closedPhases.push(n.phase);
    if (s.openPhase === n.phase) s.openPhase = null;
    if (n.phase === 'first' && s.status === 'qualified')
      s.status = n.advanced ? 'shortlisted' : 'not_shortlisted';
  } else if (n.kind === 'funding') {
    if (s.publicityClosed || !FUNDABLE.includes(s.status)) return;
    s.status = n.selected ? 'selected' : 'not_funded';
    s.awardFen = n.selected ? n.awardFen : null;
    s.tranches = n.selected
      ? splitTranches(n.awardFen, s.input.tranchePercents).map((amountFen, i) => ({
          n: i + 1,
          amountFen,
          status: 'blocked',
          orderedBy: null,
          confirmedBy: null,
        }))
      : [];
  } else s.publicityClosed = true;
}
/** Statuses a funding decision (or its revision after an upheld objection) may change. */
const FUNDABLE: readonly m.ProposalStatus[] = ['shortlisted', 'selected', 'not_funded'];

/** The state as it would be after the news: a validator checks an action against it unchanged. */
export function withNews(s: ProposalState, news: readonly m.RoundNews[]): ProposalState {
  if (news.length === 0) return s;
  const copy = JSON.parse(JSON.stringify(s)) as ProposalState;
  for (const n of news) applyNews(copy, n);
  return copy;
}
export function checkSign(s: ProposalState) {
  if (s.status !== 'selected') return refuse('IllegalTransition', '只有拟资助项目才能签订协议');
  if (!s.publicityClosed)
    return refuse('IllegalTransition', '公示期结束且无成立的异议后才能签订协议');
  return null;
}

export function tranche(s: ProposalState, n: number): m.Tranche | undefined {
  return s.tranches.find((t) => t.n === n);
}

export function checkOrder(s: ProposalState, n: number) {
  const t = tranche(s, n);
  if (!t) return refuse('InvalidInput', `该项目没有第${n}期资金`);
  if (s.status === 'suspended' || s.status === 'terminated')
    return refuse('IllegalTransition', '项目已暂停或终止，不得拨付');
  if (t.status !== 'payable')
    return refuse('IllegalTransition', `第${n}期资金尚不具备拨付条件（${STATUS_TEXT[t.status]}）`);
  return null;
}

const STATUS_TEXT: Record<m.Tranche['status'], string> = {
  blocked: '上一阶段评估尚未通过',
  payable: '可拨付',
  ordered: '已下达拨付指令，待复核',
  paid: '已拨付',
  withheld: '已暂缓拨付',
};

export function checkConfirm(s: ProposalState, a: m.WithActor & { tranche: number }) {
  const t = tranche(s, a.tranche);
  if (t?.status !== 'ordered')
    return refuse('IllegalTransition', `第${a.tranche}期资金没有待复核的拨付指令`);
  if (t.orderedBy?.id === a.actor.id)
    return refuse('FourEyes', '拨付须由下达指令以外的另一名工作人员复核确认');
  return null;
}

/** After a confirmed payment: the first tranche starts the project, the last one closes it. */
export function applyPaid(s: ProposalState, n: number, actor: m.Actor): void {
  const t = tranche(s, n) as m.Tranche;
  t.status = 'paid';
  t.confirmedBy = actor;
  if (n === 1) s.status = 'in_progress';
  if (n === s.tranches.length && s.status === 'final_passed') s.status = 'closed';
}

export function checkEvaluate(s: ProposalState, stage: 'midterm' | 'final', score: number) {
  if (!Number.isInteger(score) || score < 0 || score > 100)
    return refuse('InvalidInput', '评估得分应为0至100之间的整数');
  if (stage === 'midterm' && s.status !== 'in_progress')
    return refuse('IllegalTransition', '首期资金拨付后、中期评估前才能录入中期评估结果');
  if (stage === 'final') {
    if (s.status !== 'midterm_passed')
      return refuse('IllegalTransition', '中期评估通过后才能进行末期评估');
    const unpaid = s.tranches.slice(0, -1).find((t) => t.status !== 'paid');
    if (unpaid) return refuse('IllegalTransition', `第${unpaid.n}期资金尚未拨付完毕`);
  }
  return null;
}

/** Mid-term: A/B releases the middle tranches, C suspends; final: pass releases the last one. */
export function applyEvaluation(
  s: ProposalState,
  stage: 'midterm' | 'final',
  score: number,
): string {
  const last = s.tranches.length;
  if (stage === 'midterm') {
    const grade = midtermGrade(score, s.input.midterm);
    s.midtermGrade = grade;
    s.status = grade === 'C' ? 'suspended' : 'midterm_passed';
    if (grade !== 'C') for (const t of s.tranches) if (t.n > 1 && t.n < last) t.status = 'payable';
    return grade;
  }
  const pass = score >= s.input.finalPassMark;
  const t = tranche(s, last) as m.Tranche;
  if (pass && last > 1) {
    t.status = 'payable';
    s.status = 'final_passed';
  } else if (pass) s.status = 'closed';
  else {
    t.status = t.status === 'paid' ? 'paid' : 'withheld';
    s.status = 'final_tranche_withheld';
  }
  return pass ? '通过' : '不通过';
}

export function checkTerminate(s: ProposalState, clawbackFen: number) {
  if (s.status !== 'suspended')
    return refuse('IllegalTransition', '只有中期评估为C级而暂停的项目才能终止');
  const paid = s.tranches.filter((t) => t.status === 'paid').reduce((a, t) => a + t.amountFen, 0);
  if (clawbackFen > paid) return refuse('InvalidInput', '追回金额不能超过已拨付金额');
  return null;
}

export function viewOf(s: ProposalState): m.ProposalView {
  return {
    proposalId: s.input.proposalId,
    roundId: s.input.roundId,
    status: s.status,
    roundStage: s.roundStage,
    openPhase: s.openPhase,
    panels: s.panels,
    declarations: s.declarations,
    scored: s.scored,
    awardFen: s.awardFen,
    publicityClosed: s.publicityClosed,
    midtermGrade: s.midtermGrade,
    tranches: s.tranches,
  };
}
