import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  proxyLocalActivities,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { FilePatch } from '../../activities/evaluation/record-file';
import type {
  EvaluationMailContext,
  EvaluationTemplate,
} from '../../activities/evaluation/templates';
import { SYSTEM_ACTOR } from '../../domain/actor';
import { localDateOf } from '../../domain/calendar';
import { addDuration } from '../../domain/deadlines';
import { decideEligibility } from '../../domain/evaluation/eligibility';
import { gradeExpiry } from '../../domain/evaluation/grade-dates';
import { EVALUATION_OFFICE_ROLES } from '../../domain/evaluation/office';
import { applyPartyOrganizationRule } from '../../domain/evaluation/party-rule';
import {
  aggregate,
  disagreement,
  levelForScore,
  type ScoreSheet,
  sheetTotal,
} from '../../domain/evaluation/scoring';
import { type Tally, tallyVotes } from '../../domain/evaluation/voting';
import { gradeLabel } from '../../domain/organization/profile';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { activeSeats, type FileState } from './file-state';
import {
  type Actor,
  type FileStatus,
  type GradeInfo,
  type GradeInput,
  gradeReplacedSignal,
  gradeWorkflowId,
  gradeWorkflowType,
} from './messages';

// Database and renderer hiccups heal; keep trying rather than lose a decision.
const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' };
const act = proxyActivities<Activities>({ startToCloseTimeout: ACTIVITY_TIMEOUT, retry });
const local = proxyLocalActivities<Activities>({ startToCloseTimeout: '30 seconds', retry });

/**
 * A person's step (declaration, sheet, vote, review) writes its projection, reads and outbox
 * rows as local activities: one workflow task and a marker per write instead of a server round
 * trip each (a campaign of 2,000 files × 5 experts makes this count). The opening check stays on
 * the task queue: a campaign opens thousands of files at once, and local activities queued
 * behind each other would hold their workflow tasks past the timeout. Files started before the
 * change keep the activities they were recorded with.
 */
const LOCAL_WRITES = 'evaluation-file-local-writes';
const db = (s: FileState) => (!s.opening && patched(LOCAL_WRITES) ? local : act);

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

export const SYSTEM: Actor = SYSTEM_ACTOR;

/** One state change: projection and audit row together (seq makes a retry a no-op). */
export async function transition(
  s: FileState,
  actor: Actor,
  action: string,
  to: FileStatus | null,
  opts: { patch?: FilePatch; reason?: string; details?: Record<string, unknown> } = {},
) {
  const from = s.status;
  if (to) s.status = to;
  s.seq++;
  await db(s).recordEvaluationFile({
    fileId: s.input.fileId,
    workflowId: workflowInfo().workflowId,
    patch: { ...(to ? { status: to } : {}), ...opts.patch },
    audit: {
      seq: s.seq,
      at: Date.now(),
      actor,
      action,
      fromStatus: from,
      toStatus: s.status,
      reason: opts.reason,
      ruleVersion: s.ruleVersion,
      details: opts.details,
    },
  });
}

export function mail(
  s: FileState,
  step: string,
  template: EvaluationTemplate,
  to: { organization?: boolean; accountIds?: string[]; office?: boolean },
  context: EvaluationMailContext = {},
  attachmentFileIds?: string[],
) {
  const { office, ...rest } = to;
  return db(s).notifyEvaluation({
    key: `${workflowInfo().workflowId}/${step}`,
    organizationId: s.input.organizationId,
    to: office ? { ...rest, roles: EVALUATION_OFFICE_ROLES } : rest,
    template,
    context,
    ...(attachmentFileIds ? { attachmentFileIds } : {}),
  });
}

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
  s.policy = rules.policy;
  s.ruleVersion = rules.ref.version;
  s.calendar = rules.calendar;
  // §4.5 rule 1: the profile as the organisation applied, not as it is when the window closes.
  const profile = patched('eligibility-on-application-snapshot')
    ? await db(s).loadApplicationProfile({ fileId: s.input.fileId })
    : await db(s).loadProfileSnapshot({ organizationId: s.input.organizationId });
  s.indicators = rules.policy.indicators[profile.legalForm ?? 'social_group'];
  const day = localDateOf(s.input.appliedAt);
  // 满两个年度 counts full calendar years; files recorded before it keep the earlier reading.
  s.eligibility = decideEligibility(profile, day, rules.policy, {
    fullYears: patched('eligibility-full-years'),
  });
  if (!s.eligibility.eligible) {
    const reasons = s.eligibility.reasons;
    await transition(s, SYSTEM, 'eligibility_refused', 'ineligible', {
      patch: { ineligibleReason: reasons.join('；') },
      reason: reasons.join('；'),
    });
    await mail(s, 'ineligible', 'ineligible', { organization: true }, { reasons });
    return;
  }
  await mail(s, 'eligible', 'eligible', { organization: true });
  await seat(s, rules.policy.experts.perFile, 'assigned');
}

