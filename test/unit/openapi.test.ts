import { z } from 'zod';
import { buildOpenApi } from '../../api/openapi';
import { AppError, PROBLEMS, problemBody } from '../../api/problem';
import type { RouteSpec } from '../../api/route';

/** A few routes shaped like the real ones, built from zod schemas only (no app, no deps). */

const ZRegistration = z.object({ id: z.uuid(), name: z.string(), note: z.string().optional() });

const ROUTES: RouteSpec[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    summary: '登录',
    tag: 'auth',
    access: 'public',
    body: z.object({ email: z.email(), password: z.string().min(1) }),
    response: { status: 200, description: '令牌', schema: z.object({ token: z.string() }) },
    problems: ['too_many_requests'],
  },
  {
    method: 'get',
    path: '/api/health',
    summary: '健康检查',
    tag: 'ops',
    access: 'public',
    response: { status: 200, description: '正常', schema: z.object({ status: z.literal('ok') }) },
  },
  {
    method: 'get',
    path: '/api/registrations',
    summary: '登记申请列表',
    tag: 'registrations',
    access: ['reviewer', 'section_head'],
    query: z.object({
      status: z.string().optional(),
      page: z.coerce.number().int().default(1),
      q: z.string(),
    }),
    response: { status: 200, description: '列表', schema: z.array(ZRegistration) },
  },
  {
    method: 'get',
    path: '/api/registrations/:id',
    summary: '登记申请详情',
    tag: 'registrations',
    access: 'signed-in',
    params: z.object({ id: z.uuid() }),
    response: { status: 200, description: '详情', schema: ZRegistration },
    problems: ['not_found'],
  },
  {
    method: 'post',
    path: '/api/registrations/:id/documents/:documentId/replace',
    summary: '替换材料',
    tag: 'registrations',
    access: ['applicant'],
    params: z.object({ id: z.uuid(), documentId: z.uuid() }),
    body: z.object({ fileId: z.uuid(), reason: z.string().optional() }),
    response: { status: 200, description: '已替换', schema: ZRegistration },
    problems: ['conflict'],
  },
  {
    method: 'get',
    path: '/api/files/:id',
    summary: '下载文件',
    tag: 'files',
    access: 'signed-in',
    params: z.object({ id: z.uuid() }),
    response: { status: 200, description: '文件', contentType: 'application/pdf' },
  },
];

const CONFIG = { AUTHORITY_NAME: '常州市钟楼区民政局', publicUrl: 'https://mz.example' };
const doc = buildOpenApi(ROUTES, CONFIG) as any;
const PROBLEM_REF = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
};

