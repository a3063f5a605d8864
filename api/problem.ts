/**
 * The API's closed vocabulary of errors, answered as RFC 9457 problem details.
 * Each code has one status and one title; `detail` says what was wrong in this request.
 */
export const PROBLEMS = {
  /** Malformed input: the zod issues are in `errors`. */
  bad_request: { status: 400, title: '请求格式或内容有误' },
  /** No or expired session token. */
  unauthenticated: { status: 401, title: '请先登录' },
  /** Signed in, but this role or this person may not do this. */
  forbidden: { status: 403, title: '无权办理此事项' },
  /** Nothing here, or nothing this caller may see. */
  not_found: { status: 404, title: '未找到' },
  /** The workflow refuses the transition now; `detail` is its reason. */
  conflict: { status: 409, title: '当前状态下不能办理此事项' },
  /** Body or upload larger than allowed. */
  payload_too_large: { status: 413, title: '内容超过大小限制' },
  /** A file type we do not take. */
  unsupported_media_type: { status: 415, title: '不支持的文件类型' },
  /** Well-formed but not acceptable (e.g. an Idempotency-Key reused for another request). */
  unprocessable: { status: 422, title: '请求无法处理' },
  /** Too many failed sign-ins, or a rate limit or quota reached; `Retry-After` says when. */
  too_many_requests: { status: 429, title: '尝试次数过多，请稍后再试', retryAfter: 60 },
  /** A dependency (Temporal, the database) does not answer; retry later. */
  unavailable: { status: 503, title: '服务暂时不可用', retryAfter: 5 },
  /** Anything unexpected; the body stays generic. */
  internal: { status: 500, title: '服务器内部错误' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export interface ProblemIssue {
  path: string;
  message: string;
  /** The field's Chinese name, where the schema gives one. */
  label?: string;
}

export class AppError extends Error {
  /** A refused access answered as something else (404 hides an object): logged as refused. */
  denied = false;
  /** A refusal the security log keeps under its own kind. */
  logAs?: 'csrf_refused' | 'rate_limited';

  constructor(
    readonly code: ProblemCode,
    detail?: string,
    readonly errors?: ProblemIssue[],
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? PROBLEMS[code].title);
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }

  /** Seconds a client should wait before retrying (429 and 503 always carry Retry-After). */
  get retryAfter(): number | undefined {
    const problem = PROBLEMS[this.code];
    return this.retryAfterSeconds ?? ('retryAfter' in problem ? problem.retryAfter : undefined);
  }
}

export function problemBody(
  code: ProblemCode,
  detail: string,
  instance: string,
  errors?: ProblemIssue[],
) {
  return {
    type: `/problems/${code.replace(/_/g, '-')}`,
    title: PROBLEMS[code].title,
    status: PROBLEMS[code].status,
    detail,
    instance,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/**
 * An object the caller may not see: answered 404 like one that does not exist, so its existence
 * does not leak, and written to the security log as a refused access (issue 13 point 10).
 */
export function hiddenFrom(detail: string): AppError {
  const e = new AppError('not_found', detail);
  e.denied = true;
  return e;
}

/** 429 with the seconds until a retry may succeed, kept in the security log as rate-limited. */
export function tooManyRequests(detail: string, retryAfterSeconds: number): AppError {
  const e = new AppError(
    'too_many_requests',
    detail,
    undefined,
    Math.max(1, Math.ceil(retryAfterSeconds)),
  );
  e.logAs = 'rate_limited';
  return e;
}
