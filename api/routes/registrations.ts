import { Router } from 'express';
import { z } from 'zod';
import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../domain/organization-types';
import type { Application } from '../../domain/registration/application';
import type { Registration } from '../../generated/prisma/client';
import type { Prisma } from '../../lib/db';
import {
  FINAL_STATUSES,
  type RegistrationStatus,
  type RegistrationView,
  STATUS_LABEL,
} from '../../workflows/registration/view-types';
import type { AppDeps } from '../app';
import type { Session } from '../auth/session';
import { fileRegistration } from '../file-registration';
import { allowedFor } from '../offers';
import { dateRange, readPage } from '../paging';
import { AppError } from '../problem';
import { isStaff, registrationFor, summarize } from '../registration-access';
import { type RouteRegistry, SENT, uuidParam } from '../route';
import {
  ZAuditList,
  ZExportRegistrationsQuery,
  ZFileRegistrationRequest,
  ZListRegistrationsQuery,
  ZRegistrationDetail,
  ZRegistrationList,
  ZRegistrationSummary,
} from '../schemas/registration';
import { literal } from '../search-text';
import { type Column, exportResponse, sendTable } from '../table-export';
import { REGISTRATION_ACTIONS } from './registration-actions';
import { sendFile } from './send-file';

/** How long a download waits for the certificate of an approval just answered. */
const CERTIFICATE_WAIT_MS = 10_000;

const READERS = ['applicant', 'reviewer', 'section_head', 'bureau_head', 'administrator'] as const;

/** Newest first; the id breaks ties so that pages neither repeat nor skip a row. */
const REGISTRATION_ORDER: Prisma.RegistrationOrderByWithRelationInput[] = [
  { filedAt: 'desc' },
  { id: 'asc' },
];

/** The list's filters; an applicant sees only its own organisation's files. */
function registrationWhere(
  query: Omit<z.infer<typeof ZExportRegistrationsQuery>, 'format'>,
  session: Session,
): Prisma.RegistrationWhereInput {
  const filedAt = dateRange(query);
  return {
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.legalForm ? { legalForm: query.legalForm } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(filedAt ? { filedAt } : {}),
    ...(query.q
      ? {
          OR: [
            { proposedName: { contains: literal(query.q) } },
            { applicationNo: { contains: literal(query.q) } },
          ],
        }
      : {}),
    ...(isStaff(session)
      ? {}
      : { organizationId: session.org ?? '00000000-0000-0000-0000-000000000000' }),
  };
}

const REGISTRATION_COLUMNS: Column<Registration>[] = [
  { header: '申请编号', value: (r) => r.applicationNo, width: 22 },
  { header: '拟定名称', value: (r) => r.proposedName, width: 30 },
  { header: '组织形式', value: (r) => LEGAL_FORM_LABEL[r.legalForm] },
  { header: '类别', value: (r) => CATEGORY_LABEL[r.category] },
  { header: '状态', value: (r) => STATUS_LABEL[r.status as RegistrationStatus] ?? '已提交' },
  { header: '受理通知书文号', value: (r) => r.receiptNo, width: 26 },
  { header: '提交时间', kind: 'time', value: (r) => r.filedAt },
  { header: '办理期限', kind: 'date', value: (r) => r.dueAt },
  { header: '是否逾期', value: (r) => (r.overdue ? '是' : '否') },
  { header: '决定时间', kind: 'time', value: (r) => r.decidedAt },
  { header: '统一社会信用代码', value: (r) => r.creditCode, width: 22 },
];

export function createRegistrationsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
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

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/registrations',
      tag: '登记',
      summary: '登记申请列表（可按状态、类别、组织形式、是否逾期筛选）',
      access: READERS,
      query: ZListRegistrationsQuery,
      response: { status: 200, description: '一页结果', schema: ZRegistrationList },
    },
    async ({ query, session }) =>
      readPage(
        query,
        () => db.registration.count({ where: registrationWhere(query, session!) }),
        (page) =>
          db.registration.findMany({
            where: registrationWhere(query, session!),
            orderBy: REGISTRATION_ORDER,
            ...page,
          }),
        (r) => summarize(r, ui, session!),
      ),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/registrations/export',
      tag: '登记',
      summary: '导出登记申请列表（Excel 或 CSV，筛选条件与列表相同）',
      description: `申请人只能导出本组织的申请。最多导出${config.EXPORT_MAX_ROWS}行，超过时请缩小筛选范围。`,
      access: READERS,
      query: ZExportRegistrationsQuery,
      response: exportResponse,
      problems: ['unprocessable'],
      limit: 'expensive',
    },
    async ({ query, session, res }) => {
      const where = registrationWhere(query, session!);
      const total = await db.registration.count({ where });
      if (total > config.EXPORT_MAX_ROWS)
        throw new AppError(
          'unprocessable',
          `符合条件的申请共${total}件，超过单次导出上限${config.EXPORT_MAX_ROWS}件，请缩小筛选范围`,
        );
      const rows = await db.registration.findMany({ where, orderBy: REGISTRATION_ORDER });
      await sendTable(
        res,
        query.format,
        '登记申请',
        REGISTRATION_COLUMNS,
        rows,
        config.AUTHORITY_NAME,
      );
      return SENT;
    },
  );

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

  return router;
}
