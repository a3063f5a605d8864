import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../lib/config';
import { hashPassword } from '../../lib/password';
import { type Harness, PASSWORD, startHarness } from '../support/harness';
import { http } from '../support/http';
import { file } from '../support/registration-steps';

/**
 * Sessions end on the server (issue 13 points 2, 6, 10): every request asks the session table,
 * so logout, a password change, deactivation, a role change, the idle timeout and the absolute
 * lifetime end a session everywhere, not only on /me; cookie-carried changes must come from the
 * site itself; each event is in the security log with account, address, outcome and UTC time.
 */

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

async function login(username: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { token: string; detail?: string };
  return {
    status: res.status,
    body,
    cookie: res.headers.get('set-cookie') ?? '',
    headers: res.headers,
  };
}

/** A new staff account of this file (sessions of the shared ones stay untouched). */
async function newReviewer(label: string) {
  const sec = http(h.baseUrl, await h.login('security'));
  const username = `t${h.districtCode}-${label}`;
  const r = await sec.post('/api/admin/accounts', {
    username,
    displayName: '测试审查',
    email: `${username}@test.zhonglou.example`,
    role: 'reviewer',
    password: PASSWORD,
  });
  expect(r.status).toBe(201);
  return { id: r.body.id as string, username };
}

const events = (accountId: string) =>
  h.db.securityEvent.findMany({ where: { accountId }, orderBy: { chainSeq: 'asc' } });

