import { createHash, randomUUID } from 'node:crypto';
import { localDateOf } from '../../domain/calendar';
import { canonicalJson } from '../../domain/canonical-json';
import type { Application } from '../../domain/registration/application';
import { nextCounterIn } from '../../lib/counter';
import type { Db } from '../../lib/db';
import { OPEN_STATUSES } from '../../workflows/registration/view-types';
import { Refused } from '../refused';

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
    throw new Refused(
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
  if (!org) throw new Refused('forbidden', '账号未绑定申请组织');
  if (org.status === 'registered')
    throw new Refused('conflict', '本组织已经登记，不能再次申请成立登记');
  if (org.reapplicationBarredUntil && org.reapplicationBarredUntil > new Date()) {
    throw new Refused(
      'conflict',
      `筹备逾期，${localDateOf(org.reapplicationBarredUntil.getTime())}前不得再次申请`,
    );
  }
  const open = await db.registration.findFirst({
    where: { organizationId: orgId, status: { in: ['filed', ...OPEN_STATUSES] } },
  });
  if (open)
    throw new Refused(
      'conflict',
      `本组织已有办理中的申请（${open.applicationNo}），请办结或撤回后再申请`,
    );
}

/**
 * Files an application: the registration, its first text and the idempotency record in one
 * transaction, then the workflow (`start`), whose id is the registration's key (a retry starts nothing new).
 * PostgreSQL keeps one open application per organisation (a partial unique index), so of
 * concurrent filings one commits and the others get the reason; a workflow that cannot be
 * started now is started by the sweep (start-sweep.ts), and the applicant has the filing.
 */
export async function fileRegistration(
  db: Db,
  input: {
    application: Application;
    organizationId: string | null;
    accountId: string;
    idempotencyKey: string | undefined;
    /** Starts the workflow now or leaves it to the sweep; never fails the filing. */
    start: (registrationId: string) => Promise<void>;
  },
): Promise<{ id: string; created: boolean }> {
  const { idempotencyKey, accountId } = input;
  const orgId = input.organizationId;
  if (!orgId) throw new Refused('forbidden', '账号未绑定申请组织');
  const requestHash = createHash('sha256').update(canonicalJson(input.application)).digest('hex');
  const replay = async () => {
    if (!idempotencyKey) return null;
    const seen = await db.idempotencyRecord.findUnique({
      where: { accountId_key: { accountId: accountId, key: idempotencyKey } },
    });
    if (!seen) return null;
    if (seen.requestHash !== requestHash) {
      throw new Refused('unprocessable', '该 Idempotency-Key 已用于另一份不同的申请');
    }
    await input.start(seen.resourceId);
    return { id: seen.resourceId, created: false };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    await guardOrganization(db, orgId);
  } catch (err) {
    // A concurrent request with the same key may have filed meanwhile (its registration and key
    // commit together): that is this request's answer, not a second open application.
    const same = err instanceof Refused ? await replay() : null;
    if (same) return same;
    throw err;
  }
  const application = await resolveDocuments(db, orgId, input.application);
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
          filedById: accountId,
          proposedName: application.name,
          category: application.category,
          legalForm: application.legalForm,
          status: 'filed',
          step: '已提交，等待流程启动',
          filedAt: new Date(),
        },
      });
      await tx.applicationVersion.create({
        data: { registrationId: id, version: 1, data: application, submittedById: accountId },
      });
      if (idempotencyKey) {
        await tx.idempotencyRecord.create({
          data: { accountId: accountId, key: idempotencyKey, requestHash, resourceId: id },
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
  await input.start(id);
  return { id, created: true };
}

/** The registration's workflow has started: the sweep passes it by from now on. */
export async function markWorkflowStarted(db: Db, registrationId: string): Promise<void> {
  await db.registration.update({
    where: { id: registrationId },
    data: { workflowStartedAt: new Date() },
  });
}
