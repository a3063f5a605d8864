import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { totpCode } from '../../lib/auth/totp';
import { type Harness, PASSWORD, startHarness } from '../support/harness';
import { http } from '../support/http';

/**
 * Two factors for staff (issue 13 point 3), end to end over HTTP, under the default policy
 * (required for every role but applicants): the password alone opens only the second-factor
 * step; TOTP enrolment with a real authenticator's codes (RFC 6238, computed here from the
 * secret as an app would); each code once; one-time recovery codes; a reset by the security
 * administrator. Failed codes count towards the login throttle.
 */

let h: Harness;

beforeAll(async () => {
  // The district's policy as shipped: the second factor required of staff.
  h = await startHarness({ security: {} });
});
afterAll(async () => {
  await h?.teardown();
});

async function password(username: string) {
  const r = await http(h.baseUrl).post('/api/auth/login', { username, password: PASSWORD });
  expect(r.status).toBe(200);
  return r.body as { token: string; secondFactor: 'verify' | 'enrol' | null };
}

/** Enrols the account through its half-way session; the secret and the full session's token. */
async function enrol(username: string) {
  const first = await password(username);
  expect(first.secondFactor).toBe('enrol');
  const api = http(h.baseUrl, first.token);
  const start = await api.post('/api/auth/mfa/enrolment');
  expect(start.status).toBe(200);
  const secret = start.body.secret as string;
  const done = await api.post('/api/auth/mfa/enrolment/confirm', { code: totpCode(secret) });
  expect(done.status).toBe(200);
  return {
    secret,
    token: done.body.signedIn.token as string,
    recoveryCodes: done.body.recoveryCodes as string[],
    start: start.body,
  };
}

describe('TOTP for staff', () => {
  it('given a reviewer without a second factor, when they sign in with the password, then only enrolment is open; enrolment with a code opens the session and gives ten recovery codes', async () => {
    const name = h.user('reviewer1').username;
    const first = await password(name);
    expect(first.secondFactor).toBe('enrol');
    const half = http(h.baseUrl, first.token);
    const blocked = await half.get('/api/registrations');
    expect(blocked.status).toBe(401);
    expect(blocked.body.detail).toContain('双因素认证');
    expect((await half.get('/api/auth/me')).status).toBe(401);

    const start = await half.post('/api/auth/mfa/enrolment');
    expect(start.body.uri).toMatch(/^otpauth:\/\/totp\/.+\?.*secret=[A-Z2-7]+/);
    expect(start.body.qrSvg).toMatch(/^<svg/);
    const wrong = await half.post('/api/auth/mfa/enrolment/confirm', { code: '000000' });
    expect(wrong.status).toBe(422);
    const ok = await half.post('/api/auth/mfa/enrolment/confirm', {
      code: totpCode(start.body.secret),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    const full = http(h.baseUrl, ok.body.signedIn.token);
    expect((await full.get('/api/registrations')).status).toBe(200);
    expect((await full.get('/api/auth/me')).body).toMatchObject({ mfaEnabled: true });
    // The half-way session is over; its token opens nothing any more.
    expect((await half.post('/api/auth/mfa/enrolment')).status).toBe(401);

    const stored = await h.db.account.findUniqueOrThrow({ where: { username: name } });
    expect(stored.mfaSecret).not.toContain(start.body.secret);
    const codes = await h.db.mfaRecoveryCode.findMany({ where: { accountId: stored.id } });
    expect(codes.map((c) => c.codeHash).join()).not.toContain(ok.body.recoveryCodes[0].slice(5));
  });

  it('given an enrolled reviewer, when they sign in, then the password asks for a code; a used code is refused, the next one is accepted', async () => {
    const name = h.user('reviewer2').username;
    const { secret } = await enrol(name);
    const next = await password(name);
    expect(next.secondFactor).toBe('verify');
    const api = http(h.baseUrl, next.token);
    // The enrolment's code is spent: the same step is never accepted twice.
    const replay = await api.post('/api/auth/mfa/verify', { code: totpCode(secret) });
    expect(replay.status).toBe(401);
    const ok = await api.post('/api/auth/mfa/verify', {
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.secondFactor).toBeNull();
    expect((await http(h.baseUrl, ok.body.token).get('/api/worklist')).status).toBe(200);
    const kinds = (
      await h.db.securityEvent.findMany({
        where: { accountId: h.user('reviewer2').id },
        orderBy: { chainSeq: 'asc' },
      })
    ).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['mfa_enrolled', 'mfa_failed', 'mfa_verified']));
  });

  it('given an enrolled section head without their phone, when they use a recovery code, then it works once', async () => {
    const name = h.user('section').username;
    const { recoveryCodes } = await enrol(name);
    const code = recoveryCodes[3] as string;
    const first = http(h.baseUrl, (await password(name)).token);
    const ok = await first.post('/api/auth/mfa/verify', {
      code: code.toLowerCase().replaceAll('-', ''),
    });
    expect(ok.status).toBe(200);
    const second = http(h.baseUrl, (await password(name)).token);
    expect((await second.post('/api/auth/mfa/verify', { code })).status).toBe(401);
    expect(
      await h.db.securityEvent.count({
        where: { kind: 'mfa_recovery_code_used', accountId: h.user('section').id },
      }),
    ).toBe(1);
  });

  it('given wrong codes, when five fail, then the account is held (429 with Retry-After) even for a right code', async () => {
    const name = h.user('director').username;
    const { secret } = await enrol(name);
    const api = http(h.baseUrl, (await password(name)).token);
    for (let i = 0; i < 5; i++)
      expect((await api.post('/api/auth/mfa/verify', { code: String(100000 + i) })).status).toBe(
        401,
      );
    const held = await api.raw('POST', '/api/auth/mfa/verify', {
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('given an applicant, when they sign in, then no second factor is asked (not required of applicants by default)', async () => {
    const a = await h.newApplicant();
    const r = await http(h.baseUrl).post('/api/auth/login', {
      username: a.username,
      password: PASSWORD,
    });
    expect(r.body.secondFactor).toBeNull();
    expect((await http(h.baseUrl, r.body.token).get('/api/registrations')).status).toBe(200);
  });

  it('given a lost phone, when the security administrator resets the second factor, then the sessions end and the next sign-in enrols again', async () => {
    // The security administrator is staff too: enrolled first.
    const sec = http(h.baseUrl, (await enrol(h.user('security').username)).token);
    const evaluator = h.user('evaluator');
    const { token } = await enrol(evaluator.username);
    const own = http(h.baseUrl, token);
    expect((await own.get('/api/auth/me')).status).toBe(200);
    const reset = await sec.post(`/api/admin/accounts/${evaluator.id}/mfa-reset`, {
      reason: '手机丢失',
    });
    expect(reset.status).toBe(200);
    expect(reset.body.mfaEnabled).toBe(false);
    expect((await own.get('/api/auth/me')).status).toBe(401);
    expect((await password(evaluator.username)).secondFactor).toBe('enrol');
  });
});
