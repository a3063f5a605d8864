import { describe, expect, it } from '@jest/globals';
import { competitionPolicySchema } from '../../domain/competition/policy';
import * as r from '../../workflows/competition/proposal-rules';

const p = competitionPolicySchema.parse({});
const admin = { id: 'a1', name: '周管理', role: 'administrator' as const };
const finance = { id: 'f1', name: '钱财务', role: 'finance' as const };

function proposal(): r.ProposalState {
  return r.initialProposal({
    roundId: 'r',
    proposalId: 'p',
    organizationId: 'o',
    seq: 1,
    submittedAt: 0,
    requestedFen: 100_000,
    rubric: p.rubric,
    tranchePercents: p.tranchePercents,
    midterm: p.midterm,
    finalPassMark: p.finalPassMark,
  });
}

function funded(): r.ProposalState {
  const s = proposal();
  s.status = 'shortlisted';
  r.applyNews(s, { kind: 'funding', selected: true, awardFen: 100_000, reason: '' });
  r.applyNews(s, { kind: 'publicity_closed' });
  return s;
}

describe('a funded proposal’s tranches', () => {
  it('given a selected project, then the three tranches are 50/30/20 and none is payable before signing', () => {
    const s = funded();
    expect(s.tranches.map((t) => [t.amountFen, t.status])).toEqual([
      [50_000, 'blocked'],
      [30_000, 'blocked'],
      [20_000, 'blocked'],
    ]);
    expect(r.checkOrder(s, 1)?.type).toBe('IllegalTransition');
  });

  it('given an ordered tranche, when the official who ordered it confirms it, then four eyes refuse', () => {
    const s = funded();
    const t = r.tranche(s, 1)!;
    t.status = 'ordered';
    t.orderedBy = admin;
    expect(r.checkConfirm(s, { actor: admin, tranche: 1 })?.type).toBe('FourEyes');
    expect(r.checkConfirm(s, { actor: finance, tranche: 1 })).toBeNull();
  });

  it('given a mid-term C, then the project is suspended and the second tranche cannot be ordered; A releases it', () => {
    const c = funded();
    r.applyPaid(c, 1, finance);
    expect(c.status).toBe('in_progress');
    expect(r.applyEvaluation(c, 'midterm', 59)).toBe('C');
    expect(c.status).toBe('suspended');
    expect(r.checkOrder(c, 2)?.message).toContain('暂停');
    expect(r.checkTerminate(c, 50_001)?.type).toBe('InvalidInput');
    expect(r.checkTerminate(c, 50_000)).toBeNull();

    const a = funded();
    r.applyPaid(a, 1, finance);
    expect(r.applyEvaluation(a, 'midterm', 85)).toBe('A');
    expect(r.checkOrder(a, 2)).toBeNull();
    expect(r.checkEvaluate(a, 'final', 80)?.message).toContain('第2期');
  });

  it('given a failed final evaluation, then the last tranche is withheld and the proposal ends', () => {
    const s = funded();
    r.applyPaid(s, 1, finance);
    r.applyEvaluation(s, 'midterm', 70);
    r.applyPaid(s, 2, finance);
    expect(r.applyEvaluation(s, 'final', 40)).toBe('不通过');
    expect(r.tranche(s, 3)?.status).toBe('withheld');
    expect(r.isFinished(s)).toBe(true);
  });
});

describe('scoring a proposal', () => {
  const judge = { id: 'j1', name: '评审', role: 'judge' as const };
  it('given a judge who has not declared, then the score is refused; after a clear declaration an out-of-range criterion is refused', () => {
    const s = funded();
    r.applyNews(s, { kind: 'panel', phase: 'first', judges: ['j1'] });
    const criteria = {
      need: 20,
      design: 25,
      innovation: 15,
      sustainability: 15,
      team: 15,
      budget: 10,
    };
    expect(r.checkScore(s, { actor: judge, phase: 'first', criteria })?.message).toContain(
      '利益冲突声明',
    );
    s.declarations[r.slot('first', 'j1')] = 'clear';
    expect(
      r.checkScore(s, { actor: judge, phase: 'first', criteria: { ...criteria, design: 26 } })
        ?.type,
    ).toBe('InvalidInput');
    expect(r.checkScore(s, { actor: judge, phase: 'first', criteria })).toBeNull();
    expect(r.checkScore(s, { actor: { ...judge, id: 'j2' }, phase: 'first', criteria })?.type).toBe(
      'Forbidden',
    );
  });
});

describe('round news heard twice, in any order', () => {
  const fresh = proposal;
  const judges = ['j1', 'j2', 'j3'];

  it('given a stage news older than the one heard, then the stage does not go back', () => {
    const s = fresh();
    r.applyNews(s, { kind: 'stage', stage: 'eligibility_review' });
    r.applyNews(s, { kind: 'panel', phase: 'first', judges });
    r.applyNews(s, { kind: 'stage', stage: 'eligibility_review' });
    expect(s.roundStage).toBe('first_scoring');
    expect(r.checkQualify(s, { pass: true, reasons: [] })?.message).toContain('资格审查');
  });

  it('given a panel news after its phase closed, then the phase stays closed and the panel unchanged', () => {
    const s = fresh();
    s.status = 'qualified';
    r.applyNews(s, { kind: 'panel', phase: 'first', judges });
    s.panels.first = ['j1', 'j2', 'j4'];
    r.applyNews(s, { kind: 'panel', phase: 'first', judges });
    expect(s.panels.first).toEqual(['j1', 'j2', 'j4']);
    r.applyNews(s, { kind: 'phase_closed', phase: 'first', advanced: true, rank: 1, score: 90 });
    r.applyNews(s, { kind: 'panel', phase: 'first', judges });
    expect(s.openPhase).toBeNull();
    expect(s.status).toBe('shortlisted');
  });

  it('given a first-phase result heard again after funding, then the funding decision stands', () => {
    const s = fresh();
    s.status = 'qualified';
    const closed = { kind: 'phase_closed', phase: 'first', advanced: true, rank: 1, score: 90 };
    r.applyNews(s, closed as never);
    r.applyNews(s, { kind: 'funding', selected: true, awardFen: 100_000, reason: '' });
    r.applyNews(s, closed as never);
    expect(s.status).toBe('selected');
    r.applyNews(s, { kind: 'publicity_closed' });
    r.applyNews(s, { kind: 'funding', selected: false, awardFen: 0, reason: '迟到的消息' });
    expect([s.status, s.awardFen]).toEqual(['selected', 100_000]);
  });

  it('given news carried by an action, then the validator sees it and the state is untouched', () => {
    const s = fresh();
    const after = r.withNews(s, [{ kind: 'stage', stage: 'eligibility_review' }]);
    expect(r.checkQualify(after, { pass: true, reasons: [] })).toBeNull();
    expect(r.checkQualify(s, { pass: true, reasons: [] })?.type).toBe('IllegalTransition');
    expect(s.roundStage).toBe('call_open');
  });
});
