import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MulterError } from 'multer';
import { TemporalTimeoutError } from '../client/bounded';
import type { Logger } from '../lib/logger';
import { PasswordHashBusy } from '../lib/password';
import { isRefusalType, type RefusalType } from '../workflows/shared/refusal';
import type { AuthedRequest } from './auth/authenticate';
import type { Security } from './auth/security';
import { AppError, type ProblemCode, problemBody } from './problem';

/** The workflows' refusal vocabulary (workflows/shared/refusal.ts) → problem codes. */
const REFUSAL: Record<RefusalType, ProblemCode> = {
  IllegalTransition: 'conflict',
  FourEyes: 'conflict',
  Forbidden: 'forbidden',
  InvalidInput: 'unprocessable',
};

function fromUpdateFailure(err: WorkflowUpdateFailedError): AppError {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure && isRefusalType(cause.type)) {
    return new AppError(REFUSAL[cause.type], cause.message);
  }
  return new AppError('conflict', cause?.message ?? err.message);
}

/** PostgreSQL class 22 (data exception): a value the database will not take. */
function isDataException(err: unknown): boolean {
  const text = JSON.stringify(err, Object.getOwnPropertyNames(err ?? {})) ?? '';
  return (
    /"(?:code|originalCode)":"22[0-9A-Z]{3}"/.test(text) ||
    /out of range|invalid byte sequence|unsupported Unicode escape/i.test(text)
  );
}

function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; name?: string; message?: string };
  return (
    e?.name === 'ServiceError' ||
    e?.name === 'ConnectionError' ||
    (typeof e?.message === 'string' &&
      /ECONNREFUSED|UNAVAILABLE|Can't reach database|connection/i.test(e.message))
  );
}

/** Temporal did not answer within the bound; an Update may still take effect later. */
function fromTimeout(err: TemporalTimeoutError): AppError {
  const seconds = Math.round(err.waitedMs / 1000);
  const detail = err.outcomeUnknown
    ? `流程在${seconds}秒内没有答复，本次办理可能稍后仍会生效：请稍后刷新查看，重试时请带上同一个 Idempotency-Key`
    : `流程在${seconds}秒内没有答复，请稍后重试`;
  return new AppError('unavailable', detail);
}

/** Everything thrown on the way is turned into one problem-details answer. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof PasswordHashBusy)
    return new AppError('unavailable', '登录请求过多，请稍后重试', undefined, 5);
  if (err instanceof TemporalTimeoutError) return fromTimeout(err);
  if (err instanceof WorkflowUpdateFailedError) return fromUpdateFailure(err);
  // A new Update for a workflow that has ended (a repeated update id still gets its outcome).
  if (err instanceof WorkflowNotFoundError && /already completed/i.test(err.message))
    return new AppError('conflict', '本件流程已经结束，不能再办理');
  if (err instanceof WorkflowNotFoundError) return new AppError('not_found', '没有找到对应的流程');
  if (err instanceof WorkflowExecutionAlreadyStartedError)
    return new AppError('conflict', '流程已经启动');
  if (err instanceof MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE')
      return new AppError('payload_too_large', '上传文件超过大小限制');
    return new AppError('bad_request', `上传格式有误：${err.message}`);
  }
  if (err instanceof URIError) return new AppError('bad_request', '请求中的编码无效');
  if (isDataException(err)) return new AppError('unprocessable', '数据内容超出允许的范围或格式');
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.too.large')
    return new AppError('payload_too_large', '请求体超过大小限制');
  if (e?.type === 'entity.parse.failed')
    return new AppError('bad_request', '请求体不是有效的 JSON');
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') {
    return new AppError('unsupported_media_type', '不支持的字符集或编码');
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new AppError('bad_request', e.message ?? '请求有误');
  }
  if (isUnavailable(err)) return new AppError('unavailable', '依赖的服务暂时不可用，请稍后重试');
  return null;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `没有 ${req.method} ${req.path} 这个接口`));
};

/**
 * Refusals the security log keeps: a credential that did not hold, a role or person refused, an
 * object hidden behind a 404. An anonymous call to a page that needs signing in is not one.
 */
function refusedAccess(problem: AppError, req: AuthedRequest): boolean {
  if (problem.denied || problem.logAs || problem.code === 'forbidden') return true;
  return problem.code === 'unauthenticated' && req.credential === 'bearer';
}

export function errorHandler(logger: Logger, security?: Security): ErrorRequestHandler {
  return async (err, req: AuthedRequest, res, _next) => {
    const known = toAppError(err);
    const problem = known ?? new AppError('internal', '服务器内部错误，请稍后重试');
    if (known)
      logger.warn({ code: known.code, path: req.path, detail: known.message }, 'request refused');
    else logger.error({ err, path: req.path }, 'unexpected error');
    // Written before the answer: a refused caller cannot get ahead of its own log entry.
    if (security && refusedAccess(problem, req))
      await security.log(req, {
        kind: problem.logAs ?? 'access_denied',
        outcome: 'denied',
        accountId: req.session?.sub ?? req.pendingSession?.sub ?? null,
        role: req.session?.role ?? null,
        details: { status: problem.status, code: problem.code, detail: problem.message },
      });
    if (res.headersSent) return;
    if (problem.retryAfter !== undefined) res.set('Retry-After', String(problem.retryAfter));
    res
      .status(problem.status)
      .type('application/problem+json')
      .json(problemBody(problem.code, problem.message, req.originalUrl, problem.errors));
  };
}
