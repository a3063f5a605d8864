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

/**
 * What a round's transition asks the outside world to do, in order (round-effects.ts runs them):
 * write the stage to the projection, or hand round news to the background delivery.
 */
export type RoundEffect =
  | { kind: 'stage'; stage: m.RoundStage; publicityEndsAt: number | null }
  | { kind: 'deliver'; news: m.RoundNews['kind']; phase?: m.Phase }
  | {
      kind: 'objection';
      objectionId: string;
      proposalId: string;
      text: string;
      filedById: string;
      at: number;
    };

/** The round moves to its next stage (and the projection with it). */
export function staged(st: m.RoundState, next: m.RoundStage): RoundEffect[] {
  st.stage = next;
  return [{ kind: 'stage', stage: next, publicityEndsAt: st.publicityEndsAt }];
}

/**
 * A scoring phase opened or closed (the phase activity has seated the panels or ranked the
 * proposals and answered with its summary). `news`: the proposals hear it in the background
 * (rounds since round-news-in-background), else the activity already told them.
 */
export function scoringOpened(
  st: m.RoundState,
  phase: m.Phase,
  summary: unknown,
  news: boolean,
): RoundEffect[] {
  st.summary[`${phase}_opened`] = summary;
  const out = staged(st, phase === 'first' ? 'first_scoring' : 'roadshow');
  return news ? [...out, { kind: 'deliver', news: 'panel', phase }] : out;
}

export function scoringClosed(
  st: m.RoundState,
  phase: m.Phase,
  summary: unknown,
  news: boolean,
): RoundEffect[] {
  st.summary[`${phase}_result`] = summary;
  const out = staged(st, phase === 'first' ? 'first_scored' : 'scored');
  return news ? [...out, { kind: 'deliver', news: 'phase_closed', phase }] : out;
}

/** The funding decision: publicity starts and runs until its end (DOMAIN §5.4.5). */
export function fundingDecided(
  st: m.RoundState,
  r: { summary: unknown; publicityEndsAt: number },
  news: boolean,
): RoundEffect[] {
  st.summary.funding = r.summary;
  st.publicityEndsAt = r.publicityEndsAt;
  const out = staged(st, 'publicity');
  return news ? [...out, { kind: 'deliver', news: 'funding' }] : out;
}

/** An objection filed in publicity, recorded first (the round has always written it first). */
export const objectionRecorded = (
  a: m.WithActor & { objectionId: string; proposalId: string; text: string },
  now: number,
): RoundEffect[] => [
  {
    kind: 'objection',
    objectionId: a.objectionId,
    proposalId: a.proposalId,
    text: a.text,
    filedById: a.actor.id,
    at: now,
  },
];

/** The recorded objection: the round waits for its decision before publicity ends. */
export function objectionFiled(st: m.RoundState, objectionId: string): void {
  st.pendingObjections.push(objectionId);
}

/** An objection decided; an upheld one may have revised the funding (its summary). */
export function objectionDecided(
  st: m.RoundState,
  objectionId: string,
  summary: unknown,
  news: boolean,
): RoundEffect[] {
  st.pendingObjections = st.pendingObjections.filter((o) => o !== objectionId);
  st.summary.funding = summary;
  return news ? [{ kind: 'deliver', news: 'funding' }] : [];
}

/** A proposal submitted through the round (rounds before the API accepted them itself). */
export function proposalCounted(st: m.RoundState, organizationId: string): number {
  st.perOrg[organizationId] = (st.perOrg[organizationId] ?? 0) + 1;
  st.proposals++;
  return st.proposals;
}
