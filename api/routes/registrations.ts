import { Router } from 'express';
import { z } from 'zod';
import type { Application } from '../../domain/registration/application';
import type { Registration } from '../../generated/prisma/client';
import {
  FINAL_STATUSES,
  type IssuedDocument,
  type RegistrationView,
} from '../../workflows/registration/view-types';
import type { AppDeps } from '../app';
import { fileRegistration } from '../file-registration';
import { allowedFor } from '../offers';
import { AppError } from '../problem';
import {
  REGISTRATION_READERS as READERS,
  registrationFor,
  summarize,
} from '../registration-access';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import {
  ZAuditList,
  ZFileRegistrationRequest,
  ZRegistrationDetail,
  ZRegistrationSummary,
} from '../schemas/registration';
import { sealLink } from '../seal-link';
import { REGISTRATION_ACTIONS } from './registration-actions';
import { registerRegistrationList } from './registration-list';
import { sendFile } from './send-file';

/** How long a download waits for the certificate of an approval just answered. */
const CERTIFICATE_WAIT_MS = 10_000;

export function createRegistrationsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registerRegistrationFiling(registry, router, deps);
  registerRegistrationList(registry, router, deps);
  registerRegistrationDetail(registry, router, deps);
  registerRegistrationDownloads(registry, router, deps);
  return router;
}

/** An applicant files a registration. */
export function registerRegistrationFiling(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db, config } = deps;
  const ui = { url: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE };

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/registrations',
      tag: '登记',
      summary: '提交成立登记申请',
      description: '同一 Idempotency-Key 重复提交只会产生一份申请。',
      access: ['applicant'],
      body: ZFileRegistrationRequest,
      headers: [
        {
          name: 'Idempotency-Key',
          description: '客户端生成的唯一键（建议 UUID）',
          required: false,
        },
      ],
      response: {
        status: 201,
        description: '已提交',
        schema: ZRegistrationSummary,
        also: [{ status: 200, description: '同一 Idempotency-Key 已提交过：原申请' }],
      },
      problems: ['bad_request', 'conflict', 'unprocessable'],
    },
    async ({ body, session, req, res }) => {
      const key = req.get('Idempotency-Key')?.trim();
      if (key !== undefined && (key.length < 8 || key.length > 200)) {
        throw new AppError('bad_request', 'Idempotency-Key 长度应为8至200个字符');
      }
      const { id, created } = await fileRegistration(
        deps,
        { districtCode: config.DISTRICT_CODE, historyLimit: config.WORKFLOW_HISTORY_LIMIT },
        session!,
        body,
        key || undefined,
      );
      const reg = await db.registration.findUniqueOrThrow({ where: { id } });
      res
        .status(created ? 201 : 200)
        .location(`/api/registrations/${id}`)
        .json(summarize(reg, ui, session!));
      return SENT;
    },
  );
}

