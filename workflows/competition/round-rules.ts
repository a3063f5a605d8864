import type * as m from './messages';
import type { Refusal } from './proposal-rules';

export type { Refusal } from './proposal-rules';

/** The round's transitions without Temporal: each check says why an action is refused. */

export function initialRound(): m.RoundState {
  return {
    stage: 'call_open',
    perOrg: {},
    proposals: 0,
    publicityEndsAt: null,
    pendingObjections: [],
    summary: {},
  };
}

const illegal = (message: string): Refusal => ({ type: 'IllegalTransition', message });
const iso = (ms: number) => new Date(ms).toISOString();

export function checkStage(st: m.RoundState, stage: m.RoundStage, message: string): Refusal | null {
  return st.stage === stage ? null : illegal(message);
}

export function checkSubmit(
  input: m.RoundInput,
  st: m.RoundState,
  a: m.SubmitArgs,
  now: number,
): Refusal | null {
  if (st.stage !== 'call_open' || now >= input.callClosesAt) return illegal('本轮项目征集已经截止');
  if (now < input.callOpensAt) return illegal(`本轮项目征集将于 ${iso(input.callOpensAt)} 开始`);
  const limit = input.policy.proposalsPerOrganization;
  if ((st.perOrg[a.organizationId] ?? 0) >= limit)
    return illegal(`每个单位本轮限报${limit}个项目，贵单位已经申报`);
  return null;
}

export function checkOpenScoring(st: m.RoundState, phase: m.Phase): Refusal | null {
  if (phase === 'first')
    return checkStage(st, 'eligibility_review', '资格审查阶段结束后才能开始初评');
  return checkStage(st, 'first_scored', '初评结果产生后才能开始路演答辩评审');
}

export function checkCloseScoring(st: m.RoundState, phase: m.Phase): Refusal | null {
  return checkStage(st, phase === 'first' ? 'first_scoring' : 'roadshow', '该评审环节未在进行中');
}

export function checkObjection(st: m.RoundState, now: number): Refusal | null {
  if (st.stage !== 'publicity' || st.publicityEndsAt === null || now >= st.publicityEndsAt)
    return illegal('只能在公示期内提出异议');
  return null;
}

export function checkDecideObjection(st: m.RoundState, objectionId: string): Refusal | null {
  if (st.stage !== 'publicity') return illegal('公示期已结束');
  return st.pendingObjections.includes(objectionId) ? null : illegal('该异议不存在或已作出处理');
}

/** The call is still open though its deadline has come: the round closes it by itself. */
export function callOver(st: m.RoundState, input: m.RoundInput, now: number): boolean {
  return st.stage === 'call_open' && now >= input.callClosesAt;
}

/** Publicity ends at its time, and not before every objection is decided (DOMAIN §5.4.5). */
export function publicityOver(st: m.RoundState, now: number): boolean {
  return (
    st.stage === 'publicity' &&
    st.publicityEndsAt !== null &&
    now >= st.publicityEndsAt &&
    st.pendingObjections.length === 0
  );
}

export { proposalInput } from './messages';

export function viewOf(input: m.RoundInput, st: m.RoundState): m.RoundView {
  return {
    roundId: input.roundId,
    title: input.title,
    stage: st.stage,
    proposals: st.proposals,
    callOpensAt: iso(input.callOpensAt),
    callClosesAt: iso(input.callClosesAt),
    publicityEndsAt: st.publicityEndsAt === null ? null : iso(st.publicityEndsAt),
    pendingObjections: st.pendingObjections.length,
    summary: st.summary,
  };
}
