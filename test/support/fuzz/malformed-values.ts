import fc from 'fast-check';

/** JSON text spliced in verbatim: numbers JSON.stringify cannot write (-0, 1e309) and deep nests. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson pieces and own `__proto__` keys. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Nested arrays or objects `depth` levels deep, as text (kept under the 1 MB body limit). */
export function deepNest(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const CJK = [...'登记管理机关社会组织民政局钟楼区申请审查准予不予𠮷𡈼龘'];
const EMOJI = ['😀', '👨‍👩‍👧‍👦', '🀄️', '🇨🇳', '❤️‍🔥', '🧧'];

export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202E\u0631\u0644',
  '\uFEFF',
  '\u200B\u200D',
  'e\u0301\u0301\u0301',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e308',
  'Infinity',
  '0x1F',
  '١٢٣',
  '  42  ',
  'true',
  '2024-02-30',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '{00000000-0000-0000-0000-000000000000}',
  "' OR 1=1 --",
  '"; DROP TABLE "Registration"; --',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '\u0024{jndi:ldap://x}',
  '{{7*7}}',
  '\r\nX-Injected: 1',
  '__proto__',
  'constructor',
  'a'.repeat(10_000),
  '中'.repeat(150_000),
];

const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...CJK, ...EMOJI), maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

// Never an integer between 1900 and 2200: the holiday-calendar route must not take a fuzzed
// year as valid (it rewrites the calendar every test file of the run shares).
const notAYear = (n: number) => !(Number.isInteger(n) && n >= 1900 && n <= 2200);

const nastyNumber = fc.oneof(
  fc.constantFrom(
    ...['-0', '1e308', '1e309', '-1e309', '1e-400', '123456789012345678901234567890'].map(
      (t) => new RawJson(t),
    ),
    ...['9007199254740993', '0.1', '-1', '2.5', '1E2', '1e0'].map((t) => new RawJson(t)),
    0,
    1,
    2 ** 31 - 1,
    -(2 ** 31),
  ),
  fc.integer().filter(notAYear),
  fc.double().filter(notAYear),
);

const nastyConstant = fc.constantFrom<unknown>(
  null,
  true,
  false,
  [],
  {},
  [null],
  { '': '' },
  JSON.parse('{"__proto__":{"isAdmin":true,"role":"administrator"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  Array.from({ length: 20_000 }, () => 0),
  new RawJson(deepNest(20_000, 'array')),
  new RawJson(deepNest(5_000, 'object')),
);

/** A JSON value of any type, chosen to break parsers, validators and the database. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 3, arbitrary: nastyConstant },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  },
);

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (out.length > 400 || value === null || typeof value !== 'object' || value instanceof RawJson)
    return out;
  for (const [k, v] of Object.entries(value)) {
    pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

export type MutationOp = 'delete' | 'replace' | 'taint' | 'extra' | 'wrap' | 'stringify';

/** Characters a valid string can carry that the layers below may still choke on. */
export const TAINTS = [
  '\u0000',
  '\uD800',
  '\uDC00',
  '\u202E',
  '\uFEFF',
  '😀',
  '\r\n',
  '\\',
  "'",
  '%',
];

/** NUL most often: PostgreSQL refuses it in text and jsonb, so it reaches furthest. */
export const taint = fc.oneof(
  { weight: 2, arbitrary: fc.constant('\u0000') },
  { weight: 3, arbitrary: fc.constantFrom(...TAINTS) },
);

interface Mutation {
  op: MutationOp;
  nasty: unknown;
  key: string;
  taint: string;
}

function apply(node: unknown, { op, nasty, key, taint }: Mutation): unknown {
  if (op === 'replace') return nasty;
  if (op === 'taint') {
    if (typeof node !== 'string') return nasty;
    const at = Math.floor(node.length / 2);
    return node.slice(0, at) + taint + node.slice(at);
  }
  if (op === 'wrap') return [node];
  if (op === 'stringify') return JSON.stringify(node) ?? 'undefined';
  if (Array.isArray(node)) return [...node, nasty];
  if (node !== null && typeof node === 'object') return { ...node, [key]: nasty };
  return nasty;
}

function mutateAt(value: unknown, path: Path, m: Mutation): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return apply(value, m);
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && m.op === 'delete') copy.splice(Number(head), 1);
    else copy[Number(head)] = mutateAt(copy[Number(head)], rest, m);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && m.op === 'delete') delete copy[head];
  // defineProperty, not assignment: a key named __proto__ must stay an own key.
  else
    Object.defineProperty(copy, head, {
      value: mutateAt(copy[head], rest, m),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

/** A valid value with exactly one node broken: removed, retyped, tainted, wrapped, or joined. */
export function almostValid(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .record({
      value: base,
      at: fc.nat(),
      op: fc.constantFrom<MutationOp>(
        'delete',
        'replace',
        'replace',
        'taint',
        'taint',
        'taint',
        'extra',
        'wrap',
        'stringify',
      ),
      nasty: nastyValue,
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'role', ''), nastyString),
      taint,
    })
    .map(({ value, at, ...m }) => {
      const paths = pathsOf(value);
      return mutateAt(value, paths[at % paths.length] ?? [], m);
    });
}