describe('server-side sessions', () => {
  it('given a signed-in reviewer, when they log out, then the same token is refused on every route, not only /me', async () => {
    const { username, id } = await newReviewer('logout');
    const { body } = await login(username);
    const api = http(h.baseUrl, body.token);
    expect((await api.get('/api/registrations')).status).toBe(200);
    expect((await api.post('/api/auth/logout')).status).toBe(204);
    expect((await api.get('/api/auth/me')).status).toBe(401);
    expect((await api.get('/api/registrations')).status).toBe(401);
    expect((await api.get('/api/worklist')).status).toBe(401);
    const kinds = (await events(id)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['login_succeeded', 'session_ended']));
  });

  it('given two sessions of one account, when the password is changed in one, then both end and the new password signs in', async () => {
    const { username } = await newReviewer('pwchange');
    const a = http(h.baseUrl, (await login(username)).body.token);
    const b = http(h.baseUrl, (await login(username)).body.token);
    const weak = await a.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'password2026!',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.detail).toContain('常见密码');
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'not-the-password',
      newPassword: 'Lantern-Harbour-77',
    });
    expect(wrong.status).toBe(422);
    expect((await b.get('/api/registrations')).status).toBe(200);
    const changed = await a.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Lantern-Harbour-77',
    });
    expect(changed.status).toBe(204);
    expect((await a.get('/api/registrations')).status).toBe(401);
    expect((await b.get('/api/registrations')).status).toBe(401);
    expect((await login(username)).status).toBe(401);
    expect((await login(username, 'Lantern-Harbour-77')).status).toBe(200);
  });

  it('given a signed-in reviewer, when the security administrator deactivates the account or changes its role, then its sessions end at once', async () => {
    const sec = http(h.baseUrl, await h.login('security'));
    const r1 = await newReviewer('deactivated');
    const s1 = http(h.baseUrl, (await login(r1.username)).body.token);
    expect(
      (await sec.post(`/api/admin/accounts/${r1.id}/deactivate`, { reason: '调离岗位' })).status,
    ).toBe(200);
    expect((await s1.get('/api/registrations')).status).toBe(401);
    expect((await login(r1.username)).status).toBe(401);

    const r2 = await newReviewer('promoted');
    const s2 = http(h.baseUrl, (await login(r2.username)).body.token);
    const put = await sec.raw('PUT', `/api/admin/accounts/${r2.id}/role`, { role: 'section_head' });
    expect(put.status).toBe(200);
    expect((await s2.get('/api/registrations')).status).toBe(401);
    const again = http(h.baseUrl, (await login(r2.username)).body.token);
    expect((await again.get('/api/auth/me')).body.role).toBe('section_head');
    const changed = await h.db.securityEvent.findMany({
      where: { kind: 'account_changed', details: { path: ['targetAccountId'], equals: r2.id } },
    });
    expect(changed).toHaveLength(1);
    expect(changed[0]?.details).toMatchObject({
      change: 'role',
      from: 'reviewer',
      to: 'section_head',
      sessionsEnded: 1,
    });
  });

  it("given a session unused for longer than the policy's idle timeout, when it is used, then it has ended and the end is logged", async () => {
    const { username, id } = await newReviewer('idle');
    const token = (await login(username)).body.token;
    const api = http(h.baseUrl, token);
    expect((await api.get('/api/registrations')).status).toBe(200);
    // Half an hour (the default) and a second have passed since its last use.
    await h.db.authSession.updateMany({
      where: { accountId: id },
      data: { lastSeenAt: new Date(Date.now() - 30 * 60_000 - 1000) },
    });
    const r = await api.get('/api/registrations');
    expect(r.status).toBe(401);
    expect(r.body.detail).toContain('长时间未操作');
    const expired = (await events(id)).filter((e) => e.kind === 'session_expired');
    expect(expired).toHaveLength(1);
    expect(expired[0]?.details).toEqual({ reason: 'idle' });
  });

  it('given a session in use past its absolute lifetime, when it is used, then it has ended', async () => {
    const { username, id } = await newReviewer('absolute');
    const api = http(h.baseUrl, (await login(username)).body.token);
    await h.db.authSession.updateMany({
      where: { accountId: id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const r = await api.get('/api/registrations');
    expect(r.status).toBe(401);
    expect(r.body.detail).toContain('会话已到期');
  });

  it('given a sign-in, then the cookie is httpOnly and SameSite=Strict, and Secure once the app is configured for it (the default outside tests)', async () => {
    const { cookie } = await login(h.user('reviewer1').username);
    expect(cookie).toMatch(/^mzf_session=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    expect(loadConfig({ NODE_ENV: 'development' }).cookieSecure).toBe(true);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        SESSION_COOKIE_SECURE: 'false',
      }),
    ).toThrow(/SESSION_COOKIE_SECURE/);

    const secure = await h.startApi({ config: { cookieSecure: true } });
    try {
      const res = await fetch(`${secure.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: h.user('reviewer1').username, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toContain('Secure');
    } finally {
      await secure.close();
    }
  });
});

describe('password hashes', () => {
  it('given an account whose hash was made at a lower cost than configured, when it signs in, then the hash is replaced at the configured cost and the upgrade is logged', async () => {
    const { username, id } = await newReviewer('rehash');
    const configured = 2 ** h.config.PASSWORD_HASH_COST;
    await h.db.account.update({
      where: { id },
      data: { passwordHash: await hashPassword(PASSWORD, { N: configured / 2, r: 8, p: 1 }) },
    });
    expect((await login(username)).status).toBe(200);
    const after = await h.db.account.findUniqueOrThrow({ where: { id } });
    expect(after.passwordHash.split('$')[1]).toBe(String(configured));
    expect((await login(username)).status).toBe(200);
    expect(
      await h.db.securityEvent.count({ where: { kind: 'password_rehashed', accountId: id } }),
    ).toBe(1);
  });

  it('given the configuration, then new hashes cost at least N = 2^17 outside tests', () => {
    expect(loadConfig({}).PASSWORD_HASH_COST).toBe(17);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        PASSWORD_HASH_COST: '16',
      }),
    ).toThrow(/PASSWORD_HASH_COST/);
    expect(() => loadConfig({ PASSWORD_HASH_COST: '16' })).toThrow(/PASSWORD_HASH_COST/);
  });
});

describe('cross-site requests (CSRF)', () => {
  it('given a reviewer signed in by cookie, when another site posts text/plain to accept a registration, then it is refused (403) and the file is not accepted', async () => {
    const applicant = await h.newApplicant();
    const filed = await file(h, applicant, 'social_group', 'community_service');
    const { cookie } = await login(h.user('reviewer1').username);
    const session = cookie.split(';')[0] as string;
    const cross = await fetch(`${h.baseUrl}/api/registrations/${filed.id}/accept`, {
      method: 'POST',
      headers: {
        cookie: session,
        'content-type': 'text/plain',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const noSignals = await fetch(`${h.baseUrl}/api/registrations/${filed.id}/accept`, {
      method: 'POST',
      headers: { cookie: session, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noSignals.status).toBe(403);
    const oldBrowser = await fetch(`${h.baseUrl}/api/registrations/${filed.id}/accept`, {
      method: 'POST',
      headers: {
        cookie: session,
        'content-type': 'application/json',
        origin: 'https://evil.example',
      },
      body: '{}',
    });
    expect(oldBrowser.status).toBe(403);
    const reg = await h.db.registration.findUniqueOrThrow({ where: { id: filed.id } });
    expect(reg.receiptNo).toBeNull();
    const refused = await h.db.securityEvent.count({
      where: { kind: 'csrf_refused', path: `/api/registrations/${filed.id}/accept` },
    });
    expect(refused).toBe(3);

    // The site's own page: same origin passes the check and reaches the workflow.
    const own = await fetch(`${h.baseUrl}/api/registrations/${filed.id}/claim`, {
      method: 'POST',
      headers: {
        cookie: session,
        'content-type': 'application/json',
        'sec-fetch-site': 'same-origin',
      },
      body: '{}',
    });
    expect(own.status).not.toBe(403);
    const sameOriginHeader = await fetch(`${h.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: session, origin: h.baseUrl },
    });
    expect(sameOriginHeader.status).toBe(204);
  });

  it('given a cross-site sign-in form (login CSRF), when it posts, then it is refused', async () => {
    const r = await login(h.user('reviewer1').username, PASSWORD, {
      'sec-fetch-site': 'cross-site',
    });
    expect(r.status).toBe(403);
  });
});

