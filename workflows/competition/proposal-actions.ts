import { formatYuan } from '../../domain/competition/money';
import type { ActionDef } from '../shared/action';
import * as m from './messages';
import * as r from './proposal-rules';

/**
 * What a proposal's transition asks the outside world to do, in order; `runProposalEffects`
 * (proposal-effects.ts) runs each as one activity. Values are taken when the transition runs.
 */
export type ProposalEffect =
  | {
      kind: 'audit';
      actor: m.Actor;
      action: string;
      to: m.ProposalStatus;
      reason: string;
      details?: Record<string, number | string>;
    }
  | { kind: 'status'; status: m.ProposalStatus; note?: string }
  | { kind: 'mail'; step: string; template: string; context?: Record<string, string | number> }
  | { kind: 'declaration'; phase: m.Phase; judgeId: string; conflict: boolean; note: string }
  /** The round seats another judge; the runner adds the one it found to the panel. */
  | { kind: 'replaceJudge'; phase: m.Phase; replacing: string }
  | {
      kind: 'score';
      phase: m.Phase;
      judgeId: string;
      criteria: Record<string, number>;
      comment: string;
    }
  | {
      kind: 'payment';
      tranche: number;
      amountFen: number;
      status: 'ordered' | 'paid';
      actorId: string;
    }
  | {
      kind: 'evaluation';
      stage: 'midterm' | 'final';
      score: number;
      grade: string;
      evaluatorId: string;
      report: string;
    };

type S = r.ProposalState;
/** One human decision on a proposal (the kernel's action over its state and effects). */
export type ProposalAction<A extends m.WithActor> = ActionDef<S, A, ProposalEffect>;
const action = <A extends m.WithActor>(a: ProposalAction<A>) => a;

const PHASES: m.Phase[] = ['first', 'roadshow'];
const byPhase = () => PHASES.map((phase) => ({ phase }));
const byTranche = (s: S) => s.tranches.map((x) => ({ tranche: x.n }));

/** The proposal's status after a decision, and the projection's copy of it. */
const status = (s: S, note?: string): ProposalEffect => ({
  kind: 'status',
  status: s.status,
  ...(note === undefined ? {} : { note }),
});

const payment = (t: m.Tranche, actor: m.Actor): ProposalEffect => ({
  kind: 'payment',
  tranche: t.n,
  amountFen: t.amountFen,
  status: t.status === 'paid' ? 'paid' : 'ordered',
  actorId: actor.id,
});

/** 资格审查: qualified, or rejected with the reasons. */
export const qualify = action<m.WithActor & { pass: boolean; reasons: string[] }>({
  check: (s, a) => r.checkQualify(s, a),
  apply: (s, a) => {
    s.status = a.pass ? 'qualified' : 'rejected';
    const note = a.pass ? '资格审查通过' : a.reasons.join('；');
    return [
      { kind: 'audit', actor: a.actor, action: 'qualify', to: s.status, reason: note },
      status(s, note),
      {
        kind: 'mail',
        step: 'qualification',
        template: a.pass ? 'qualified' : 'rejected',
        context: { reasons: note },
      },
    ];
  },
  probes: () => [{ pass: true, reasons: [] }],
});

/** 利益冲突声明: a conflicted judge leaves the panel and the round seats another. */
export const declare = action<m.WithActor & { phase: m.Phase; conflict: boolean; note: string }>({
  check: (s, a) => r.checkDeclare(s, a),
  apply: (s, a) => {
    s.declarations[r.slot(a.phase, a.actor.id)] = a.conflict ? 'conflicted' : 'clear';
    const declared: ProposalEffect = {
      kind: 'declaration',
      phase: a.phase,
      judgeId: a.actor.id,
      conflict: a.conflict,
      note: a.note,
    };
    if (!a.conflict) return [declared];
    s.panels[a.phase] = s.panels[a.phase].filter((j) => j !== a.actor.id);
    return [declared, { kind: 'replaceJudge', phase: a.phase, replacing: a.actor.id }];
  },
  probes: byPhase,
});

export const score = action<
  m.WithActor & { phase: m.Phase; criteria: Record<string, number>; comment: string }
>({
  check: (s, a) => r.checkScore(s, a),
  apply: (s, a) => {
    s.scored.push(r.slot(a.phase, a.actor.id));
    return [
      {
        kind: 'score',
        phase: a.phase,
        judgeId: a.actor.id,
        criteria: a.criteria,
        comment: a.comment,
      },
    ];
  },
  probes: () => PHASES.map((phase) => ({ phase, criteria: {} })),
});

