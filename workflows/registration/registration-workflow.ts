import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { MZ_PROCESS, MZ_STATUS } from '../search-attributes';
import { actionOffer } from '../shared/action';
import { illegal } from '../shared/refusal';
import { UpdateServer } from '../shared/serve';
import type { ActionDef } from './action';
import * as applicant from './applicant';
import { record } from './case-core';
import * as intake from './intake';
import * as m from './messages';
import * as prep from './preparation';
import * as review from './review';
import * as reviewClock from './review-clock';
import { issueLateOutputs, type LateOutputs, recordLateOutputs, runEffects } from './run-effects';
import { type CaseState, initialState } from './state';
import * as clock from './timers';
import { buildView } from './view';
import { FINAL_STATUSES, type RegistrationView } from './view-types';

/** Every Update and the rule behind it. */
const UPDATES: [m.WorkflowUpdate, ActionDef<never>][] = [
  [m.issueDeficiencyNoticeUpdate, intake.issueDeficiencyNotice],
  [m.acceptUpdate, intake.accept],
  [m.refuseAcceptanceUpdate, intake.refuseAcceptance],
  [m.resubmitUpdate, applicant.resubmit],
  [m.withdrawUpdate, applicant.withdraw],
  [m.claimUpdate, review.claim],
  [m.assignUpdate, review.assign],
  [m.approveUpdate, review.approve],
  [m.rejectUpdate, review.reject],
  [m.returnForCorrectionUpdate, review.returnForCorrection],
  [m.requestExtensionUpdate, reviewClock.requestExtension],
  [m.decideExtensionUpdate, reviewClock.decideExtension],
  [m.startExpertReviewUpdate, reviewClock.startExpertReview],
  [m.endExpertReviewUpdate, reviewClock.endExpertReview],
  [m.extendPreparationUpdate, prep.extendPreparation],
  [m.submitFoundingUpdate, prep.submitFounding],
];

/**
 * 直接登记: one application from filing to certificate, rejection, withdrawal or lapse.
 * Human decisions arrive as Updates (see messages.ts); statutory clocks run as timers.
 */
export async function registrationWorkflow(
  input: m.RegistrationInput,
  resumed?: CaseState,
): Promise<RegistrationView> {
  const c = resumed ?? initialState(input, workflowInfo().workflowId, Date.now());
  // PDFs and their mails still being issued after their decision was answered.
  let issuing = 0;
  const server = new UpdateServer({
    // A limit that passed before this decision arrived is applied first (a deemed acceptance,
    // a lapse): the law's effect does not depend on who was faster.
    before: async () => {
      for (const job of await catchUp(c)) later(job);
    },
    hold: () =>
      clock.decisiveTimerDue(c, Date.now())
        ? illegal('相关期限已届满，系统正在依法处理，请刷新后查看')
        : null,
  });
  const later = (job: LateOutputs | null): void => {
    if (!job) return;
    issuing++;
    void (async () => {
      try {
        const out = await issueLateOutputs(job);
        await server.lock.run(() => recordLateOutputs(c, out, Date.now()));
      } finally {
        issuing--;
        server.changes++;
      }
    })();
  };
  const settled = () => allHandlersFinished() && issuing === 0;

  for (const [update, def] of UPDATES) {
    const action = def as ActionDef<m.WithActor>;
    server.on(
      update as m.WorkflowUpdate,
      (args: m.WithActor) => action.check(c, args, Date.now()),
      async (args: m.WithActor) => {
        const effects = action.apply(c, args, Date.now());
        later(await runEffects(c, effects, `u${c.trail.length}`, Date.now()));
        publishStatus(c);
        return buildView(c, Date.now());
      },
      { probes: actionOffer(update.name, action, c, Date.now).probes },
    );
  }
  setHandler(m.registrationStatusQuery, () => buildView(c, Date.now()));
  setHandler(m.registrationPageQuery, ({ actor }) => ({
    view: buildView(c, Date.now()),
    offered: server.offeredTo(actor),
  }));
  setHandler(m.calendarUpdatedSignal, (calendar) => {
    c.calendar = calendar;
    server.changes++;
  });
  server.serveOffers();

  if (!resumed) await server.lock.run(() => filed(c));
  const fire = (key: string) => server.lock.run(async () => later(await fireDue(c, key)));
  while (!FINAL_STATUSES.includes(c.status)) {
    const seen = server.changes;
    const next = clock.nextTimer(c);
    const wait = next ? Math.max(1, next.at - Date.now()) : undefined;
    const woken = await condition(() => server.changes !== seen, wait);
    if (!woken && next) await fire(next.key);
    if (shouldContinueAsNew(input)) {
      await condition(settled);
      return continueAsNew<typeof registrationWorkflow>(input, c);
    }
  }
  await condition(settled);
  return buildView(c, Date.now());
}

async function filed(c: CaseState): Promise<void> {
  record(c, c.filedAt, c.input.filedBy, 'filed', 'submitted', {
    details: { applicationNo: c.input.applicationNo },
  });
  await runEffects(
    c,
    [
      { kind: 'check' },
      { kind: 'notify', template: 'filed', audience: [{ kind: 'applicant' }] },
      {
        kind: 'notify',
        template: 'intake_pending',
        audience: [{ kind: 'role', role: 'reviewer' }],
      },
    ],
    'filed',
    Date.now(),
  );
  publishStatus(c);
}

/** Fires every timer that is due, in order; returns what they issue after their decisions. */
async function catchUp(c: CaseState): Promise<LateOutputs[]> {
  const late: LateOutputs[] = [];
  for (let t = clock.nextTimer(c); t && t.at <= Date.now(); t = clock.nextTimer(c)) {
    const job = await fireDue(c, t.key);
    if (job) late.push(job);
  }
  return late;
}

/** Fires the timer if it is still pending and due (a decision may have overtaken it). */
async function fireDue(c: CaseState, key: string): Promise<LateOutputs | null> {
  const now = Date.now();
  const timer = clock.caseTimers(c).find((t) => t.key === key && t.at <= now);
  if (!timer) return null;
  c.firedTimers.push(timer.key);
  const effects = timer.fire(c, now);
  const late = await runEffects(c, effects, timer.key, now);
  publishStatus(c);
  return late;
}

function publishStatus(c: CaseState): void {
  upsertSearchAttributes([
    { key: MZ_PROCESS, value: 'registration' },
    { key: MZ_STATUS, value: c.status },
  ]);
}

function shouldContinueAsNew(input: m.RegistrationInput): boolean {
  const info = workflowInfo();
  if (input.maxHistoryEvents !== undefined) return info.historyLength > input.maxHistoryEvents;
  return info.continueAsNewSuggested;
}