describe('buildOpenApi', () => {
  it('given the routes, when built, should declare OpenAPI 3.1.0 with the server and the authority', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://mz.example' }]);
    expect(doc.info.description).toContain('常州市钟楼区民政局');
  });

  it('given Express paths with :params, when built, should write them as OpenAPI {params}', () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/auth/login',
      '/api/files/{id}',
      '/api/health',
      '/api/registrations',
      '/api/registrations/{id}',
      '/api/registrations/{id}/documents/{documentId}/replace',
    ]);
  });

  it('given two path params, when built, should list both as required path parameters with their schema', () => {
    const op = doc.paths['/api/registrations/{id}/documents/{documentId}/replace'].post;
    expect(
      op.parameters.map((p: { name: string; in: string; required: boolean }) => [
        p.name,
        p.in,
        p.required,
      ]),
    ).toEqual([
      ['id', 'path', true],
      ['documentId', 'path', true],
    ]);
    expect(op.parameters[0].schema).toMatchObject({ type: 'string', format: 'uuid' });
  });

  it('given query fields that are optional, defaulted and required, when built, should set required only on the required one', () => {
    const op = doc.paths['/api/registrations'].get;
    expect(
      op.parameters.map((p: { name: string; required: boolean }) => [p.name, p.required]),
    ).toEqual([
      ['status', false],
      ['page', false],
      ['q', true],
    ]);
  });

  it('given a body with an optional field, when built, should list only the mandatory fields as required', () => {
    const body =
      doc.paths['/api/registrations/{id}/documents/{documentId}/replace'].post.requestBody;
    expect(body.required).toBe(true);
    expect(body.content['application/json'].schema.required).toEqual(['fileId']);
    expect(Object.keys(body.content['application/json'].schema.properties)).toEqual([
      'fileId',
      'reason',
    ]);
  });

  it('given a response schema with an optional field, when built, should describe the output with only the others required', () => {
    const ok = doc.paths['/api/registrations/{id}'].get.responses['200'];
    expect(ok.content['application/json'].schema.required).toEqual(['id', 'name']);
  });

  it('given a binary download, when built, should describe the file type as binary', () => {
    expect(doc.paths['/api/files/{id}'].get.responses['200'].content).toEqual({
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    });
  });

  it('given a role-restricted route with a body and a conflict, when built, should reference the Problem schema for 400, 401, 403, 409 and 500', () => {
    const responses =
      doc.paths['/api/registrations/{id}/documents/{documentId}/replace'].post.responses;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '403', '409', '500']);
    for (const status of ['400', '401', '403', '409', '500']) {
      expect(responses[status].content).toEqual(PROBLEM_REF);
    }
    expect(responses['409'].description).toBe(PROBLEMS.conflict.title);
  });

  it('given a public route without input, when built, should only promise the generic 500 problem', () => {
    expect(Object.keys(doc.paths['/api/health'].get.responses).sort()).toEqual(['200', '500']);
  });

  it('given the public login route, when built, should carry 400, 429 and 500 but no 401 or 403', () => {
    expect(Object.keys(doc.paths['/api/auth/login'].post.responses).sort()).toEqual([
      '200',
      '400',
      '429',
      '500',
    ]);
  });

  it('given non-public routes, when built, should require bearer or cookie auth; public routes should not', () => {
    const security = [{ bearerAuth: [] }, { cookieAuth: [] }];
    expect(doc.paths['/api/registrations'].get.security).toEqual(security);
    expect(doc.paths['/api/registrations/{id}'].get.security).toEqual(security);
    expect(doc.paths['/api/auth/login'].post.security).toBeUndefined();
    expect(doc.paths['/api/health'].get.security).toBeUndefined();
  });

  it('given the components, when built, should define the Problem schema and both security schemes', () => {
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(doc.components.schemas.Problem.properties.code.enum).toEqual(Object.keys(PROBLEMS));
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      cookieAuth: { type: 'apiKey', in: 'cookie', name: 'mzf_session' },
    });
  });

  it('given role-restricted and signed-in routes, when built, should say who may call them', () => {
    expect(doc.paths['/api/registrations'].get.description).toBe('角色：reviewer、section_head。');
    expect(doc.paths['/api/registrations/{id}'].get.description).toBe('任何已登录账号。');
    expect(doc.paths['/api/health'].get.description).toBe('无需登录。');
  });

  it('given two methods on one path, when built, should keep both operations', () => {
    const both = buildOpenApi(
      [
        { ...ROUTES[3]!, method: 'get' },
        { ...ROUTES[3]!, method: 'delete', summary: '删除' },
      ],
      CONFIG,
    ) as any;
    expect(Object.keys(both.paths['/api/registrations/{id}'])).toEqual(['get', 'delete']);
  });

  it('given the schemas, when built, should not carry a $schema keyword into the document', () => {
    expect(JSON.stringify(doc)).not.toContain('$schema');
  });
});

describe('problem details (RFC 9457)', () => {
  it('given a conflict, when rendered, should give type, title, status, detail, instance and code', () => {
    expect(problemBody('conflict', '本件已办结', '/api/registrations/1/accept')).toEqual({
      type: '/problems/conflict',
      title: '当前状态下不能办理此事项',
      status: 409,
      detail: '本件已办结',
      instance: '/api/registrations/1/accept',
      code: 'conflict',
    });
  });

  it('given a code with underscores and issues, when rendered, should hyphenate the type and list the issues', () => {
    const body = problemBody('bad_request', '请求体不符合要求', '/x', [
      { path: 'body.email', message: '格式' },
    ]);
    expect(body.type).toBe('/problems/bad-request');
    expect(body.errors).toEqual([{ path: 'body.email', message: '格式' }]);
  });

  it('given no issues, when rendered, should leave errors out', () => {
    expect(problemBody('internal', '服务器内部错误', '/x', [])).not.toHaveProperty('errors');
  });

  it('given an AppError without detail, when read, should use the title and the status of its code', () => {
    const e = new AppError('too_many_requests');
    expect(e.message).toBe('尝试次数过多，请稍后再试');
    expect(e.status).toBe(429);
  });
});
