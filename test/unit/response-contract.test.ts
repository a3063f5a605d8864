import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express, { Router } from 'express';
import { z } from 'zod';
import { buildOpenApi } from '../../api/openapi';
import { RouteRegistry, type RouteSpec } from '../../api/route';
import {
  assertNoViolations,
  type ResponseContract,
  undeclared,
  withResponseContract,
} from '../support/response-contract';

/**
 * The check every integration test runs its answers through (test/support/response-contract.ts):
 * a small app whose routes answer as declared, and one that does not.
 */

const ZThing = z.object({ id: z.uuid(), name: z.string(), at: z.iso.datetime() });
const ID = '7f1c0d5e-2b6a-4c1e-9f3a-0a1b2c3d4e5f';

function app() {
  const registry = new RouteRegistry();
  const router = Router();
  const base = { tag: 't', summary: 's', access: 'public' as const };
  registry.add(
    router,
    {
      ...base,
      method: 'get',
      path: '/api/things/extra',
      response: { status: 200, description: 'ok', schema: ZThing },
    },
    async () => ({ id: ID, name: 'a', at: new Date(0).toISOString(), secret: 'leaked' }),
  );
  registry.add(
    router,
    {
      ...base,
      method: 'get',
      path: '/api/things/:id',
      params: z.object({ id: z.string() }),
      response: { status: 200, description: 'ok', schema: ZThing },
    },
    async ({ params }) =>
      params.id === 'bad'
        ? { id: ID, name: 7, at: new Date(0) }
        : { id: ID, name: 'a', at: new Date(0) },
  );
  registry.add(
    router,
    { ...base, method: 'post', path: '/api/things', response: { status: 204, description: '' } },
    async ({ res }) => {
      res.status(204).end();
      return undefined;
    },
  );
  const a = express();
  a.use(router);
  a.locals.openapi = buildOpenApi(registry.routes, {
    AUTHORITY_NAME: '民政局',
    publicUrl: 'http://localhost',
  });
  return a;
}

describe('the response contract check', () => {
  let contract: ResponseContract;
  let base: string;
  beforeAll(async () => {
    contract = withResponseContract(app());
    await new Promise<void>((r) => contract.server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(contract.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => contract.server.close(() => r())));

  it('given answers as declared (a Date sent as its ISO text, 204 without a body), then nothing is reported', async () => {
    expect((await fetch(`${base}/api/things/1`)).status).toBe(200);
    expect((await fetch(`${base}/api/things`, { method: 'POST' })).status).toBe(204);
    expect(contract.violations).toEqual([]);
    expect(() => assertNoViolations(contract.violations)).not.toThrow();
  });

  it('given a wrong type and an undeclared field, then each answer is reported and the file fails', async () => {
    await fetch(`${base}/api/things/bad`);
    await fetch(`${base}/api/things/extra`);
    expect(contract.violations).toEqual([
      expect.stringMatching(/^GET \/api\/things\/bad 200: \/name must be string/),
      expect.stringMatching(/^GET \/api\/things\/extra 200: .*additional properties/),
    ]);
    expect(() => assertNoViolations(contract.violations)).toThrow(/2 answer\(s\)/);
  });

  it('given a document in which a route answers 200 without a schema, then it is reported', () => {
    const routes = [
      {
        method: 'get',
        path: '/api/x',
        tag: 't',
        summary: 's',
        access: 'public',
        // What the type forbids (issue 17 point 3), as an untyped route could still declare it.
        response: { status: 200, description: 'ok' },
      },
    ] as unknown as RouteSpec[];
    const doc = buildOpenApi(routes, { AUTHORITY_NAME: '民政局', publicUrl: 'http://localhost' });
    expect(undeclared(doc)).toEqual(['GET /api/x 200: declares no response schema']);
  });
});
