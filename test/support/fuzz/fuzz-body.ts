import fc from 'fast-check';
import type { JsonSchema } from './discover-routes';
import { almostValid, deepNest, nastyValue, toJsonText } from './malformed-values';

export interface FuzzBody {
  /** What kind of body this is, for the report. */
  kind: string;
  headers: Record<string, string>;
  body: string | Buffer | null;
  /** Sent with Transfer-Encoding: chunked instead of Content-Length. */
  chunked: boolean;
}

const JSON_TYPE = 'application/json';

const CONTENT_TYPE = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | null>(JSON_TYPE) },
  { weight: 1, arbitrary: fc.constant<string | null>(null) },
  {
    weight: 4,
    arbitrary: fc.constantFrom<string | null>(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json; charset=bogus',
      'APPLICATION/JSON',
      'application/vnd.api+json',
      'application/merge-patch+json',
      'application/json; boundary=x',
      'application/json;;;',
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'text/html',
      '*/*',
      '',
      'application/json, text/plain',
      'multipart/form-data',
      'application/octet-stream',
    ),
  },
);

const CONTENT_ENCODING = fc.oneof(
  { weight: 12, arbitrary: fc.constant<string | null>(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<string | null>('gzip', 'deflate', 'br', 'identity', 'x-garbage'),
  },
);

const INVALID_JSON = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '[1,]',
  'NaN',
  'undefined',
  '{"a":01}',
  '\uFEFF{}',
  '{"a":"\\x41"}',
  '{"a":"\\ud800"}',
  '{"a" 1}',
  '"just a string"',
  '123',
  'true',
  'null',
  '{}garbage',
  '{"a":1}{"b":2}',
  '{"a":1e99999}',
  '{"\u0000":"\u0000"}',
  '',
];

function jsonBody(
  kind: string,
  text: fc.Arbitrary<string | Buffer | null>,
): fc.Arbitrary<FuzzBody> {
  return fc
    .record({ text, type: CONTENT_TYPE, encoding: CONTENT_ENCODING, chunked: fc.boolean() })
    .map(({ text, type, encoding, chunked }) => ({
      kind,
      headers: {
        ...(type === null ? {} : { 'content-type': type }),
        ...(encoding === null ? {} : { 'content-encoding': encoding }),
      },
      body: text,
      chunked: chunked && text !== null,
    }));
}

const boundary = fc.stringMatching(/^[A-Za-z0-9'()+_,-./:=?]{1,69}$/).filter((b) => !/ $/.test(b));

const FILE_CONTENT = fc.oneof(
  fc.constantFrom(
    Buffer.from('%PDF-1.4\n%%EOF\n'),
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('MZ\x90\x00'),
    Buffer.alloc(0),
    Buffer.from('%PDF-'.repeat(1000)),
  ),
  fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)),
);

function part(b: string, name: string, value: Buffer | string, filename?: string): Buffer {
  const disposition = `form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}`;
  const type = filename === undefined ? '' : '\r\nContent-Type: application/pdf';
  return Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
    Buffer.from(value),
    Buffer.from('\r\n'),
  ]);
}

