import type { Registration } from '../generated/prisma/client';
import type { Db } from '../lib/db';
import type { Session } from './auth/session';
import { AppError, hiddenFrom } from './problem';

const STAFF = new Set(['reviewer', 'section_head', 'bureau_head', 'administrator']);

export const isStaff = (s: Session) => STAFF.has(s.role);

/** Who may read registrations: staff all of them, an applicant its own organisation's. */
export const REGISTRATION_READERS = [
  'applicant',
  'reviewer',
  'section_head',
  'bureau_head',
  'administrator',
] as const;

/**
 * Object-level access: staff of the bureau see every file; an applicant sees only its own
 * organisation's. Others' files answer 404, so their existence does not leak.
 */
export async function registrationFor(db: Db, id: string, session: Session): Promise<Registration> {
  const reg = await db.registration.findUnique({ where: { id } });
  if (!reg) throw new AppError('not_found', '没有找到该登记申请');
  if (isStaff(session)) return reg;
  if (session.role === 'applicant' && session.org === reg.organizationId) return reg;
  throw hiddenFrom('没有找到该登记申请');
}

export function temporalUrl(uiUrl: string, namespace: string, workflowId: string): string {
  return `${uiUrl.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

/**
 * The workflow's page in the Temporal Web UI: a tool of the system's administrators, so only
 * they get the link (officials and applicants see the process in the bureau's own pages).
 */
export function adminWorkflowLink(
  ui: { url: string; namespace: string },
  session: Session | null | undefined,
  workflowId: string,
): { temporalUrl?: string } {
  return session?.role === 'administrator'
    ? { temporalUrl: temporalUrl(ui.url, ui.namespace, workflowId) }
    : {};
}

/** A file's summary; its workflow's address in the Temporal Web UI only for administrators. */
export function summarize(
  reg: Registration,
  ui: { url: string; namespace: string },
  session: Session,
) {
  return {
    id: reg.id,
    applicationNo: reg.applicationNo,
    name: reg.proposedName,
    category: reg.category,
    legalForm: reg.legalForm,
    status: reg.status,
    step: reg.step,
    receiptNo: reg.receiptNo,
    filedAt: reg.filedAt.toISOString(),
    dueAt: reg.dueAt?.toISOString() ?? null,
    overdue: reg.overdue,
    creditCode: reg.creditCode,
    ...adminWorkflowLink(ui, session, reg.workflowId),
  };
}
