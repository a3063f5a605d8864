import type { HolidayCalendar } from '../../domain/calendar';
import type { Clock } from '../../domain/deadlines';
import type { Application } from '../../domain/registration/application';
import type { DeficiencyItem } from '../../domain/registration/completeness';
import type { RefusalGround } from '../../domain/registration/grounds';
import type { RegistrationPolicy, RuleSetRef } from '../../domain/registration/policy';
import type { Actor, RegistrationInput } from './messages';
import type {
  AuditRecord,
  IssuedDocument,
  NoticeView,
  Phase,
  RegistrationStatus,
  RegistrationView,
} from './view-types';

/** Everything the workflow remembers; plain JSON so that it survives continue-as-new. */
export interface CaseState {
  input: Omit<RegistrationInput, 'application' | 'rules' | 'maxHistoryEvents'>;
  workflowId: string;
  status: RegistrationStatus;
  phase: Phase;
  application: Application;
  applicationVersion: number;
  /** The text before the latest resubmission: what a later notice is measured against. */
  previousApplication: Application | null;
  filedAt: number;
  receivedAt: number;
  rules: { ref: RuleSetRef | null; policy: RegistrationPolicy };
  calendar: HolidayCalendar;
  findings: DeficiencyItem[];
  nameCheck: RegistrationView['nameCheck'];
  notices: NoticeView[];
  intakeClock: Clock | null;
  responseClock: Clock | null;
  decisionClock: Clock | null;
  promisedClock: Clock | null;
  prepClock: Clock | null;
  accepted: { at: number; by: Actor | null; deemed: boolean; receiptNo: string | null } | null;
  assignee: Actor | null;
  firstReviewer: Actor | null;
  recommendation: { outcome: 'approve' | 'reject'; grounds: RefusalGround[]; by: Actor } | null;
  returnedFrom: 'first_review' | 'second_review' | null;
  extension: { requestedBy: Actor; reason: string; decided: boolean; granted: boolean } | null;
  prepExtended: boolean;
  expertReview: { since: number; reason: string; expectedWorkingDays: number } | null;
  decision: RegistrationView['decision'];
  creditCode: string | null;
  certificateFileId: string | null;
  announcementId: string | null;
  documents: IssuedDocument[];
  firedTimers: string[];
  overdue: boolean;
  trail: AuditRecord[];
  /** Entries of `trail` from this index on are not yet written to PostgreSQL. */
  flushedUpTo: number;
  warnings: string[];
}

export function initialState(input: RegistrationInput, workflowId: string, now: number): CaseState {
  const { application, rules: loaded, maxHistoryEvents: _, ...rest } = input;
  const rules = { ref: loaded.ref, policy: loaded.policy };
  const calendar = loaded.calendar;
  return {
    input: rest,
    workflowId,
    status: 'submitted',
    phase: 'registration',
    application,
    applicationVersion: 1,
    previousApplication: null,
    filedAt: now,
    receivedAt: now,
    rules,
    calendar,
    findings: [],
    nameCheck: null,
    notices: [],
    intakeClock: {
      startedAt: now,
      limit: rules.policy.limits.intakeNotice,
      pauses: [],
      extensions: [],
    },
    responseClock: null,
    decisionClock: null,
    promisedClock: null,
    prepClock: null,
    accepted: null,
    assignee: null,
    firstReviewer: null,
    recommendation: null,
    returnedFrom: null,
    extension: null,
    prepExtended: false,
    expertReview: null,
    decision: null,
    creditCode: null,
    certificateFileId: null,
    announcementId: null,
    documents: [],
    firedTimers: [],
    overdue: false,
    trail: [],
    flushedUpTo: 0,
    warnings: [],
  };
}