/** Seats experts the system finds free of conflict; the blocked ones are evidence. */
async function seat(s: FileState, count: number, step: string): Promise<void> {
  await takeSeats(s, SYSTEM, { count, step });
  if (patched(PANEL_COMPLETE)) await checkPanel(s);
}

/**
 * Seats experts, the system's choice or the office's from the pool (`chosen`), and records who
 * was seated and who was kept off (evidence of recusal); the seated are mailed.
 */
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
  s.agencyId = s.agencyId ?? r.agencyId;
  for (const e of r.evaluators)
    s.evaluators.push({ id: e.id, name: e.name, status: 'assigned', total: null });
  const ids = r.evaluators.map((e) => e.id);
  const [action, to] = o.chosen
    ? (['experts_seated_by_office', null] as const)
    : (['experts_assigned', 'assigned'] as const);
  await transition(s, actor, action, to, {
    patch: { agencyId: s.agencyId },
    details: { evaluators: ids, blocked: r.blocked },
  });
  if (ids.length) await mail(s, `${o.step}-${s.seq}`, 'evaluator_assigned', { accountIds: ids });
}

/** Tells the office when the panel falls short (and records when it is whole again). */
async function checkPanel(s: FileState): Promise<void> {
  const policy = s.policy as NonNullable<FileState['policy']>;
  const seated = activeSeats(s).length;
  const short = Math.max(0, policy.experts.perFile - seated);
  if (short === (s.panelShortBy ?? 0)) return;
  s.panelShortBy = short;
  await transition(s, SYSTEM, short > 0 ? 'panel_incomplete' : 'panel_complete', null, {
    patch: { panelShortBy: short },
    ...(short > 0
      ? { reason: `无利益冲突的评估专家不足：应有${policy.experts.perFile}名，现有${seated}名` }
      : {}),
    details: { required: policy.experts.perFile, seated },
  });
  if (short > 0)
    await mail(
      s,
      `panel-incomplete-${s.seq}`,
      'panel_incomplete',
      { office: true },
      { missing: short, required: policy.experts.perFile },
    );
}

/** The office seats replacements it chose from the pool; the activity checks them again. */
export async function seatChosen(s: FileState, actor: Actor, evaluatorIds: string[]) {
  await takeSeats(s, actor, {
    count: evaluatorIds.length,
    step: 'office-seat',
    chosen: evaluatorIds,
  });
  await checkPanel(s);
}

export async function declareConflict(
  s: FileState,
  actor: Actor,
  hasConflict: boolean,
  note: string | undefined,
): Promise<void> {
  const seatOf = s.evaluators.find((e) => e.id === actor.id) as FileState['evaluators'][number];
  seatOf.status = hasConflict ? 'conflicted' : 'cleared';
  await db(s).recordAssignment({
    fileId: s.input.fileId,
    evaluatorId: actor.id,
    status: seatOf.status,
    note: note ?? null,
    at: Date.now(),
  });
  await transition(s, actor, hasConflict ? 'conflict_declared' : 'no_conflict_declared', null, {
    reason: note,
  });
  if (hasConflict) await replaceAndMaybeScore(s);
}

