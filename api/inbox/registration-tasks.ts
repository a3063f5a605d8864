import type { Db } from '../../lib/db';
import type { RegistrationView } from '../../workflows/registration/view-types';
import type { Session } from '../auth/session';
import { task, whereFor } from '../routes/worklist';
import type { SourceTask } from './task';

const ROLES = new Set(['applicant', 'reviewer', 'section_head', 'bureau_head']);

/**
 * Registrations waiting for this person: the workflow's projection records the step
 * (`status`), who acts (`awaitingRole`) and the holder (`assigneeId`). A file in the pool
 * (nobody holds it) is a shared step; four-eyes excludes the official of an earlier level.
 */
export async function registrationTasks(db: Db, s: Session): Promise<SourceTask[]> {
  if (!ROLES.has(s.role)) return [];
  if (s.role === 'applicant' && !s.org) return [];
  const rows = await db.registration.findMany({
    where: whereFor(s),
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { filedAt: 'asc' }],
    take: 500,
  });
  return rows
    .filter(
      (r) =>
        !((r.view as RegistrationView | null)?.awaiting.excludedActorIds ?? []).includes(s.sub),
    )
    .map((r) => ({
      key: `registration:file:${r.id}:${r.status}`,
      process: 'registration' as const,
      // The pool's own mark (待认领) gives way to the inbox's claim, shown beside the task.
      title: task(r, s).replace('（待认领）', ''),
      subject: r.proposedName,
      reference: r.applicationNo,
      link: `/registrations/${r.id}`,
      dueAt: r.dueAt,
      overdue: r.overdue,
      shared: s.role !== 'applicant' && s.role !== 'bureau_head' && r.assigneeId === null,
    }));
}
