import { describe, expect, it } from '@jest/globals';
import { competitionPolicySchema } from '../../domain/competition/policy';
import type { Actor } from '../../workflows/competition/messages';
import * as rr from '../../workflows/competition/round-rules';

/**
 * A round's transitions as pure functions (state in, effects out), without Temporal: one
 * describe block per stage of DOMAIN §5.4, from the call to the close.
 */

const NOW = Date.parse('2026-12-01T02:00:00Z');
const admin: Actor = { id: 'a1', name: '周管理', role: 'administrator' };
const input = {
  roundId: 'r',
  title: '2026年公益创投大赛',
  policy: competitionPolicySchema.parse({}),
  callOpensAt: NOW - 1000,
  callClosesAt: NOW + 1000,
};

describe('the call (征集)', () => {
  it('given proposals through the round, then each organisation is held to its limit', () => {
    const st = rr.initialRound();
    const a = { actor: admin, proposalId: 'p1', organizationId: 'o1' } as never;
    expect(rr.checkSubmit(input, st, a, NOW)).toBeNull();
    expect(rr.proposalCounted(st, 'o1')).toBe(1);
    expect(rr.checkSubmit(input, st, a, NOW)?.message).toContain('限报');
    expect(rr.checkSubmit(input, st, a, input.callClosesAt)?.message).toContain('截止');
  });

  it('given the deadline, then the call is over and the round moves on with the projection', () => {
    const st = rr.initialRound();
    expect(rr.callOver(st, input, input.callClosesAt)).toBe(true);
    expect(rr.staged(st, 'eligibility_review')).toEqual([
      { kind: 'stage', stage: 'eligibility_review', publicityEndsAt: null },
    ]);
    expect(rr.callOver(st, input, input.callClosesAt)).toBe(false);
  });
});

describe('scoring phases (初评、路演答辩)', () => {
  it('given the phase opened, then the summary is kept, the stage written and the panels told in the background', () => {
    const st = rr.initialRound();
    st.stage = 'eligibility_review';
    expect(rr.checkOpenScoring(st, 'roadshow')?.type).toBe('IllegalTransition');
    expect(rr.scoringOpened(st, 'first', { judges: 5 }, true)).toEqual([
      { kind: 'stage', stage: 'first_scoring', publicityEndsAt: null },
      { kind: 'deliver', news: 'panel', phase: 'first' },
    ]);
    expect(st.summary.first_opened).toEqual({ judges: 5 });
  });

  it('given a round recorded before the news went to the background, then only the stage is written', () => {
    const st = rr.initialRound();
    st.stage = 'first_scoring';
    expect(rr.scoringClosed(st, 'first', {}, false)).toEqual([
      { kind: 'stage', stage: 'first_scored', publicityEndsAt: null },
    ]);
    expect(rr.checkCloseScoring(st, 'first')?.type).toBe('IllegalTransition');
  });
});

describe('funding, publicity and objections (资助与公示)', () => {
  const inPublicity = () => {
    const st = rr.initialRound();
    st.stage = 'scored';
    const effects = rr.fundingDecided(
      st,
      { summary: { funded: 3 }, publicityEndsAt: NOW + 10 },
      true,
    );
    expect(effects).toEqual([
      { kind: 'stage', stage: 'publicity', publicityEndsAt: NOW + 10 },
      { kind: 'deliver', news: 'funding' },
    ]);
    return st;
  };

  it('given an objection in publicity, then it is recorded first and publicity waits for its decision', () => {
    const st = inPublicity();
    const a = { actor: admin, objectionId: 'x', proposalId: 'p', text: '评分不公' };
    expect(rr.checkObjection(st, NOW)).toBeNull();
    expect(rr.objectionRecorded(a, NOW)).toEqual([
      {
        kind: 'objection',
        objectionId: 'x',
        proposalId: 'p',
        text: '评分不公',
        filedById: 'a1',
        at: NOW,
      },
    ]);
    rr.objectionFiled(st, 'x');
    expect(rr.publicityOver(st, NOW + 10)).toBe(false);
    expect(rr.objectionDecided(st, 'x', { funded: 2 }, true)).toEqual([
      { kind: 'deliver', news: 'funding' },
    ]);
    expect(st.summary.funding).toEqual({ funded: 2 });
    expect(rr.publicityOver(st, NOW + 10)).toBe(true);
    expect(rr.checkDecideObjection(st, 'x')?.message).toContain('不存在');
  });

  it('given the publicity time not yet over, then publicity goes on; objections are refused after it', () => {
    const st = inPublicity();
    expect(rr.publicityOver(st, NOW)).toBe(false);
    expect(rr.checkObjection(st, NOW + 10)?.type).toBe('IllegalTransition');
  });
});