export async function recuse(s: FileState, actor: Actor, evaluatorId: string, reason: string) {
  const seatOf = s.evaluators.find((e) => e.id === evaluatorId) as FileState['evaluators'][number];
  seatOf.status = 'recused';
  await db(s).recordAssignment({
    fileId: s.input.fileId,
    evaluatorId,
    status: 'recused',
    note: reason,
    at: Date.now(),
  });
  await transition(s, actor, 'recusal_granted', null, { reason, details: { evaluatorId } });
  await replaceAndMaybeScore(s);
}

async function replaceAndMaybeScore(s: FileState) {
  await seat(s, 1, 'replacement');
  await scoreIfComplete(s);
}

export async function submitSheet(s: FileState, actor: Actor, sheet: ScoreSheet) {
  const policy = s.policy as NonNullable<FileState['policy']>;
  const total = sheetTotal(sheet, policy);
  await db(s).storeSubmittedSheet({
    fileId: s.input.fileId,
    evaluatorId: actor.id,
    sheet,
    total,
    at: Date.now(),
  });
  const seatOf = s.evaluators.find((e) => e.id === actor.id) as FileState['evaluators'][number];
  seatOf.total = total;
  await transition(s, actor, 'sheet_submitted', null, { details: { total } });
  await scoreIfComplete(s);
}

/** Every seated expert has submitted: aggregate by the policy and ask the committee. */
async function scoreIfComplete(s: FileState) {
  const seats = activeSeats(s);
  if (seats.length === 0 || seats.some((e) => e.total === null)) return;
  const policy = s.policy as NonNullable<FileState['policy']>;
  if (seats.length < policy.experts.perFile && patched(PANEL_COMPLETE)) return;
  const totals = seats.map((e) => e.total as number);
  const { score, used } = aggregate(
    totals,
    policy.scoring.aggregation,
    policy.scoring.trimMinSheets,
  );
  const { spread, flagged } = disagreement(totals, policy.scoring.disagreementThreshold);
  s.score = { value: score, spread, flagged, method: policy.scoring.aggregation, used };
  s.proposedLevel = levelForScore(score, policy.thresholds);
  await transition(s, SYSTEM, 'scored', 'scored', {
    patch: { finalScore: score, flagged, proposedLevel: s.proposedLevel },
    details: { totals, spread },
  });
  await mail(
    s,
    'committee',
    'committee_pending',
    { accountIds: s.input.committeeIds },
    {
      score,
      level: s.proposedLevel,
    },
  );
}

export async function vote(
  s: FileState,
  actor: Actor,
  approve: boolean,
  body: 'committee' | 'review',
) {
  const round = body === 'committee' ? s.committee.round : (s.review?.round ?? 1);
  await db(s).recordVote({
    fileId: s.input.fileId,
    body,
    round,
    memberId: actor.id,
    approve,
    at: Date.now(),
  });
  (body === 'committee' ? s.committee.votes : (s.review?.votes ?? [])).push({
    memberId: actor.id,
    approve,
  });
  await transition(s, actor, `${body}_vote`, null, { details: { round, approve } });
}

/**
 * §4.5 rule 7 at the committee: without quorum, or without a majority of all members, a new
 * round opens. The grade comes from the threshold table in force on the decision date.
 */
