import { Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { DOCUMENT_LABEL } from '../../domain/registration/documents';
import { documentTypeSchema } from '../../domain/registration/schemas';
import { storeUpload } from '../../operations/files/store-upload';
import type { AppContext, AppDeps } from '../app';
import type { Session } from '../auth/session';
import { evaluationFileFor } from '../evaluation-access';
import { operate } from '../operations';
import { AppError, hiddenFrom, tooManyRequests } from '../problem';
import { isStaff } from '../registration-access';
import { checkAccess, type RouteRegistry, SENT, uuidParam } from '../route';
import { sniffType } from '../sniff-type';
import { sendFile } from './send-file';

const ZStoredFile = z
  .object({
    id: z.uuid(),
    documentType: documentTypeSchema,
    documentLabel: z.string(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number(),
    sha256: z.string(),
  })
  .meta({ id: 'StoredFile' });

const ZUploadFields = z.object({
  documentType: documentTypeSchema,
  file: z.string().meta({ format: 'binary', description: 'PDF、JPEG 或 PNG' }),
});

const DAY_MS = 24 * 3600_000;

/**
 * The upload quota of one account (issue 13 point 8): files and bytes in the last 24 hours,
 * from the policy. Over it, 429 with the time until the oldest upload of the day leaves the
 * window. With `incoming` = 0 only the number of files is checked (before the body is read).
 */
async function checkUploadQuota(deps: AppContext, accountId: string, incoming: number) {
  const q = (await deps.security.policy.get()).uploads;
  const since = new Date(Date.now() - DAY_MS);
  const where = { uploadedById: accountId, kind: 'upload', createdAt: { gte: since } };
  const day = await deps.db.storedFile.aggregate({
    where,
    _count: { _all: true },
    _sum: { size: true },
    _min: { createdAt: true },
  });
  const files = day._count._all;
  const bytes = (day._sum.size ?? 0) + incoming;
  if (files < q.perAccountPerDay && bytes <= q.bytesPerAccountPerDay) return;
  const oldest = day._min.createdAt?.getTime() ?? Date.now();
  throw tooManyRequests(
    files >= q.perAccountPerDay
      ? `每个账号24小时内最多上传 ${q.perAccountPerDay} 个文件`
      : `每个账号24小时内最多上传 ${Math.floor(q.bytesPerAccountPerDay / 1024 / 1024)} MB`,
    (oldest + DAY_MS - Date.now()) / 1000,
  );
}

export function createFilesRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db } = deps;
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: deps.config.UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024 },
  });

  // Access and the day's file count are checked before the upload is read; multipart trouble
  // is the client's (400).
  router.post('/api/files', async (req, res, next) => {
    const session = (req as typeof req & { session?: Session | null }).session ?? null;
    try {
      checkAccess(['applicant'], session);
      await checkUploadQuota(deps, (session as Session).sub, 0);
    } catch (err) {
      return next(err);
    }
    if (!req.is('multipart/form-data')) {
      return next(new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件'));
    }
    const bad = (err: unknown) =>
      new AppError(
        'bad_request',
        `上传内容格式有误：${err instanceof Error ? err.message : String(err)}`,
      );
    try {
      upload.single('file')(req, res, (err?: unknown) => {
        if (err && !(err instanceof multer.MulterError)) return next(bad(err));
        next(err);
      });
    } catch (err) {
      // busboy throws while reading the headers (e.g. no boundary).
      next(bad(err));
    }
  });
  registry.add(
    router,
    {
      method: 'post',
      path: '/api/files',
      tag: '材料',
      summary: '上传申请材料（PDF、JPEG、PNG；大小有上限；保存内容哈希）',
      description:
        '每个账号24小时内的文件数和总大小有上限（安全策略 uploads），超过时返回 429 和 Retry-After；未被申请、项目或评估材料引用的上传在策略规定的时间后删除。',
      access: ['applicant'],
      multipart: ZUploadFields,
      response: { status: 201, description: '已保存', schema: ZStoredFile },
      problems: ['bad_request', 'payload_too_large', 'unsupported_media_type', 'too_many_requests'],
    },
    async ({ req, session }) => {
      const file = (req as typeof req & { file?: Express.Multer.File }).file;
      if (!file) throw new AppError('bad_request', '缺少文件（字段名 file）');
      const type = documentTypeSchema.safeParse(req.body?.documentType);
      if (!type.success) {
        throw new AppError('bad_request', '材料类型不正确', [
          { path: 'body.documentType', message: `应为：${Object.keys(DOCUMENT_LABEL).join('、')}` },
        ]);
      }
      const mimeType = sniffType(file.buffer);
      if (!mimeType)
        throw new AppError(
          'unsupported_media_type',
          '只接受 PDF、JPEG 或 PNG 文件（按文件内容识别）',
        );
      const fileName =
        Buffer.from(file.originalname, 'latin1')
          .toString('utf8')
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip.
          .replace(/[\u0000-\u001f\u007f\ufffd]/g, '')
          .slice(0, 200) || 'upload';
      const stored = await operate(() =>
        storeUpload(db, {
          organizationId: session!.org,
          uploadedById: session!.sub,
          documentType: type.data,
          fileName,
          mimeType,
          content: file.buffer,
          checkQuota: () => checkUploadQuota(deps, session!.sub, file.size),
        }),
      );
      return {
        id: stored.id,
        documentType: type.data,
        documentLabel: DOCUMENT_LABEL[type.data],
        fileName: stored.fileName,
        mimeType,
        size: stored.size,
        sha256: stored.sha256,
      };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/files/:id',
      tag: '材料',
      summary:
        '下载一份材料（本组织、本机关工作人员；评估证明材料另向能查阅该评估事项申报材料的评估机构、已声明无利益冲突的评估专家和评估委员会委员开放）',
      access: 'signed-in',
      params: uuidParam,
      response: { status: 200, description: '文件内容', contentType: 'application/octet-stream' },
      problems: ['not_found'],
    },
    async ({ params, session, res }) => {
      const file = await db.storedFile.findUnique({ where: { id: params.id } });
      const mine = file && session!.role === 'applicant' && file.organizationId === session!.org;
      if (!file) throw new AppError('not_found', '没有找到该文件');
      if (!(mine || isStaff(session!) || (await readsAsEvidence(db, file, session!))))
        throw hiddenFrom('没有找到该文件');
      sendFile(res, file);
      return SENT;
    },
  );
  return router;
}

/**
 * Evidence of an evaluation application is read by whoever may read that application's materials:
 * the agency, committee members of its campaign, and an evaluator seated on it once they have
 * declared no conflict (the same rule as the file's `materials`, api/routes/evaluation-files.ts).
 */
async function readsAsEvidence(
  db: AppDeps['db'],
  file: { id: string; organizationId: string | null },
  session: Session,
): Promise<boolean> {
  const files = await db.evaluationFile.findMany({
    where: { evidenceFileIds: { has: file.id }, organizationId: file.organizationId ?? undefined },
    select: { id: true },
  });
  for (const f of files) {
    try {
      const { seat } = await evaluationFileFor(db, f.id, session);
      if (session.role !== 'evaluator' || seat?.status === 'cleared') return true;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
    }
  }
  return false;
}
