import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { findDeficiencies } from '../../domain/registration/completeness';
import { announcementBasis } from '../../domain/registration/grounds';
import { ACTIVITY_TIMEOUT } from '../activity-timeouts';
import type { Effect } from './effects';
import { documentContext, mailContext, type Projection, summary } from './outputs';
import type { CaseState } from './state';
import { buildView } from './view';

const acts = proxyActivities<Activities>({
  startToCloseTimeout: ACTIVITY_TIMEOUT,
  // Database and renderer hiccups heal; keep trying rather than lose a decision.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * The same activities run as local activities (patch `registration-step-local`): each leaves
 * one marker in the history instead of three events and a round trip through the task queue,
 * and a decision's Update is answered in the workflow task that took it.
 */
const local = proxyLocalActivities<Activities>({
  startToCloseTimeout: ACTIVITY_TIMEOUT,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export const STEP_LOCAL_PATCH = 'registration-step-local';

type Acts = typeof acts;

async function check(s: CaseState, a: Acts): Promise<void> {
  const result = await a.checkRegistrationName({
    registrationId: s.input.registrationId,
    name: s.application.name,
    legalForm: s.application.legalForm,
    policy: s.rules.policy.names,
  });
  s.nameCheck = result;
  const conflicts = [...result.exact, ...result.similar].map((o) => `“${o.name}”（${o.status}）`);
  s.findings = findDeficiencies(s.application, s.rules.policy);
  if (conflicts.length > 0) {
    s.findings.push({
      code: result.exact.length ? 'NAME_DUPLICATE' : 'NAME_SIMILAR',
      target: 'field:name',
      title: result.exact.length ? '名称与已有组织名称相同' : '名称与已有组织名称近似',
      description: `拟用名称与${conflicts.join('、')}相同或者近似，请更换名称。`,
      legalBasis:
        '《社会组织名称管理办法》（民政部令第69号）；《社会团体登记管理条例》第十条第二款',
    });
  }
}

async function loadRules(s: CaseState, at: number, a: Acts): Promise<void> {
  const r = await a.loadRegistrationRules({ at });
  s.rules = { ref: r.ref, policy: r.policy };
  s.calendar = r.calendar;
  // The decisive rule set (acceptance date) fixes the decision limits.
  if (s.decisionClock) s.decisionClock.limit = r.policy.limits.decision;
  const promised = r.policy.limits.promised;
  if (s.promisedClock && promised) s.promisedClock.limit = promised;
  if (s.promisedClock && !promised) s.promisedClock = null;
}

async function runOne(s: CaseState, e: Effect, key: string, now: number, a: Acts): Promise<void> {
  const ids = { registrationId: s.input.registrationId, organizationId: s.input.organizationId };
  switch (e.kind) {
    case 'check':
      return check(s, a);
    case 'loadRules':
      return loadRules(s, e.at, a);
    case 'receipt':
      if (s.accepted) s.accepted.receiptNo = await a.issueReceiptNumber(ids);
      return;
    case 'document': {
      const doc = await a.issueRegistrationDocument({
        ...ids,
        key,
        context: documentContext(s, e.document, now),
      });
      s.documents.push(doc);
      return;
    }
    case 'certificate': {
      const cert = await a.issueCertificate({
        ...ids,
        key,
        application: s.application,
        bodyPrefix: s.rules.policy.creditCode.bodyPrefix,
        issuedAt: now,
      });
      s.creditCode = cert.creditCode;
      s.certificateFileId = cert.certificateFileId;
      s.documents.push(cert.document);
      return;
    }
    case 'announcement':
      s.announcementId = await a.publishRegistrationAnnouncement({
        ...ids,
        key,
        summary: summary(s),
        application: s.application,
        channels: s.rules.policy.announcementChannels,
        legalBasis: announcementBasis(s.application.legalForm),
        publishedAt: now,
      });
      return;
    case 'bar':
      return a.barReapplication({ organizationId: s.input.organizationId, until: e.until });
    case 'notify':
      return;
  }
}

function projection(
  s: CaseState,
  now: number,
): { projection: Projection; view: ReturnType<typeof buildView> } {
  const view = buildView(s, now);
  const binding = view.deadlines.find((d) => d.kind !== 'promised');
  const decisionFile = s.documents.find(
    (d) => d.kind === 'rejection_decision' || d.kind === 'non_acceptance_notice',
  );
  return {
    view,
    projection: {
      status: s.status,
      step: view.statusLabel,
      ruleVersion: view.ruleSet?.version ?? null,
      receiptNo: s.accepted?.receiptNo ?? null,
      acceptedAt: view.acceptedAt,
      decidedAt: s.decision?.at ?? null,
      dueAt: binding?.dueAt ?? null,
      promisedDueAt: view.deadlines.find((d) => d.kind === 'promised')?.dueAt ?? null,
      overdue: view.overdue,
      awaitingRole: view.awaiting.role,
      assigneeId: s.assignee?.id ?? null,
      creditCode: s.creditCode,
      certificateFileId: s.certificateFileId,
      decisionFileId: decisionFile?.fileId ?? null,
      applicationVersion: s.applicationVersion,
      proposedName: s.application.name,
    },
  };
}

/** What a decision issues after it is recorded (patch `registration-outputs-after-decision`). */
export interface LateOutputs {
  registrationId: string;
  organizationId: string;
  documents: { key: string; context: ReturnType<typeof documentContext> }[];
  certificate?: {
    key: string;
    application: CaseState['application'];
    bodyPrefix: string;
    issuedAt: number;
  };
  mails: ReturnType<typeof mailsOf>;
}

export const OUTPUTS_AFTER_DECISION_PATCH = 'registration-outputs-after-decision';

/** PDFs a person's click need not wait for: drawn once the decision and its audit row are in. */
const isLate = (e: Effect) =>
  e.kind === 'certificate' || (e.kind === 'document' && e.document === 'acceptance_receipt');

function mailsOf(s: CaseState, effects: Effect[], origin: string, issued: string[]) {
  return effects.flatMap((e, i) =>
    e.kind === 'notify'
      ? [
          {
            key: `${s.workflowId}/${origin}/${i}/${e.template}`,
            registrationId: s.input.registrationId,
            organizationId: s.input.organizationId,
            audience: e.audience,
            template: e.template,
            context: mailContext(s, e.extra),
            attachmentFileIds: e.audience.some((x) => x.kind === 'applicant') ? issued : [],
          },
        ]
      : [],
  );
}

function recordOf(s: CaseState, now: number) {
  const { projection: p, view } = projection(s, now);
  return {
    registrationId: s.input.registrationId,
    workflowId: s.workflowId,
    entries: s.trail.slice(s.flushedUpTo),
    projection: p,
    view,
  };
}

/**
 * Runs a transition's effects in order, then writes the new audit entries and the projection
 * in one activity (one transaction), then queues the mails. `origin` is unique per transition,
 * so every outbox key is stable across retries and replays.
 *
 * Since patch `registration-step-local` the effects run as local activities and the mails are
 * written in the record's own transaction (same outbox keys), so a step costs one marker per
 * effect plus one for the record, instead of three events per activity and one activity per mail.
 *
 * Since patch `registration-outputs-after-decision` the acceptance receipt and the certificate
 * PDF (with the applicant's mail that carries them) are returned as `LateOutputs` for the caller
 * to issue after the decision is answered; the approval's credit code is still allocated in the
 * decision.
 */
export async function runEffects(
  s: CaseState,
  effects: Effect[],
  origin: string,
  now: number,
): Promise<LateOutputs | null> {
  const stepLocal = patched(STEP_LOCAL_PATCH);
  const outputsLater = stepLocal && patched(OUTPUTS_AFTER_DECISION_PATCH);
  const a: Acts = stepLocal ? local : acts;
  const before = s.documents.length;
  const key = (i: number) => `${s.workflowId}/${origin}/${i}`;
  const late: LateOutputs = {
    registrationId: s.input.registrationId,
    organizationId: s.input.organizationId,
    documents: [],
    mails: [],
  };
  for (const [i, e] of effects.entries()) {
    if (outputsLater && isLate(e)) {
      if (e.kind === 'document') {
        late.documents.push({ key: key(i), context: documentContext(s, e.document, now) });
      } else if (e.kind === 'certificate') {
        const { creditCode } = await local.allocateCreditCode({
          registrationId: s.input.registrationId,
          organizationId: s.input.organizationId,
          application: s.application,
          bodyPrefix: s.rules.policy.creditCode.bodyPrefix,
          issuedAt: now,
        });
        s.creditCode = creditCode;
        late.certificate = {
          key: key(i),
          application: s.application,
          bodyPrefix: s.rules.policy.creditCode.bodyPrefix,
          issuedAt: now,
        };
      }
      continue;
    }
    await runOne(s, e, key(i), now, a);
  }
  const hasLate = late.documents.length > 0 || late.certificate !== undefined;
  // Documents issued by this transition travel with the applicant's mail.
  const issued = s.documents.slice(before).map((d) => d.fileId);
  const all = mailsOf(s, effects, origin, issued);
  // With PDFs still to come, the applicant's mail waits for them (it carries them).
  const toApplicant = (m: (typeof all)[number]) => m.audience.some((x) => x.kind === 'applicant');
  const mails = hasLate ? all.filter((m) => !toApplicant(m)) : all;
  late.mails = hasLate ? all.filter(toApplicant) : [];
  const record = recordOf(s, now);
  if (stepLocal) {
    await local.recordRegistrationStep({ ...record, mails });
    s.flushedUpTo = s.trail.length;
    return hasLate ? late : null;
  }
  await acts.recordRegistration(record);
  s.flushedUpTo = s.trail.length;
  for (const mail of mails) await acts.notify(mail);
  return null;
}

/** Issues a decision's late outputs (one activity, after the decision was answered). */
export const issueLateOutputs = (job: LateOutputs) => acts.issueRegistrationOutputs(job);

/** Adds the issued PDFs to the case and records the view that shows them. */
export async function recordLateOutputs(
  s: CaseState,
  out: Awaited<ReturnType<typeof issueLateOutputs>>,
  now: number,
): Promise<void> {
  s.documents.push(...out.documents);
  if (out.certificateFileId) s.certificateFileId = out.certificateFileId;
  await local.recordRegistrationStep({ ...recordOf(s, now), mails: [] });
  s.flushedUpTo = s.trail.length;
}
