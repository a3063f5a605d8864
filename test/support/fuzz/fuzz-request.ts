import fc from 'fast-check';
import { arbitraryFromSchema } from './arbitrary-from-schema';
import type { FuzzParam, FuzzRoute } from './discover-routes';
import { authArbitrary, type FuzzIdentity, headerSafe } from './fuzz-auth';
import { bodyArbitrary } from './fuzz-body';
import { NASTY_STRINGS, taint } from './malformed-values';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer | null;
  chunked: boolean;
  /** Who called (role or kind of bad credential) and what kind of body was sent. */
  auth: string;
  kind: string;
}

export interface FuzzContext {
  identities: FuzzIdentity[];
  /**
   * Ids of objects that exist, by the path segment before the parameter (`registrations`,
   * `files`, `outbox`, ...): path parameters that pass zod and find something.
   */
  realIds: Record<string, string[]>;
  /** Per route key, who gets past its access check (see probe-access.ts). */
  allowed: Record<string, FuzzIdentity[]>;
  /** A valid body per route key, where the schema alone cannot make one (real references). */
  validBodies: Record<string, fc.Arbitrary<unknown>>;
}

/** Percent-encodes UTF-8 bytes; unlike encodeURIComponent it takes lone surrogates. */
export function pct(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

// Short enough that the request line stays far below Node's 16 KB header limit (431 is Node's).
const SHORT_NASTY = NASTY_STRINGS.filter((s) => s.length <= 200);

const RAW_SEGMENTS = [
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%00',
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2Fetc',
  '%2F',
  '%20',
  ';',
  '~',
];

function pathParamArbitrary(p: FuzzParam, realIds: string[]): fc.Arbitrary<string> {
  const s = p.schema;
  const valid =
    s.format === 'uuid'
      ? fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...realIds) },
          { weight: 1, arbitrary: fc.uuid() },
        )
      : s.type === 'integer'
        ? // The bounds only: see malformed-values.ts on why no fuzzed year may match a body.
          fc.constantFrom(String(s.minimum), String(s.maximum))
        : arbitraryFromSchema(s).map((v) => pct(String(v)));
  const garbage = fc.oneof(
    fc.constantFrom(...RAW_SEGMENTS),
    fc.constantFrom(...SHORT_NASTY.filter((x) => x !== '')).map(pct),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).map(pct),
    fc
      .constantFrom(...realIds)
      .chain((id) =>
        fc.constantFrom(
          `${id}x`,
          `${id}%00`,
          id.toUpperCase(),
          `%7B${id}%7D`,
          id.slice(1),
          `${id};1`,
        ),
      ),
    fc.constant('a'.repeat(3000)),
  );
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: garbage });
}

function queryArbitrary(params: FuzzParam[]): fc.Arbitrary<string> {
  const known = params.map((p) => p.name);
  const validValue = (p: FuzzParam) =>
    fc.oneof(
      { weight: 3, arbitrary: arbitraryFromSchema(p.schema).map((v) => String(v)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(arbitraryFromSchema(p.schema), taint)
          .map(([v, t]) => `${String(v)}${t}`),
      },
    );
  const validQuery =
    params.length === 0
      ? fc.constant<[string, string][]>([])
      : fc
          .record(Object.fromEntries(params.map((p) => [p.name, validValue(p)])), {
            requiredKeys: [],
          })
          .map((r) => Object.entries(r) as [string, string][]);
  const name = fc.oneof(
    ...(known.length > 0 ? [fc.constantFrom(...known)] : []),
    fc.constantFrom('__proto__', 'constructor', 'page[]', 'a[b]', '', 'toString', 'hasOwnProperty'),
    fc.string({ maxLength: 10 }),
  );
  const value = fc.oneof(
    fc.constantFrom(...SHORT_NASTY),
    fc.constantFrom('0', '-1', '1e308', '10001', '1.5', '  3', '0x10', 'true', 'TRUE', 'yes'),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  const garbage = fc.array(fc.tuple(name, value), { maxLength: 5 });
  const encode = ([k, v]: [string, string]) => `${pct(k)}=${pct(v)}`;
  return fc
    .record({
      valid: validQuery,
      garbage,
      raw: fc.option(fc.constantFrom('%', 'a=%E0%A4%A', '&&&', '==', 'a', 'a[=1', '?'), {
        freq: 5,
      }),
    })
    .map(({ valid, garbage, raw }) => {
      const parts = [...valid, ...garbage].map(encode);
      if (raw !== null) parts.push(raw);
      return parts.length === 0 ? '' : `?${parts.join('&')}`;
    });
}

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function extraHeaders(route: FuzzRoute): fc.Arbitrary<Record<string, string>> {
  const idempotency = route.headerParams.includes('Idempotency-Key')
    ? fc.option(
        fc.oneof(
          fc.uuid(),
          fc.constantFrom('', ' ', 'short', 'x'.repeat(300), '\xe4\xb8\xad'.repeat(10)),
          fc.string({ unit: 'binary-ascii', maxLength: 40 }).map(headerSafe),
        ),
      )
    : fc.constant(null);
  return fc
    .record({
      idempotency,
      forwarded: fc.option(fc.constantFrom('garbage', '::1, 1.1.1.1', '999.999.1.1', ', ,'), {
        freq: 8,
      }),
      accept: fc.option(fc.constantFrom('text/html', 'application/xml', '*/*;q=x', ''), {
        freq: 8,
      }),
    })
    .map(({ idempotency, forwarded, accept }) => ({
      ...(idempotency === null ? {} : { 'idempotency-key': idempotency }),
      ...(forwarded === null ? {} : { 'x-forwarded-for': forwarded }),
      ...(accept === null ? {} : { accept }),
    }));
}

/** Every part of an HTTP request to one route, each either plausible or broken. */
export function requestArbitrary(route: FuzzRoute, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const segments = route.template.split('/');
  const idsFor = (name: string) => {
    const owner = segments[segments.indexOf(`{${name}}`) - 1] ?? '';
    return ctx.realIds[owner] ?? Object.values(ctx.realIds).flat();
  };
  const params = fc.tuple(...route.pathParams.map((p) => pathParamArbitrary(p, idsFor(p.name))));
  const valid =
    ctx.validBodies[route.key] ??
    (route.jsonBody ? arbitraryFromSchema(route.jsonBody) : fc.constant({}));
  return fc
    .record({
      method: fc.oneof(
        { weight: 19, arbitrary: fc.constant(route.method.toUpperCase()) },
        { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
      ),
      params,
      query: queryArbitrary(route.queryParams),
      auth: authArbitrary(ctx.identities, ctx.allowed[route.key] ?? []),
      body: bodyArbitrary({
        valid,
        multipart: route.multipart,
        expectsBody: route.method !== 'get',
      }),
      extra: extraHeaders(route),
    })
    .map(({ method, params, query, auth, body, extra }) => {
      let i = 0;
      const path = route.template.replace(/\{\w+\}/g, () => params[i++] ?? '');
      return {
        method,
        path: path + query,
        headers: { ...extra, ...auth.headers, ...body.headers },
        body: body.body,
        chunked: body.chunked,
        auth: auth.label,
        kind: body.kind,
      };
    });
}
