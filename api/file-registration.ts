import { type Application, forWorkflow } from '../domain/registration/application';
import { loadRegistrationRules } from '../lib/rules/load-registration-rules';
import {
  fileRegistration as fileRegistrationRow,
  markWorkflowStarted,
} from '../operations/registration/file-registration';
import type { AppDeps } from './app';
import type { Session } from './auth/session';
import { operate } from './operations';

export { resolveDocuments } from '../operations/registration/file-registration';

/**
 * Files an application (operations/registration/file-registration.ts) and starts its workflow,
 * or leaves the start to the sweep (start-sweep.ts) if Temporal does not answer now.
 */
export async function fileRegistration(
  deps: Pick<AppDeps, 'db' | 'registrations' | 'logger'>,
  opts: StartOptions,
  session: Session,
  input: Application,
  idempotencyKey: string | undefined,
): Promise<{ id: string; created: boolean }> {
  return operate(() =>
    fileRegistrationRow(deps.db, {
      application: input,
      organizationId: session.org ?? null,
      accountId: session.sub,
      idempotencyKey,
      start: (id) => startOrDefer(deps, opts, id),
    }),
  );
}

export interface StartOptions {
  districtCode: string;
  historyLimit?: number;
}

/** The filing is committed: a Temporal that does not answer now only delays its start. */
async function startOrDefer(
  deps: Pick<AppDeps, 'db' | 'registrations' | 'logger'>,
  opts: StartOptions,
  id: string,
): Promise<void> {
  await ensureStarted(deps, opts, id).catch((err) =>
    deps.logger.warn({ id, err: String(err) }, 'workflow not started yet; the sweep will'),
  );
}

/** Starts the workflow if it has not been started (first call, or a retry after a failure). */
export async function ensureStarted(
  deps: Pick<AppDeps, 'db' | 'registrations'>,
  opts: StartOptions,
  id: string,
) {
  const reg = await deps.db.registration.findUniqueOrThrow({
    where: { id },
    include: { versions: { where: { version: 1 } } },
  });
  if (reg.workflowStartedAt) return;
  const filer = await deps.db.account.findUniqueOrThrow({ where: { id: reg.filedById } });
  const app = reg.versions[0]?.data as Application;
  const rules = await loadRegistrationRules(deps.db, opts.districtCode, reg.filedAt.getTime());
  await deps.registrations.start({
    rules,
    maxHistoryEvents: opts.historyLimit,
    registrationId: reg.id,
    organizationId: reg.organizationId,
    applicationNo: reg.applicationNo,
    filedBy: { id: filer.id, name: filer.displayName, role: 'applicant' },
    application: forWorkflow(app),
  });
  await markWorkflowStarted(deps.db, id);
}
