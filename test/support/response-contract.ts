import http from 'node:http';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { Express } from 'express';

/**
 * One API contract (issue 17 point 3): every JSON answer the app gives during a test run is
 * checked against the response its route declares in the app's own OpenAPI document, so a route
 * that answers something its schema does not say (or declares no schema) fails the test file.
 */

type Json = Record<string, any>;

interface Operation {
  template: string;
  pattern: RegExp;
  params: number;
  responses: Json;
}

export interface ResponseContract {
  /** The app behind a server that checks each JSON answer. */
  server: http.Server;
  /** What did not match, one line each: `GET /api/x 200: /items/0/name must be string`. */
  violations: string[];
}

function operations(doc: Json): Map<string, Operation[]> {
  const byMethod = new Map<string, Operation[]>();
  for (const [template, ops] of Object.entries(doc.paths as Json)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
    const params = (template.match(/\{/g) ?? []).length;
    for (const [method, op] of Object.entries(ops as Json)) {
      const list = byMethod.get(method.toUpperCase()) ?? [];
      list.push({ template, pattern, params, responses: (op as Json).responses });
      byMethod.set(method.toUpperCase(), list);
    }
  }
  // Literal paths before templated ones, as the routers register them (`/stats` before `/{id}`).
  for (const list of byMethod.values()) list.sort((a, b) => a.params - b.params);
  return byMethod;
}

/** Every operation says what it answers: a JSON schema or a media type, or 204 (no body). */
export function undeclared(doc: Json): string[] {
  const out: string[] = [];
  for (const [template, ops] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(ops as Json)) {
      for (const [status, r] of Object.entries((op as Json).responses as Json)) {
        if (!/^2/.test(status) || status === '204') continue;
        const content = (r as Json).content as Json | undefined;
        const json = content?.['application/json']?.schema;
        if (!json && !Object.keys(content ?? {}).some((t) => t !== 'application/json'))
          out.push(`${method.toUpperCase()} ${template} ${status}: declares no response schema`);
      }
    }
  }
  return out;
}

export function withResponseContract(app: Express): ResponseContract {
  const doc = app.locals.openapi as Json;
  const ops = operations(doc);
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema({ $id: 'problem', ...doc.components.schemas.Problem });
  const problem = ajv.getSchema('problem') as ValidateFunction;
  const compiled = new Map<string, ValidateFunction | string>();
  const violations: string[] = undeclared(doc);

  const validatorFor = (op: Operation, status: number, method: string) => {
    const key = `${method} ${op.template} ${status}`;
    let v = compiled.get(key);
    if (v === undefined) {
      const declared = op.responses[String(status)];
      const schema = declared?.content?.['application/json']?.schema;
      v = !declared
        ? `answers ${status}, which the document does not declare`
        : !schema
          ? `answers JSON with ${status}, for which the document declares no JSON schema`
          : ajv.compile(schema);
      compiled.set(key, v);
    }
    return { key, v };
  };

  function check(method: string, url: string, status: number, type: string, body: unknown) {
    const path = url.split('?')[0] ?? url;
    const where = `${method} ${path} ${status}`;
    if (type.includes('application/problem+json') || status >= 400) {
      if (!problem(body))
        violations.push(`${where}: problem body ${ajv.errorsText(problem.errors)}`);
      return;
    }
    const op = ops.get(method)?.find((o) => o.pattern.test(path));
    if (!op) return; // not an API route (the web pages)
    const { v } = validatorFor(op, status, method.toLowerCase());
    if (typeof v === 'string') violations.push(`${where}: ${v}`);
    else if (!v(body)) violations.push(`${where}: ${ajv.errorsText(v.errors, { dataVar: '' })}`);
  }

  const originalJson = app.response.json;
  const server = http.createServer((req, res) => {
    const r = res as http.ServerResponse & { json: typeof originalJson };
    r.json = function json(this: typeof r, body: unknown) {
      // What the client will parse: the body as JSON text, then read back.
      const sent = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
      check(
        req.method ?? 'GET',
        req.url ?? '/',
        this.statusCode,
        String(this.getHeader('content-type') ?? ''),
        sent,
      );
      return originalJson.call(this as never, body);
    };
    app(req, res);
  });
  return { server, violations };
}

/** Fails with every answer that broke the contract (called at a test file's teardown). */
export function assertNoViolations(violations: string[]): void {
  if (violations.length === 0) return;
  const unique = [...new Set(violations)];
  throw new Error(
    `${unique.length} answer(s) do not match the OpenAPI document:\n  ${unique.join('\n  ')}`,
  );
}
