import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { labelAt } from '../domain/plain-issues';
import { ROLE_LABEL, type Role, type Session } from './auth/session';
import { pageSizeTooLarge } from './paging';
import { AppError, type ProblemCode, type ProblemIssue } from './problem';
import { findUnsafeText } from './unsafe-text';

/**
 * A route is declared once: its zod schemas validate the request at the edge and generate the
 * OpenAPI document (api/openapi.ts). Handlers receive parsed, typed input.
 */

/**
 * Who may call a route: anyone; anyone signed in; anyone signed in, also a session still short of
 * its second factor (the second-factor routes themselves); or the listed roles.
 */
export type Access = 'public' | 'signed-in' | 'second-factor' | readonly Role[];

/**
 * What a route answers, declared so the OpenAPI document is complete (issue 17 point 3): a JSON
 * body has its zod schema, anything else its media type, and only 204 has no body. A route
 * without one does not type-check; test/support/response-contract.ts checks real answers against
 * the document in every integration test.
 */
export type ResponseSpec =
  | { status: 204; description: string; schema?: undefined; contentType?: undefined }
  | {
      status: number;
      description: string;
      schema: z.ZodType;
      contentType?: undefined;
      /** Other statuses answered with the same body (an idempotent retry's 200 after a 201). */
      also?: { status: number; description: string }[];
    }
  | { status: number; description: string; contentType: string; schema?: undefined };

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** The body's media type when it is not JSON (e.g. text/csv, parsed into a string). */
  bodyContentType?: string;
  /** multipart/form-data routes document their fields here; validation happens in the handler. */
  multipart?: z.ZodType;
  headers?: { name: string; description: string; required: boolean }[];
  response: ResponseSpec;
  problems?: ProblemCode[];
  /**
   * Rate limit (issue 13 point 8): by default a route open without signing in counts anonymous
   * callers per address; `expensive` also counts each account; `none` exempts the route (it
   * has its own: sign-in is throttled on failures, health checks are probed by orchestrators).
   */
  limit?: 'expensive' | 'none';
}

/** Counts a request against its rate limit; throws a 429 problem when it is over. */
export type RateLimiter = (req: Request, spec: RouteSpec, session: Session | null) => Promise<void>;

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  session: Session | null;
  req: Request;
  res: Response;
}

/** A handler returns a JSON body (status from the spec) or writes the response itself. */
export type Handler<P, Q, B> = (ctx: RouteContext<P, Q, B>) => Promise<unknown>;

export const SENT = Symbol('response already sent');

/** Each issue with the field's Chinese name where the schema gives one (`.meta({ title })`). */
export function issues(error: z.ZodError, where: string, schema?: z.ZodType): ProblemIssue[] {
  return error.issues.map((i) => {
    const label = schema ? labelAt(schema, i.path) : null;
    return {
      path: [where, ...i.path.map(String)].join('.'),
      message: i.message,
      ...(label ? { label } : {}),
    };
  });
}

/** "金额：「abc」不是数字；名称：请填写" for the problem's detail. */
export function issueSummary(list: ProblemIssue[]): string {
  return list.map((i) => (i.label ? `${i.label}：${i.message}` : i.message)).join('；');
}

const WHERE_LABEL = { params: '网址中的编号', query: '查询条件', body: '填写的内容' } as const;

function parse<T extends z.ZodType>(
  schema: T | undefined,
  value: unknown,
  where: keyof typeof WHERE_LABEL,
) {
  const unsafe = findUnsafeText(value, [where]);
  if (unsafe !== null) {
    throw new AppError('bad_request', `${WHERE_LABEL[where]}含有无法保存的字符`, [
      { path: unsafe, message: '不能包含空字符（U+0000）或不成对的代理字符' },
    ]);
  }
  if (!schema) return value as z.infer<T>;
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const list = issues(r.error, where, schema);
    throw new AppError(
      'bad_request',
      `${WHERE_LABEL[where]}有${list.length}处需要修改：${issueSummary(list)}`,
      list,
    );
  }
  return r.data;
}

export function checkAccess(access: Access, session: Session | null, pending = false): void {
  if (access === 'public') return;
  if (access === 'second-factor') {
    if (!session && !pending) throw new AppError('unauthenticated', '请先用用户名和密码登录');
    return;
  }
  if (!session && pending)
    throw new AppError('unauthenticated', '请先完成双因素认证（输入动态验证码）');
  if (!session) throw new AppError('unauthenticated');
  if (access === 'signed-in') return;
  if (!access.includes(session.role))
    throw new AppError(
      'forbidden',
      `此事项仅限以下角色办理：${access.map((r) => ROLE_LABEL[r] ?? r).join('、')}`,
    );
}

/** A page larger than the setting LIST_PAGE_SIZE_MAX is refused like any other bad query. */
function checkPageSize(query: unknown, max: number): void {
  const size = (query as { pageSize?: unknown } | null)?.pageSize;
  if (typeof size !== 'number' || size <= max) return;
  const list = [{ path: 'query.pageSize', label: '每页条数', message: pageSizeTooLarge(max) }];
  throw new AppError(
    'bad_request',
    `${WHERE_LABEL.query}有1处需要修改：${issueSummary(list)}`,
    list,
  );
}

export class RouteRegistry {
  readonly routes: RouteSpec[] = [];

  constructor(
    private readonly limiter: RateLimiter = async () => {},
    /** The setting LIST_PAGE_SIZE_MAX. */
    readonly pageSizeMax = 100,
  ) {}

  add<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
    router: Router,
    spec: RouteSpec<P, Q, B>,
    handler: Handler<z.infer<P>, z.infer<Q>, z.infer<B>>,
  ): void {
    this.routes.push(spec as unknown as RouteSpec);
    router[spec.method](spec.path, async (req: Request, res: Response) => {
      const r = req as Request & { session?: Session | null; pendingSession?: unknown };
      const session = r.session ?? null;
      checkAccess(spec.access, session, Boolean(r.pendingSession));
      await this.limiter(req, spec as unknown as RouteSpec, session);
      const ctx = {
        params: parse(spec.params, req.params, 'params') as z.infer<P>,
        query: parse(spec.query, req.query, 'query') as z.infer<Q>,
        body: parse(spec.body, req.body, 'body') as z.infer<B>,
        session,
        req,
        res,
      };
      checkPageSize(ctx.query, this.pageSizeMax);
      const out = await handler(ctx);
      if (out === SENT || res.headersSent) return;
      res.status(spec.response.status).json(out);
    });
  }
}

export const uuidParam = z.object({ id: z.uuid('编号格式不正确') });
