import { z } from 'zod';
import type { Config } from '../lib/config';
import { PROBLEMS, type ProblemCode } from './problem';
import type { RouteSpec } from './route';

/** OpenAPI 3.1 from the routes' own zod schemas (JSON Schema 2020-12 is OpenAPI 3.1's dialect). */

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete out.$schema;
  return out;
}

function parameters(
  s: z.ZodType | undefined,
  where: 'path' | 'query',
  pageSizeMax?: number,
): Json[] {
  if (!(s instanceof z.ZodObject)) return [];
  return Object.entries(s.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const schema = schemaOf(field, 'input');
    // The schema holds the ceiling; the setting LIST_PAGE_SIZE_MAX is what the API answers.
    if (name === 'pageSize' && pageSizeMax) schema.maximum = pageSizeMax;
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      schema,
    };
  });
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', enum: Object.keys(PROBLEMS) },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

function responses(r: RouteSpec): Json {
  const ok: Json = { description: r.response.description };
  if (r.response.schema)
    ok.content = { 'application/json': { schema: schemaOf(r.response.schema, 'output') } };
  else if (r.response.contentType)
    ok.content = { [r.response.contentType]: { schema: { type: 'string', format: 'binary' } } };
  const out: Json = { [r.response.status]: ok };
  for (const a of ('also' in r.response && r.response.also) || [])
    out[a.status] = { description: a.description, content: ok.content };
  const codes = new Set<ProblemCode>([...(r.problems ?? []), 'internal']);
  if (r.access !== 'public') codes.add('unauthenticated').add('forbidden');
  if (r.body || r.query || r.params) codes.add('bad_request');
  for (const c of codes) {
    out[PROBLEMS[c].status] = {
      description: PROBLEMS[c].title,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return out;
}

function operation(r: RouteSpec, pageSizeMax?: number): Json {
  const op: Json = {
    tags: [r.tag],
    summary: r.summary,
    description: [r.description, accessText(r)].filter(Boolean).join('\n\n'),
    parameters: [
      ...parameters(r.params, 'path'),
      ...parameters(r.query, 'query', pageSizeMax),
      ...(r.headers ?? []).map((h) => ({
        name: h.name,
        in: 'header',
        required: h.required,
        description: h.description,
        schema: { type: 'string' },
      })),
    ],
    responses: responses(r),
  };
  if (r.body)
    op.requestBody = {
      required: true,
      content: { [r.bodyContentType ?? 'application/json']: { schema: schemaOf(r.body, 'input') } },
    };
  if (r.multipart)
    op.requestBody = {
      required: true,
      content: { 'multipart/form-data': { schema: schemaOf(r.multipart, 'input') } },
    };
  if (r.access !== 'public') op.security = [{ bearerAuth: [] }, { cookieAuth: [] }];
  // Machine-readable access, read by the authorization matrix test.
  op['x-access'] = typeof r.access === 'string' ? r.access : [...r.access];
  return op;
}

function accessText(r: RouteSpec): string {
  if (r.access === 'public') return '无需登录。';
  if (r.access === 'signed-in') return '任何已登录账号。';
  if (r.access === 'second-factor') return '已用密码登录、正在完成双因素认证的会话，或已登录账号。';
  return `角色：${r.access.join('、')}。`;
}

export function buildOpenApi(
  routes: RouteSpec[],
  config: Pick<Config, 'AUTHORITY_NAME' | 'publicUrl'> & { LIST_PAGE_SIZE_MAX?: number },
): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...(paths[path] ?? {}), [r.method]: operation(r, config.LIST_PAGE_SIZE_MAX) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'minzheng-flow API',
      version: '0.1.0',
      description: `${config.AUTHORITY_NAME}社会组织登记、评估、公益创投与政府购买服务。先调用 POST /api/auth/login 取得令牌，再点击 Authorize 填入。错误按 RFC 9457 返回 application/problem+json。`,
    },
    servers: [{ url: config.publicUrl }],
    paths,
    components: {
      schemas: { Problem: PROBLEM_SCHEMA },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'mzf_session' },
      },
    },
  };
}