/** One registration with its actions, and its audit trail. */
export function registerRegistrationDetail(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db, config } = deps;
  const ui = { url: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE };

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/registrations/:id',
      tag: '登记',
      summary: '一件申请：状态、当前步骤、期限、补正事项、决定记录',
      access: READERS,
      params: uuidParam,
      response: { status: 200, description: '详情', schema: ZRegistrationDetail },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const reg = await registrationFor(db, params.id, session!);
      // A closed registration's stored view is its last one (written with its final decision):
      // no Query. A workflow that does not answer quickly (no worker, Temporal away): the stored view.
      const closed = FINAL_STATUSES.includes(reg.status as never) && reg.view !== null;
      const s = session!;
      const actor = { id: s.sub, name: s.name, role: s.role };
      // The view and what the workflow would accept now from this person, in one Query
      // (nothing is offered without it).
      const [page, latest] = await Promise.all([
        reg.workflowStartedAt && !closed
          ? deps.registrations.page(reg.id, actor, config.LIVE_VIEW_TIMEOUT_MS).catch(() => null)
          : null,
        db.applicationVersion.findFirst({
          where: { registrationId: reg.id, version: reg.applicationVersion },
        }),
      ]);
      const live = page?.view ?? null;
      const offered = page?.offered ?? [];
      const { allowedActions } = allowedFor(offered, REGISTRATION_ACTIONS, s.role);
      const view = live ?? (reg.view as RegistrationView | null) ?? null;
      return {
        registration: summarize(reg, ui, session!),
        view: view && { ...view, allowedActions },
        live: live !== null,
        application: (latest?.data as Application | undefined) ?? null,
        decisionSeal: await decisionSealOf(db, config.publicUrl, reg, view),
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/registrations/:id/audit',
      tag: '登记',
      summary: '决定记录（审计日志）',
      access: READERS,
      params: uuidParam,
      response: { status: 200, description: '按顺序排列的决定', schema: ZAuditList },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const reg = await registrationFor(db, params.id, session!);
      const rows = await db.auditEntry.findMany({
        where: { subjectType: 'registration', subjectId: reg.id },
        orderBy: { seq: 'asc' },
      });
      return {
        items: rows.map((r) => ({
          seq: r.seq,
          at: r.at.toISOString(),
          actor: { id: r.actorId, name: r.actorName, role: r.actorRole },
          action: r.action,
          from: r.fromStatus,
          to: r.toStatus,
          reason: r.reason ?? undefined,
          legalBasis: r.legalBasis ?? undefined,
          ruleVersion: r.ruleVersion ?? undefined,
          recordedAt: r.recordedAt.toISOString(),
        })),
      };
    },
  );
}

/** A registration's attached files and its certificate. */
export function registerRegistrationDownloads(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/registrations/:id/files/:fileId',
      tag: '登记',
      summary: '下载本件的材料或本机关出具的文书（证书、通知书、决定书）',
      access: READERS,
      params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      response: { status: 200, description: '文件', contentType: 'application/pdf' },
      problems: ['not_found'],
    },
    async ({ params, session, res }) => {
      const reg = await registrationFor(db, params.id, session!);
      const file = await db.storedFile.findFirst({
        where: { id: params.fileId, organizationId: reg.organizationId },
      });
      if (!file) throw new AppError('not_found', '没有找到该文件');
      sendFile(res, file);
      return SENT;
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/registrations/:id/certificate',
      tag: '登记',
      summary: '下载登记证书（PDF）',
      access: READERS,
      params: uuidParam,
      response: { status: 200, description: '登记证书', contentType: 'application/pdf' },
      problems: ['not_found'],
    },
    async ({ params, session, res }) => {
      const reg = await registrationFor(db, params.id, session!);
      // An approval is answered before its certificate is drawn (a second or so later): wait.
      let fileId = reg.certificateFileId;
      for (let waited = 0; !fileId && reg.status === 'approved' && waited < CERTIFICATE_WAIT_MS; ) {
        await new Promise((r) => setTimeout(r, 100));
        waited += 100;
        fileId =
          (
            await db.registration.findUnique({
              where: { id: reg.id },
              select: { certificateFileId: true },
            })
          )?.certificateFileId ?? null;
      }
      if (!fileId) throw new AppError('not_found', '本件尚未签发登记证书');
      const file = await db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
      sendFile(res, file);
      return SENT;
    },
  );
}

/** Which issued document carries each outcome's decision: its seal is the print view's mark. */
const DECISION_DOCUMENT: Record<string, IssuedDocument['kind']> = {
  rejected: 'rejection_decision',
  not_accepted: 'non_acceptance_notice',
};

/** The seal of a decided registration's document: the certificate when approved. */
function decisionSealOf(
  db: AppDeps['db'],
  publicUrl: string,
  reg: Registration,
  view: RegistrationView | null,
) {
  const outcome = view?.decision?.outcome;
  const kind = outcome ? DECISION_DOCUMENT[outcome] : undefined;
  const fileId =
    outcome === 'approved'
      ? (reg.certificateFileId ?? view?.certificateFileId)
      : kind && view?.documents.findLast((d) => d.kind === kind)?.fileId;
  return fileId ? sealLink(db, publicUrl, { fileId }) : Promise.resolve(null);
}
