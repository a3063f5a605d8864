import { localDateOf } from '../../domain/calendar';
import { computeDeadline } from '../../domain/deadlines';
import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../domain/organization-types';
import type { DeficiencyItem } from '../../domain/registration/completeness';
import { REFUSAL_GROUND_LABEL } from '../../domain/registration/grounds';
import { iso } from './case-core';
import { ISSUED_DOCUMENTS, type IssuedDocumentKind } from './effects';
import type { CaseState } from './state';
import { describeDuration } from './view';
import { STATUS_LABEL } from './view-types';

/**
 * Compact, plain data for mails and issued documents: the activities render text from it.
 * Kept small on purpose, since every activity input is stored in the history.
 */

export interface CaseSummary {
  registrationId: string;
  organizationId: string;
  applicationNo: string;
  name: string;
  legalForm: CaseState['application']['legalForm'];
  legalFormLabel: string;
  categoryLabel: string;
  statusLabel: string;
  receiptNo: string | null;
  acceptedOn: string | null;
  dueAt: string | null;
  creditCode: string | null;
}

export function summary(s: CaseState): CaseSummary {
  const clock =
    s.status === 'submitted'
      ? s.intakeClock
      : s.status === 'correction_required' || s.status === 'returned'
        ? s.responseClock
        : s.status === 'preparing'
          ? s.prepClock
          : s.decisionClock;
  const due = clock ? computeDeadline(clock, s.calendar).dueAt : null;
  return {
    registrationId: s.input.registrationId,
    organizationId: s.input.organizationId,
    applicationNo: s.input.applicationNo,
    name: s.application.name,
    legalForm: s.application.legalForm,
    legalFormLabel: LEGAL_FORM_LABEL[s.application.legalForm],
    categoryLabel: CATEGORY_LABEL[s.application.category],
    statusLabel: STATUS_LABEL[s.status],
    receiptNo: s.accepted?.receiptNo ?? null,
    acceptedOn: s.accepted ? localDateOf(s.accepted.at) : null,
    dueAt: due === null ? null : iso(due),
    creditCode: s.creditCode,
  };
}

export interface MailContext extends CaseSummary {
  items?: DeficiencyItem[];
  reason?: string;
  extra?: Record<string, string>;
}

export function mailContext(s: CaseState, extra?: Record<string, string>): MailContext {
  const last = s.trail.at(-1);
  const notice = s.notices.at(-1);
  const wantsItems = s.status === 'correction_required' || s.status === 'returned';
  return {
    ...summary(s),
    items: wantsItems ? notice?.items : undefined,
    reason: s.decision?.reason ?? last?.reason,
    extra,
  };
}

export interface DocumentContext extends CaseSummary {
  kind: IssuedDocumentKind;
  title: string;
  issuedOn: string;
  items?: DeficiencyItem[];
  reason?: string;
  grounds?: string[];
  legalBasis?: string;
  remedies?: { reconsiderationDays: number; reconsiderationBody: string; litigationMonths: number };
  expectedWorkingDays?: number;
  deemedAccepted: boolean;
  filedOn: string;
  /** The limits as words (60个工作日), for the sentences that cite them. */
  limits: { decision: string; response: string | null; extension: string; preparation: string };
}

export function documentContext(
  s: CaseState,
  kind: IssuedDocumentKind,
  now: number,
): DocumentContext {
  const last = s.trail.at(-1);
  const notice = s.notices.at(-1);
  const p = s.rules.policy;
  const base: DocumentContext = {
    ...summary(s),
    kind,
    title: ISSUED_DOCUMENTS[kind],
    issuedOn: localDateOf(now),
    reason: last?.reason,
    legalBasis: last?.legalBasis,
    deemedAccepted: s.accepted?.deemed ?? false,
    filedOn: localDateOf(s.filedAt),
    limits: {
      decision: describeDuration(s.decisionClock?.limit ?? p.limits.decision),
      response: p.limits.applicantResponse ? describeDuration(p.limits.applicantResponse) : null,
      extension: describeDuration(p.extension.amount),
      preparation: describeDuration(p.preparation.window),
    },
  };
  if (kind === 'deficiency_notice' || kind === 'correction_notice') base.items = notice?.items;
  if (kind === 'rejection_decision' || kind === 'non_acceptance_notice') {
    base.reason = s.decision?.reason;
    base.grounds = (s.decision?.grounds ?? []).map((g) => REFUSAL_GROUND_LABEL[g]);
    base.remedies = s.rules.policy.remedies;
  }
  if (kind === 'expert_review_notice')
    base.expectedWorkingDays = s.expertReview?.expectedWorkingDays;
  return base;
}

/** What the projection row in PostgreSQL mirrors, for lists and work lists. */
export interface Projection {
  status: CaseState['status'];
  step: string;
  ruleVersion: string | null;
  receiptNo: string | null;
  acceptedAt: string | null;
  decidedAt: string | null;
  dueAt: string | null;
  promisedDueAt: string | null;
  overdue: boolean;
  awaitingRole: string | null;
  assigneeId: string | null;
  creditCode: string | null;
  certificateFileId: string | null;
  decisionFileId: string | null;
  applicationVersion: number;
  proposedName: string;
}