describe('the security log', () => {
  it('given a failed and a successful sign-in and a refused access, then each is logged with account, source address, outcome and UTC time', async () => {
    const { username, id } = await newReviewer('logged');
    const before = Date.now();
    expect((await login(username, 'wrong-password-1')).status).toBe(401);
    const token = (await login(username)).body.token;
    expect((await http(h.baseUrl, token).get('/api/admin/outbox')).status).toBe(403);
    const rows = await events(id);
    const byKind = Object.fromEntries(rows.map((e) => [e.kind, e]));
    expect(byKind.login_failed).toMatchObject({
      outcome: 'failure',
      username,
      sourceIp: expect.stringMatching(/127\.0\.0\.1/),
    });
    expect(byKind.login_succeeded).toMatchObject({ outcome: 'success', role: 'reviewer' });
    expect(byKind.access_denied).toMatchObject({
      outcome: 'denied',
      method: 'GET',
      path: '/api/admin/outbox',
    });
    for (const e of rows) {
      expect(e.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const auditor = http(h.baseUrl, await h.login('auditor'));
    const listed = await auditor.get(`/api/audit/security-events?accountId=${id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items[0].at).toMatch(/Z$/);
    expect(listed.body.items.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['login_failed', 'login_succeeded', 'access_denied']),
    );
  });

  it('given an unknown account name, when sign-in fails, then the log keeps the name as typed and no account', async () => {
    const name = `nobody-${h.districtCode}`;
    expect((await login(name, 'whatever-it-is')).status).toBe(401);
    const e = await h.db.securityEvent.findFirst({ where: { username: name } });
    expect(e).toMatchObject({
      kind: 'login_failed',
      accountId: null,
      details: { reason: 'unknown_account' },
    });
  });

  it("given an administrator's change, then it is logged as such", async () => {
    const admin = http(h.baseUrl, await h.login('admin'));
    const r = await admin.raw('PUT', '/api/admin/holiday-calendars/2000', {
      year: 2000,
      daysOff: [],
      makeupWorkdays: [],
      source: '测试',
    });
    expect(r.status).toBe(200);
    // Written once the answer has gone out.
    let e = null;
    for (let i = 0; i < 50 && !e; i++) {
      e = await h.db.securityEvent.findFirst({
        where: { kind: 'admin_change', path: '/api/admin/holiday-calendars/2000' },
      });
      if (!e) await new Promise((r) => setTimeout(r, 100));
    }
    expect(e).toMatchObject({
      outcome: 'success',
      role: 'administrator',
      method: 'PUT',
      accountId: h.user('admin').id,
    });
  });
});
