import { localDateOf, workingDaysBetween } from '../../domain/calendar';
import { addDuration } from '../../domain/deadlines';
import type { Db } from '../../lib/db';
import { loadRegistrationRules } from '../../lib/rules/load-registration-rules';
import type { Session } from '../auth/session';
import { competitionTasks } from './competition-tasks';
import { evaluationTasks } from './evaluation-tasks';
import { purchaseTasks } from './purchase-tasks';
import { registrationTasks } from './registration-tasks';
import { type InboxTask, PROCESS_LABEL } from './task';

/**
 * Everything that waits for this person, from the stores the four processes keep (each source
 * applies the role's and the object's access), with who holds each shared step, the urgency and
 * the working days left; most urgent first, then by deadline.
 */
export async function gatherTasks(db: Db, s: Session, districtCode: string): Promise<InboxTask[]> {
  const sources = await Promise.all([
    registrationTasks(db, s),
    evaluationTasks(db, s, districtCode),
    competitionTasks(db, s),
    purchaseTasks(db, s),
  ]);
  const tasks = sources.flat();
  const now = Date.now();
  // The near-due threshold is the policy's reminder lead (到期提醒提前量, a rule-set setting).
  const rules = await loadRegistrationRules(db, districtCode, now).catch(() => null);
  const claims = await claimsOf(
    db,
    tasks.filter((t) => t.shared).map((t) => t.key),
  );
  const out = tasks.map((t): InboxTask => {
    const due = t.dueAt?.getTime() ?? null;
    const left =
      due === null || !rules
        ? null
        : due < now
          ? 0
          : workingDaysBetween(localDateOf(now), localDateOf(due), rules.calendar).days;
    const overdue = t.overdue === true || (due !== null && due < now);
    const near =
      due !== null &&
      rules !== null &&
      addDuration(now, rules.policy.limits.reminderLead, rules.calendar).at >= due;
    const c = claims.get(t.key);
    return {
      key: t.key,
      process: t.process,
      processLabel: PROCESS_LABEL[t.process],
      title: t.title,
      subject: t.subject,
      reference: t.reference,
      link: t.link,
      dueAt: t.dueAt?.toISOString() ?? null,
      urgency: overdue ? 'overdue' : near ? 'near_due' : 'normal',
      workingDaysLeft: left,
      claimable: t.shared,
      claim: c ? { ...c, mine: c.accountId === s.sub } : null,
    };
  });
  const rank = { overdue: 0, near_due: 1, normal: 2 } as const;
  return out.sort(
    (a, b) =>
      rank[a.urgency] - rank[b.urgency] ||
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      a.key.localeCompare(b.key),
  );
}

async function claimsOf(db: Db, keys: string[]) {
  if (keys.length === 0)
    return new Map<string, { accountId: string; name: string; claimedAt: string }>();
  const rows = await db.taskClaim.findMany({ where: { taskKey: { in: keys } } });
  const names = new Map(
    (
      await db.account.findMany({
        where: { id: { in: rows.map((r) => r.accountId) } },
        select: { id: true, displayName: true },
      })
    ).map((a) => [a.id, a.displayName]),
  );
  return new Map(
    rows.map((r) => [
      r.taskKey,
      {
        accountId: r.accountId,
        name: names.get(r.accountId) ?? '—',
        claimedAt: r.claimedAt.toISOString(),
      },
    ]),
  );
}
