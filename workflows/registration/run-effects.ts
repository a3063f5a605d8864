import { proxyActivities } from '@temporalio/workflow';
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

async function check(s: CaseState): Promise<void> {
  const result = await acts.checkRegistrationName({
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

async function loadRules(s: CaseState, at: number): Promise<void> {
  const r = await acts.loadRegistrationRules({ at });
  s.rules = { ref: r.ref, policy: r.policy };
  s.calendar = r.calendar;
  // The decisive rule set (acceptance date) fixes the decision limits.
  if (s.decisionClock) s.decisionClock.limit = r.policy.limits.decision;
  const promised = r.policy.limits.promised;
  if (s.promisedClock && promised) s.promisedClock.limit = promised;
  if (s.promisedClock && !promised) s.promisedClock = null;
}

async function runOne(s: CaseState, e: Effect, key: string, now: number): Promise<void> {
  const ids = { registrationId: s.input.registrationId, organizationId: s.input.organizationId };
  switch (e.kind) {
    case 'check':
      return check(s);
    case 'loadRules':
      return loadRules(s, e.at);
    case 'receipt':
      if (s.accepted) s.accepted.receiptNo = await acts.issueReceiptNumber(ids);
      return;
    case 'document': {
      const doc = await acts.issueRegistrationDocument({
        ...ids,
        key,
        context: documentContext(s, e.document, now),
      });
      s.documents.push(doc);
      return;
    }
    case 'certificate': {
      const cert = await acts.issueCertificate({
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
      s.announcementId = await acts.publishRegistrationAnnouncement({
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
      return acts.barReapplication({ organizationId: s.input.organizationId, until: e.until });
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

/**
 * Runs a transition's effects in order, then writes the new audit entries and the projection
 * in one activity (one transaction), then queues the mails. `origin` is unique per transition,
 * so every outbox key is stable across retries and replays.
 */
export async function runEffects(
  s: CaseState,
  effects: Effect[],
  origin: string,
  now: number,
): Promise<void> {
  const before = s.documents.length;
  for (const [i, e] of effects.entries()) await runOne(s, e, `${s.workflowId}/${origin}/${i}`, now);
  // Documents issued by this transition travel with the applicant's mail.
  const issued = s.documents.slice(before).map((d) => d.fileId);
  const { projection: p, view } = projection(s, now);
  await acts.recordRegistration({
    registrationId: s.input.registrationId,
    workflowId: s.workflowId,
    entries: s.trail.slice(s.flushedUpTo),
    projection: p,
    view,
  });
  s.flushedUpTo = s.trail.length;
  for (const [i, e] of effects.entries()) {
    if (e.kind !== 'notify') continue;
    await acts.notify({
      key: `${s.workflowId}/${origin}/${i}/${e.template}`,
      registrationId: s.input.registrationId,
      organizationId: s.input.organizationId,
      audience: e.audience,
      template: e.template,
      context: mailContext(s, e.extra),
      attachmentFileIds: e.audience.some((a) => a.kind === 'applicant') ? issued : [],
    });
  }
}