export async function closeVote(s: FileState, actor: Actor): Promise<void> {
  const policy = s.policy as NonNullable<FileState['policy']>;
  const tally = tallyVotes(s.input.committeeIds, s.committee.votes, policy.committee);
  s.committee.lastTally = tally;
  if (!tally.approved) {
    s.committee.round++;
    s.committee.votes = [];
    await transition(
      s,
      actor,
      tally.quorum ? 'committee_rejected' : 'committee_quorum_failed',
      null,
      {
        reason: tally.quorum ? '赞成票未超过全体委员的半数' : '出席委员不足三分之二，不能表决',
        details: { tally },
      },
    );
    return;
  }
  const now = Date.now();
  const rules = await db(s).loadEvaluationRules({ at: now });
  s.policy = rules.policy;
  s.ruleVersion = rules.ref.version;
  let level = levelForScore(s.score?.value ?? 0, rules.policy.thresholds);
  // §4.5 rule 4, read on the decision date; histories from before the flag never take it.
  if (
    level === 5 &&
    rules.policy.fiveARequiresPartyOrganization &&
    patched('five-a-party-organization')
  ) {
    const profile = await act.loadProfileSnapshot({ organizationId: s.input.organizationId });
    const decided = applyPartyOrganizationRule(level, profile, rules.policy);
    level = decided.level;
    s.levelNote = decided.reason;
  }
  const note = s.levelNote ? { levelNote: s.levelNote } : {};
  s.committee.decidedAt = now;
  if (level === 0) {
    await transition(s, actor, 'not_graded', 'not_graded', { details: { tally } });
    await mail(
      s,
      'not-graded',
      'not_graded',
      { organization: true },
      { reason: '评估得分未达到最低等级标准。' },
    );
    return;
  }
  if (level > rules.policy.districtMaxLevel) {
    s.proposedLevel = level;
    await transition(s, actor, 'recommended_upward', 'recommended_upward', {
      patch: { proposedLevel: level },
      reason: s.levelNote ?? undefined,
      details: { tally, level, ...note },
    });
    await mail(
      s,
      'upward',
      'recommended_upward',
      { organization: true },
      { level, ...(s.levelNote ? { reason: s.levelNote } : {}) },
    );
    return;
  }
  await publicise(s, actor, level, 'district', { tally, ...note });
}

export async function recordUpwardResult(
  s: FileState,
  actor: Actor,
  level: number,
  awardingLevel: 'city' | 'province',
) {
  await publicise(s, actor, level, awardingLevel, {});
}

async function publicise(
  s: FileState,
  actor: Actor,
  level: number,
  awardingLevel: 'district' | 'city' | 'province',
  details: Record<string, unknown>,
) {
  const policy = s.policy as NonNullable<FileState['policy']>;
  const now = Date.now();
  s.decidedLevel = level;
  s.awardingLevel = awardingLevel;
  s.publicityEndsAt = addDuration(now, policy.limits.publicity, s.calendar).at;
  await transition(s, actor, 'grade_decided', 'publicised', {
    patch: { decidedLevel: level },
    reason: s.levelNote ?? undefined,
    details: { ...details, level, awardingLevel, publicityEndsAt: s.publicityEndsAt },
  });
  await act.publishEvaluationAnnouncement({
    key: `evaluation-publicity:${s.input.fileId}`,
    kind: 'evaluation_publicity',
    subjectType: 'evaluation_file',
    subjectId: s.input.fileId,
    title: '社会组织评估结果公示',
    body: `拟确定评估等级：${gradeLabel(level)}。公示期至 ${new Date(s.publicityEndsAt).toISOString()}，期内可提出异议或申请复核。`,
    channels: policy.announcementChannels,
    at: now,
  });
  await mail(
    s,
    'decided',
    'grade_decided',
    { organization: true },
    {
      level,
      until: new Date(s.publicityEndsAt).toISOString(),
      ...(s.levelNote ? { reason: s.levelNote } : {}),
    },
  );
}

export async function requestReview(
  s: FileState,
  actor: Actor,
  args: { kind: 'objection' | 'review'; reason: string; requestedLevel: number },
) {
  const now = Date.now();
  s.review = {
    ...args,
    requestedAt: new Date(now).toISOString(),
    round: 1,
    decidedAt: null,
    upheld: null,
    answerDueAt: null,
    tally: null,
    votes: [],
  };
  await transition(
    s,
    actor,
    args.kind === 'objection' ? 'objection_filed' : 'review_requested',
    'review_requested',
    {
      patch: { reviewRequestedAt: now },
      reason: args.reason,
      details: { requestedLevel: args.requestedLevel },
    },
  );
  await mail(
    s,
    'review',
    'review_pending',
    { accountIds: s.input.reviewCommitteeIds },
    { reason: args.reason },
  );
}