/** 签订协议: the first tranche is ordered with it. */
export const signAgreement = action<m.WithActor & { agreementNo: string }>({
  check: (s) => r.checkSign(s),
  apply: (s, a) => {
    s.status = 'agreement_signed';
    const t1 = r.tranche(s, 1) as m.Tranche;
    t1.status = 'ordered';
    t1.orderedBy = a.actor;
    return [
      {
        kind: 'audit',
        actor: a.actor,
        action: 'sign_agreement',
        to: s.status,
        reason: a.agreementNo,
      },
      status(s, `协议编号 ${a.agreementNo}`),
      payment(t1, a.actor),
      {
        kind: 'mail',
        step: 'agreement',
        template: 'agreement_signed',
        context: { amount: formatYuan(s.awardFen ?? 0), first: formatYuan(t1.amountFen) },
      },
    ];
  },
});

export const orderPayment = action<m.WithActor & { tranche: number }>({
  check: (s, a) => r.checkOrder(s, a.tranche),
  apply: (s, a) => {
    const t = r.tranche(s, a.tranche) as m.Tranche;
    t.status = 'ordered';
    t.orderedBy = a.actor;
    return [payment(t, a.actor)];
  },
  probes: byTranche,
});

/** The second official confirms the order (four eyes). */
export const confirmPayment = action<m.WithActor & { tranche: number }>({
  check: (s, a) => r.checkConfirm(s, a),
  apply: (s, a) => {
    r.applyPaid(s, a.tranche, a.actor);
    const t = r.tranche(s, a.tranche) as m.Tranche;
    return [
      payment(t, a.actor),
      status(s),
      {
        kind: 'mail',
        step: `paid-${t.n}`,
        template: 'tranche_paid',
        context: { tranche: t.n, amount: formatYuan(t.amountFen) },
      },
    ];
  },
  probes: byTranche,
});

export const evaluate = action<
  m.WithActor & { stage: 'midterm' | 'final'; score: number; report: string }
>({
  check: (s, a) => r.checkEvaluate(s, a.stage, a.score),
  apply: (s, a) => {
    const grade = r.applyEvaluation(s, a.stage, a.score);
    return [
      {
        kind: 'evaluation',
        stage: a.stage,
        score: a.score,
        grade,
        evaluatorId: a.actor.id,
        report: a.report,
      },
      status(s, a.stage === 'midterm' ? `中期评估 ${grade} 级` : `末期评估${grade}`),
      {
        kind: 'mail',
        step: a.stage,
        template: a.stage === 'midterm' ? 'midterm_result' : 'final_result',
        context: { grade, score: a.score },
      },
    ];
  },
  probes: () => [
    { stage: 'midterm', score: 0 },
    { stage: 'final', score: 0 },
  ],
});

/** A suspended project ends; what is unpaid is withheld. */
export const terminate = action<m.WithActor & { clawbackFen: number; reason: string }>({
  check: (s, a) => r.checkTerminate(s, a.clawbackFen),
  apply: (s, a) => {
    s.status = 'terminated';
    for (const t of s.tranches) if (t.status !== 'paid') t.status = 'withheld';
    return [
      {
        kind: 'audit',
        actor: a.actor,
        action: 'terminate',
        to: s.status,
        reason: a.reason,
        details: { clawbackFen: a.clawbackFen },
      },
      status(s, a.reason),
      {
        kind: 'mail',
        step: 'terminated',
        template: 'terminated',
        context: { reason: a.reason, clawback: formatYuan(a.clawbackFen) },
      },
    ];
  },
  probes: () => [{ clawbackFen: 0 }],
});

/** The proposal as the round received it: its status written, the organisation told. */
export const received = (s: S): ProposalEffect[] => [
  status(s),
  { kind: 'mail', step: 'received', template: 'received' },
];

/** Round news that changed the proposal's status: the projection follows, the organisation is told. */
export function announced(s: S, n: m.RoundNews): ProposalEffect[] {
  const out: ProposalEffect[] = [status(s)];
  if (n.kind === 'phase_closed')
    out.push({
      kind: 'mail',
      step: `phase-${n.phase}`,
      template: n.advanced ? 'shortlisted' : 'not_shortlisted',
      context: { score: n.score, rank: n.rank },
    });
  if (n.kind === 'funding')
    out.push({
      kind: 'mail',
      step: `funding-${n.selected ? 'yes' : 'no'}`,
      template: n.selected ? 'selected' : 'not_funded',
      context: { amount: formatYuan(n.awardFen), reason: n.reason },
    });
  return out;
}

/** Each Update of a proposal and the action behind it, in the order they are served. */
export const PROPOSAL_ACTIONS = [
  [m.qualifyUpdate, qualify],
  [m.declareUpdate, declare],
  [m.scoreUpdate, score],
  [m.signAgreementUpdate, signAgreement],
  [m.orderPaymentUpdate, orderPayment],
  [m.confirmPaymentUpdate, confirmPayment],
  [m.evaluateUpdate, evaluate],
  [m.terminateUpdate, terminate],
  // biome-ignore lint/suspicious/noExplicitAny: a table of actions with different argument types.
] as const satisfies readonly (readonly [{ name: string }, ProposalAction<any>])[];
