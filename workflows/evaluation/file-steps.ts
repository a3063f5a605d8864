import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { getExternalWorkflowHandle, patched, startChild } from '@temporalio/workflow';
import { localDateOf } from '../../domain/calendar';
import { decideEligibility } from '../../domain/evaluation/eligibility';
import { gradeExpiry } from '../../domain/evaluation/grade-dates';
import { applyPartyOrganizationRule } from '../../domain/evaluation/party-rule';
import type { ScoreSheet } from '../../domain/evaluation/scoring';
import { act, db, runFileEffects as run } from './file-effects';
import type { FileState } from './file-state';
import * as t from './file-transitions';
import {
  type Actor,
  type DisqualifyArgs,
  type GradeInfo,
  type GradeInput,
  gradeReplacedSignal,
  gradeWorkflowId,
  gradeWorkflowType,
} from './messages';

/**
 * A file's steps: each reads what only the outside knows, hands it to a pure transition
 * (file-transitions.ts) and runs the effects it returns (file-effects.ts). The reads, patches
 * and effects come in the order the steps had when they wrote their own activities, so recorded
 * histories replay.
 */

/**
 * An upheld re-review grants no more than a first decision could (§4.5 rules 3 and 4): the
 * 5A Party-organisation rule applies, and a level above the district's authority is recommended
 * upward, the city's or province's result then publicised as any other. Files recorded before
 * the patch granted an upheld request as asked, whatever the level.
 */
const REVIEW_WITHIN_AUTHORITY = 'review-within-district-authority';

/**
 * §4.5 rule 6 and experts.perFile: a file is scored by the full panel only. When conflicts
 * leave fewer free experts than the policy asks, the file waits and the office is told (a mail
 * and the panelShortBy task on the file) until it seats replacements from the pool. Files
 * recorded before the patch were scored by whoever was seated.
 */
const PANEL_COMPLETE = 'evaluation-panel-complete';
const panelComplete = () => patched(PANEL_COMPLETE);

export const SYSTEM = t.SYSTEM;

/** Eligibility on the application date (§4.5 rule 1), then the expert group. */
export async function checkAndAssign(s: FileState): Promise<void> {
  s.opening = true;
  try {
    await checkThenSeat(s);
  } finally {
    s.opening = false;
  }
}

async function checkThenSeat(s: FileState): Promise<void> {
  const rules = await db(s).loadEvaluationRules({ at: s.input.appliedAt });
  // §4.5 rule 1: the profile as the organisation applied, not as it is when the window closes.
  const profile = patched('eligibility-on-application-snapshot')
    ? await db(s).loadApplicationProfile({ fileId: s.input.fileId })
    : await db(s).loadProfileSnapshot({ organizationId: s.input.organizationId });
  t.rulesLoaded(s, rules, profile.legalForm);
  // 满两个年度 counts full calendar years; files recorded before it keep the earlier reading.
  const eligibility = decideEligibility(profile, localDateOf(s.input.appliedAt), rules.policy, {
    fullYears: patched('eligibility-full-years'),
  });
  await run(s, t.eligibilityDecided(s, eligibility));
  if (eligibility.eligible) await seat(s, rules.policy.experts.perFile, 'assigned');
}

/** Seats experts the system finds free of conflict; the blocked ones are evidence. */
async function seat(s: FileState, count: number, step: string): Promise<void> {
  await takeSeats(s, t.SYSTEM, { count, step });
  if (panelComplete()) await run(s, t.panelChecked(s));
}

/** Seats experts, the system's choice or the office's from the pool (`chosen`). */
async function takeSeats(
  s: FileState,
  actor: Actor,
  o: { count: number; step: string; chosen?: string[] },
): Promise<void> {
  const policy = s.policy as NonNullable<FileState['policy']>;
  const r = await act.assignExperts({
    fileId: s.input.fileId,
    organizationId: s.input.organizationId,
    count: o.count,
    ...(o.chosen ? { chosen: o.chosen } : {}),
    day: localDateOf(Date.now()),
    lookbackYears: policy.experts.conflictLookbackYears,
    exclude: s.evaluators.map((e) => e.id),
  });
  await run(s, t.seated(s, actor, r, o));
}

/** The office seats replacements it chose from the pool; the activity checks them again. */
export async function seatChosen(s: FileState, actor: Actor, evaluatorIds: string[]) {
  await takeSeats(s, actor, {
    count: evaluatorIds.length,
    step: 'office-seat',
    chosen: evaluatorIds,
  });
  await run(s, t.panelChecked(s));
}

export async function declareConflict(
  s: FileState,
  actor: Actor,
  hasConflict: boolean,
  note: string | undefined,
): Promise<void> {
  await run(s, t.conflictDeclared(s, actor, hasConflict, note));
  if (hasConflict) await replaceAndMaybeScore(s);
}