/** The review committee decides by the same rule; the written answer is due within 15 days. */
export async function closeReview(s: FileState, actor: Actor): Promise<void> {
  const policy = s.policy as NonNullable<FileState['policy']>;
  const review = s.review as NonNullable<FileState['review']>;
  const tally = tallyVotes(s.input.reviewCommitteeIds, review.votes, policy.committee);
  review.tally = tally;
  if (!tally.quorum) {
    review.round++;
    review.votes = [];
    await transition(s, actor, 'review_quorum_failed', null, { details: { tally } });
    return;
  }
  const now = Date.now();
  review.decidedAt = new Date(now).toISOString();
  review.upheld = tally.approved;
  review.answerDueAt = new Date(
    addDuration(now, policy.limits.reviewAnswer, s.calendar).at,
  ).toISOString();
  if (tally.approved && patched(REVIEW_WITHIN_AUTHORITY)) {
    await upholdReview(s, actor, tally, review.requestedLevel);
    return;
  }
  if (tally.approved) s.decidedLevel = review.requestedLevel;
  await transition(s, actor, tally.approved ? 'review_upheld' : 'review_dismissed', 'publicised', {
    patch: { decidedLevel: s.decidedLevel },
    details: { tally, level: s.decidedLevel },
  });
  await mail(
    s,
    'review-answer',
    'review_answer',
    { organization: true },
    {
      upheld: tally.approved,
      level: s.decidedLevel,
    },
  );
}

/** An upheld re-review decided like a first decision (see REVIEW_WITHIN_AUTHORITY). */
async function upholdReview(s: FileState, actor: Actor, tally: Tally, requested: number) {
  const policy = s.policy as NonNullable<FileState['policy']>;
  let level = requested;
  if (level === 5 && policy.fiveARequiresPartyOrganization) {
    const profile = await act.loadProfileSnapshot({ organizationId: s.input.organizationId });
    const decided = applyPartyOrganizationRule(level, profile, policy);
    level = decided.level;
    s.levelNote = decided.reason;
  }
  const note = s.levelNote ? { levelNote: s.levelNote } : {};
  const upward = level > policy.districtMaxLevel;
  if (upward) {
    s.proposedLevel = level;
    s.decidedLevel = null;
    s.awardingLevel = null;
  } else {
    s.decidedLevel = level;
    s.awardingLevel = 'district';
  }
  await transition(s, actor, 'review_upheld', upward ? 'recommended_upward' : 'publicised', {
    patch: { decidedLevel: s.decidedLevel, proposedLevel: s.proposedLevel },
    reason: s.levelNote ?? undefined,
    details: { tally, level, requestedLevel: requested, upward, ...note },
  });
  await mail(
    s,
    'review-answer',
    'review_answer',
    { organization: true },
    { upheld: true, upward, level, ...(s.levelNote ? { reason: s.levelNote } : {}) },
  );
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
  s.gradeId = award.gradeId;
  s.certificateFileId = award.certificateFileId;
  await transition(s, SYSTEM, 'grade_confirmed', 'confirmed', {
    patch: { gradeId: award.gradeId },
    details: { level, expiresOn },
  });
  await act.publishEvaluationAnnouncement({
    key: `evaluation-result:${s.input.fileId}`,
    kind: 'evaluation_result',
    subjectType: 'evaluation_file',
    subjectId: s.input.fileId,
    title: '社会组织评估等级公告',
    body: `评估等级：${gradeLabel(level)}，有效期至 ${expiresOn}。`,
    channels: policy.announcementChannels,
    at: now,
  });
  await mail(
    s,
    'confirmed',
    'grade_confirmed',
    { organization: true },
    { level, until: expiresOn },
    award.certificateFileId ? [award.certificateFileId] : undefined,
  );
  await startGradeLife(s.input.organizationId, {
    id: award.gradeId,
    level,
    awardedOn,
    expiresOn,
    expiresAt,
    hasCertificate: award.certificateFileId !== null,
  });
}

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
