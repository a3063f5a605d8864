import fc from 'fast-check';

/** A real session of one of the harness's accounts; `label` names it in reports. */
export interface FuzzIdentity {
  label: string;
  token: string;
}

export interface FuzzAuth {
  label: string;
  headers: Record<string, string>;
}

/** Node refuses to send a header with control characters or code points above U+00FF. */
export const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** The token's claims rewritten (role, subject, expiry) while keeping the old signature. */
function forged(token: string, claims: Record<string, unknown>): string {
  const [header, payload, sig] = token.split('.');
  const old = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  return `${header}.${b64(JSON.stringify({ ...old, ...claims }))}.${sig}`;
}

function tampered(id: FuzzIdentity): fc.Arbitrary<FuzzAuth> {
  const t = id.token;
  const variants = [
    `Bearer ${t.slice(0, -2)}${t.endsWith('AA') ? 'BB' : 'AA'}`,
    `Bearer ${forged(t, { role: 'administrator' })}`,
    `Bearer ${forged(t, { exp: 32503680000 })}`,
    `Bearer ${forged(t, { sub: 'not-a-uuid', org: 42 })}`,
    `Bearer ${t.split('.').slice(0, 2).join('.')}.`,
    `Bearer ${t}.${t}`,
    `Bearer ${t} trailing`,
    `bearer ${t}`,
    `Bearer  ${t}`,
    t,
  ];
  return fc
    .constantFrom(...variants)
    .map((authorization) => ({ label: `tampered ${id.label}`, headers: { authorization } }));
}

const GARBAGE_AUTH = [
  'Bearer',
  'Bearer ',
  'Bearer null',
  'Bearer undefined',
  'Bearer a.b.c',
  'Bearer a.b.c.d',
  'Bearer ...',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
  `Bearer ${'A'.repeat(4000)}`,
  'Basic dXNlcjpwYXNz',
  'Digest username="x", realm="y"',
  'Bearer \xe4\xb8\xad\xe6\x96\x87',
  'Bearer %00',
];

const GARBAGE_COOKIE = [
  'mzf_session=%',
  'mzf_session=%E0%A4%A',
  'mzf_session=%ZZ',
  'mzf_session=',
  'mzf_session',
  '=;;=;',
  'mzf_session=a.b.c; mzf_session=%',
  `mzf_session=${'x'.repeat(4000)}`,
];

const bearer = (i: FuzzIdentity): FuzzAuth => ({
  label: i.label,
  headers: { authorization: `Bearer ${i.token}` },
});

/**
 * Who calls: most often someone the route lets in (so that its handler runs), then any account
 * of any role, nobody, or someone with a bad credential.
 */
export function authArbitrary(
  identities: FuzzIdentity[],
  allowed: FuzzIdentity[],
): fc.Arbitrary<FuzzAuth> {
  const id = fc.constantFrom(...identities);
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fc.constantFrom(...(allowed.length > 0 ? allowed : identities)).map(bearer),
    },
    { weight: 4, arbitrary: id.map(bearer) },
    {
      weight: 2,
      arbitrary: id.map((i) => ({
        label: `${i.label} (cookie)`,
        headers: { cookie: `mzf_session=${encodeURIComponent(i.token)}` },
      })),
    },
    { weight: 2, arbitrary: fc.constant({ label: 'anonymous', headers: {} }) },
    { weight: 2, arbitrary: id.chain(tampered) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...GARBAGE_AUTH),
          fc.string({ unit: 'binary-ascii' }).map(headerSafe),
        )
        .map((authorization) => ({ label: 'garbage authorization', headers: { authorization } })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...GARBAGE_COOKIE),
          fc.string({ unit: 'binary-ascii' }).map(headerSafe),
        )
        .map((cookie) => ({ label: 'garbage cookie', headers: { cookie } })),
    },
  );
}