export async function recuse(s: FileState, actor: Actor, evaluatorId: string, reason: string) {
  await run(s, t.recused(s, actor, evaluatorId, reason));
  await replaceAndMaybeScore(s);
}

async function replaceAndMaybeScore(s: FileState) {
  await seat(s, 1, 'replacement');
  await run(s, t.scoreIfComplete(s, panelComplete));
}

export async function submitSheet(s: FileState, actor: Actor, sheet: ScoreSheet) {
  await run(s, t.sheetSubmitted(s, actor, sheet));
  await run(s, t.scoreIfComplete(s, panelComplete));
}

export const vote = (s: FileState, actor: Actor, approve: boolean, body: 'committee' | 'review') =>
  run(s, t.voted(s, actor, approve, body));

/**
 * §4.5 rule 7 at the committee: without quorum, or without a majority of all members, a new
 * round opens. The grade comes from the threshold table in force on the decision date.
 */
export async function closeVote(s: FileState, actor: Actor): Promise<void> {
  const tallied = t.committeeTallied(s, actor);
  if ('effects' in tallied) return run(s, tallied.effects);
  const now = Date.now();
  const rules = await db(s).loadEvaluationRules({ at: now });
  const level = t.levelOnDecision(s, rules);
  // §4.5 rule 4, read on the decision date; histories from before the flag never take it.
  const party =
    level === 5 &&
    rules.policy.fiveARequiresPartyOrganization &&
    patched('five-a-party-organization')
      ? applyPartyOrganizationRule(
          level,
          await act.loadProfileSnapshot({ organizationId: s.input.organizationId }),
          rules.policy,
        )
      : null;
  await run(s, t.committeeDecided(s, actor, tallied.tally, level, party, now));
}

export const recordUpwardResult = (
  s: FileState,
  actor: Actor,
  level: number,
  awardingLevel: 'city' | 'province',
) => run(s, t.publicised(s, actor, level, awardingLevel, {}, Date.now()));

export const requestReview = (
  s: FileState,
  actor: Actor,
  args: { kind: 'objection' | 'review'; reason: string; requestedLevel: number },
) => run(s, t.reviewRequested(s, actor, args, Date.now()));

/** The review committee decides by the same rule; the written answer is due within 15 days. */
export async function closeReview(s: FileState, actor: Actor): Promise<void> {
  const tallied = t.reviewTallied(s, actor, Date.now(), () => patched(REVIEW_WITHIN_AUTHORITY));
  if ('effects' in tallied) return run(s, tallied.effects);
  const policy = s.policy as NonNullable<FileState['policy']>;
  const requested = (s.review as NonNullable<FileState['review']>).requestedLevel;
  const party =
    requested === 5 && policy.fiveARequiresPartyOrganization
      ? applyPartyOrganizationRule(
          requested,
          await act.loadProfileSnapshot({ organizationId: s.input.organizationId }),
          policy,
        )
      : null;
  await run(s, t.reviewUpheld(s, actor, tallied.upheld, party));
}

/** Publicity over, no open review: the grade is confirmed, announced and certified (3A+). */
export async function confirm(s: FileState): Promise<void> {
  const policy = s.policy as NonNullable<FileState['policy']>;
  const level = s.decidedLevel as number;
  const now = Date.now();
  const { expiresOn, expiresAt } = gradeExpiry(now, policy.limits.validity);
  const awardedOn = localDateOf(now);
  const award = await act.awardGrade({
    fileId: s.input.fileId,
    organizationId: s.input.organizationId,
    level,
    awardingLevel: s.awardingLevel ?? 'district',
    awardedOn,
    expiresOn,
    withCertificate: level >= policy.certificateMinLevel,
  });
  await run(s, t.confirmed(s, award, { level, expiresOn }, now));
  await startGradeLife(s.input.organizationId, {
    id: award.gradeId,
    level,
    awardedOn,
    expiresOn,
    expiresAt,
    hasCertificate: award.certificateFileId !== null,
  });
}

/** §4.2: the file leaves the evaluation (see file-transitions' disqualified). */
export const disqualify = (s: FileState, a: DisqualifyArgs) =>
  run(s, t.disqualified(s, a, Date.now()));

/** One grade workflow per organisation: a new grade replaces the one it is watching. */
async function startGradeLife(organizationId: string, grade: GradeInfo): Promise<void> {
  const input: GradeInput = { organizationId, grade };
  try {
    await startChild(gradeWorkflowType, {
      workflowId: gradeWorkflowId(organizationId),
      args: [input],
      parentClosePolicy: 'ABANDON',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    await getExternalWorkflowHandle(gradeWorkflowId(organizationId)).signal(
      gradeReplacedSignal,
      grade,
    );
  }
}
