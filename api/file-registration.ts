import { createHash, randomUUID } from 'node:crypto';
import { localDateOf } from '../domain/calendar';
import { canonicalJson } from '../domain/canonical-json';
import { type Application, forWorkflow } from '../domain/registration/application';
import { nextCounterIn } from '../lib/counter';
import type { Db } from '../lib/db';
import { loadRegistrationRules } from '../lib/rules/load-registration-rules';
import { OPEN_STATUSES } from '../workflows/registration/view-types';
import type { AppDeps } from './app';
import type { Session } from './auth/session';
import { AppError } from './problem';

/** Document references must name this organisation's uploads; the stored hash is the truth. */
export async function resolveDocuments(
  db: Db,
  orgId: string,
  app: Application,
): Promise<Application> {
  const ids = [...new Set(app.documents.map((d) => d.fileId))];
  const files = await db.storedFile.findMany({
    where: { id: { in: ids }, organizationId: orgId, kind: 'upload' },
    select: { id: true, sha256: true, fileName: true },
  });
  const byId = new Map(files.map((f) => [f.id, f]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'unprocessable',
      '引用了不存在或不属于本组织的上传文件',
      unknown.map((id) => ({ path: 'body.documents', message: `文件 ${id} 不存在或不属于本组织` })),
    );
  }
  return {
    ...app,
    documents: app.documents.map((d) => {
      const f = byId.get(d.fileId);
      return { ...d, sha256: f?.sha256, fileName: f?.fileName };
    }),
  };
}

async function guardOrganization(db: Db, orgId: string): Promise<void> {
  const org = await db.organization.findUnique({ where: { id: orgId } });
  if (!org) throw new AppError('forbidden', '账号未绑定申请组织');
  if (org.status === 'registered')
    throw new AppError('conflict', '本组织已经登记，不能再次申请成立登记');
  if (org.reapplicationBarredUntil && org.reapplicationBarredUntil > new Date()) {
    throw new AppError(
      'conflict',
      `筹备逾期，${localDateOf(org.reapplicationBarredUntil.getTime())}前不得再次申请`,
    );
  }
  const open = await db.registration.findFirst({
    where: { organizationId: orgId, status: { in: ['filed', ...OPEN_STATUSES] } },
  });
  if (open)
    throw new AppError(
      'conflict',
      `本组织已有办理中的申请（${open.applicationNo}），请办结或撤回后再申请`,
    );
}

/**
 * Files an application: the registration, its first text and the idempotency record in one
 * transaction, then the workflow, whose id is the registration's key (a retry starts nothing new).
 * PostgreSQL keeps one open application per organisation (a partial unique index), so of
 * concurrent filings one commits and the others get the reason; a workflow that cannot be
 * started now is started by the sweep (start-sweep.ts), and the applicant has the filing.
 */
export async function fileRegistration(
  deps: Pick<AppDeps, 'db' | 'registrations' | 'logger'>,
  opts: StartOptions,
  session: Session,
  input: Application,
  idempotencyKey: string | undefined,
): Promise<{ id: string; created: boolean }> {
  const { db } = deps;
  const orgId = session.org;
  if (!orgId) throw new AppError('forbidden', '账号未绑定申请组织');
  const requestHash = createHash('sha256').update(canonicalJson(input)).digest('hex');
  const replay = async () => {
    if (!idempotencyKey) return null;
    const seen = await db.idempotencyRecord.findUnique({
      where: { accountId_key: { accountId: session.sub, key: idempotencyKey } },
    });
    if (!seen) return null;
    if (seen.requestHash !== requestHash) {
      throw new AppError('unprocessable', '该 Idempotency-Key 已用于另一份不同的申请');
    }
    await startOrDefer(deps, opts, seen.resourceId);
    return { id: seen.resourceId, created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    await guardOrganization(db, orgId);
  } catch (err) {
    // A concurrent request with the same key may have filed meanwhile (its registration and key
    // commit together): that is this request's answer, not a second open application.
    const same = err instanceof AppError ? await replay() : null;
    if (same) return same;
    throw err;
  }
  const application = await resolveDocuments(db, orgId, input);
  const id = randomUUID();
  try {
    await db.$transaction(async (tx) => {
      const year = localDateOf(Date.now()).slice(0, 4);
      const n = await nextCounterIn(tx, `application:${year}`);
      await tx.registration.create({
        data: {
          id,
          applicationNo: `ZLDJ-${year}-${String(n).padStart(5, '0')}`,
          workflowId: `registration-${id}`,
          organizationId: orgId,
          filedById: session.sub,
          proposedName: application.name,
          category: application.category,
          legalForm: application.legalForm,
          status: 'filed',
          step: '已提交，等待流程启动',
          filedAt: new Date(),
        },
      });
      await tx.applicationVersion.create({
        data: { registrationId: id, version: 1, data: application, submittedById: session.sub },
      });
      if (idempotencyKey) {
        await tx.idempotencyRecord.create({
          data: { accountId: session.sub, key: idempotencyKey, requestHash, resourceId: id },
        });
      }
    });
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    // A concurrent filing committed first (its number went back with this rollback): the same
    // key's registration is this request's answer; any other open application is its reason.
    const same = await replay();
    if (same) return same;
    await guardOrganization(db, orgId);
    throw err;
  }
  await startOrDefer(deps, opts, id);
  return { id, created: true };
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
  await deps.db.registration.update({ where: { id }, data: { workflowStartedAt: new Date() } });
}