/** multipart/form-data from well-formed with bad fields to broken framing. */
function multipartBody(fields: JsonSchema | null): fc.Arbitrary<FuzzBody> {
  const docTypes = ((fields?.properties as Record<string, JsonSchema> | undefined)?.documentType
    ?.enum ?? ['articles_of_association']) as string[];
  const docType = fc.oneof(
    fc.constantFrom(...docTypes),
    nastyValue.map((v) => toJsonText(v).slice(0, 2000)),
  );
  const filename = fc.oneof(
    fc.constantFrom('a.pdf', '', '../../etc/passwd', '章程.pdf', 'x'.repeat(400), 'a"b.pdf'),
    fc.string({ unit: 'binary', maxLength: 20 }).map((s) => s.replace(/["\r\n]/g, '_')),
  );
  const shape = fc.constantFrom(
    'ok',
    'no-file',
    'two-files',
    'truncated',
    'no-boundary',
    'wrong-boundary',
    'long-field',
    'unknown-file-field',
    'garbage-headers',
    'empty',
  );
  return fc
    .record({ b: boundary, docType, content: FILE_CONTENT, filename, shape })
    .map(({ b, docType, content, filename, shape }) => {
      const field = part(b, 'documentType', docType);
      const file = part(b, 'file', content, filename);
      const end = Buffer.from(`--${b}--\r\n`);
      const bodies: Record<string, Buffer> = {
        ok: Buffer.concat([field, file, end]),
        'no-file': Buffer.concat([field, end]),
        'two-files': Buffer.concat([field, file, file, end]),
        truncated: Buffer.concat([field, file]).subarray(0, field.length + 20),
        'no-boundary': Buffer.concat([field, file, end]),
        'wrong-boundary': Buffer.concat([field, file, end]),
        'long-field': Buffer.concat([part(b, 'documentType', 'x'.repeat(5000)), file, end]),
        'unknown-file-field': Buffer.concat([field, part(b, 'file2', content, filename), end]),
        'garbage-headers': Buffer.from(`--${b}\r\nContent-Disposition\r\n\r\nx\r\n--${b}--\r\n`),
        empty: Buffer.alloc(0),
      };
      const type =
        shape === 'no-boundary'
          ? 'multipart/form-data'
          : `multipart/form-data; boundary=${shape === 'wrong-boundary' ? `${b}x` : b}`;
      return {
        kind: `multipart ${shape}`,
        headers: { 'content-type': type },
        body: bodies[shape] ?? null,
        chunked: false,
      };
    });
}

const formBody = fc
  .constantFrom('a=1&b[c]=2', '__proto__[x]=1', 'documentType=%', '=&=&&', 'x'.repeat(3000))
  .map((body) => ({
    kind: 'form-urlencoded',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    chunked: false,
  }));

const NO_BODY: FuzzBody = { kind: 'no body', headers: {}, body: null, chunked: false };

/** Bodies for one route: mostly its own valid body broken in one place, then anything at all. */
export function bodyArbitrary(opts: {
  valid: fc.Arbitrary<unknown>;
  multipart: JsonSchema | null;
  /** GET routes mostly send no body; the parser still reads one when it is sent. */
  expectsBody: boolean;
}): fc.Arbitrary<FuzzBody> {
  const text = (a: fc.Arbitrary<unknown>) => a.map(toJsonText);
  const weight = (w: number) => (opts.expectsBody ? w : 1);
  return fc.oneof(
    { weight: weight(10), arbitrary: jsonBody('almost valid', text(almostValid(opts.valid))) },
    { weight: weight(2), arbitrary: jsonBody('valid', text(opts.valid)) },
    { weight: weight(3), arbitrary: jsonBody('random JSON', text(nastyValue)) },
    {
      weight: weight(2),
      arbitrary: jsonBody(
        'invalid JSON',
        fc.oneof(
          fc.constantFrom(...INVALID_JSON),
          fc.string({ unit: 'binary' }),
          fc.uint8Array({ maxLength: 100 }).map((a) => Buffer.from(a)),
          text(opts.valid).chain((t) => fc.nat(t.length).map((n) => t.slice(0, n))),
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: jsonBody(
        'deeply nested',
        fc
          .record({
            depth: fc.constantFrom(1_000, 10_000, 100_000, 450_000),
            kind: fc.constantFrom<'array' | 'object'>('array', 'object'),
          })
          .map(({ depth, kind }) =>
            deepNest(kind === 'object' ? Math.min(depth, 150_000) : depth, kind),
          ),
      ),
    },
    { weight: opts.multipart ? 8 : 1, arbitrary: multipartBody(opts.multipart) },
    { weight: 1, arbitrary: formBody },
    { weight: opts.expectsBody ? 1 : 12, arbitrary: fc.constant(NO_BODY) },
  );
}
