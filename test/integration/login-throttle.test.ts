import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LoginThrottle } from '../../lib/auth/login-throttle';
import type { Config } from '../../lib/config';
import { sweep } from '../../lib/housekeeping';
import { type Harness, PASSWORD, startHarness, type TestApi } from '../support/harness';

/**
 * Login throttling across API processes (issue 12 point 7, issue 13 point 5): the counts live
 * in PostgreSQL, so a second API process on the same database sees the first one's failures;
 * an account is held after too many failures, an address after failures on too many accounts
 * (spraying); X-Forwarded-For counts only from a configured proxy. Held: 429 with Retry-After.
 */

let h: Harness;
const apis: TestApi[] = [];

/** Another API process on the same database (optionally trusting a proxy in front). */
async function secondApi(config: Partial<Config> = {}): Promise<string> {
  const api = await h.startApi({ config });
  apis.push(api);
  return api.baseUrl;
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const a of apis) await a.close();
  await h?.teardown();
});

async function login(base: string, username: string, password: string, xff?: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(xff ? { 'x-forwarded-for': xff } : {}) },
    body: JSON.stringify({ username, password }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as { detail?: string },
  };
}

describe('login throttling kept in PostgreSQL', () => {
  it('given five failed sign-ins of one account spread over two API processes, then the next one is held on both, even with the right password, with Retry-After', async () => {
    const other = await secondApi();
    const name = h.user('reviewer2').username;
    for (const base of [h.baseUrl, other, h.baseUrl, other, h.baseUrl])
      expect((await login(base, name, 'wrong-password-x')).status).toBe(401);
    for (const base of [h.baseUrl, other]) {
      const held = await login(base, name, PASSWORD);
      expect(held.status).toBe(429);
      expect(held.body.detail).toContain('该账号登录失败次数过多');
      const seconds = Number(held.retryAfter);
      expect(seconds).toBeGreaterThan(14 * 60);
      expect(seconds).toBeLessThanOrEqual(15 * 60);
    }
    // Another account from the same address is not held by this one's failures.
    expect((await login(other, h.user('section').username, PASSWORD)).status).toBe(200);
    const logged = await h.db.securityEvent.count({
      where: { kind: 'login_throttled', username: name },
    });
    expect(logged).toBe(2);
  });

  it('given failures on ten different accounts from one address behind a trusted proxy, then that address is held (spraying) and another address is not', async () => {
    const proxied = await secondApi({ trustProxy: 'loopback' });
    const sprayer = '198.51.100.7';
    for (let i = 0; i < 10; i++)
      expect(
        (await login(proxied, `guess-${h.districtCode}-${i}`, 'Summer2026!', sprayer)).status,
      ).toBe(401);
    const held = await login(proxied, h.user('director').username, PASSWORD, sprayer);
    expect(held.status).toBe(429);
    expect(held.body.detail).toContain('尝试登录的账号过多');
    expect(Number(held.retryAfter)).toBeGreaterThan(0);
    expect(
      (await login(proxied, h.user('director').username, PASSWORD, '198.51.100.8')).status,
    ).toBe(200);
    const flagged = await h.db.securityEvent.findMany({
      where: { kind: 'source_held', sourceIp: sprayer },
    });
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.details).toMatchObject({ hold: 'spray' });
  });

  it('given 2,000 failures under distinct names, then the throttle keeps nothing per name in the process, and the sweep deletes failures past the longest window', async () => {
    const throttle = new LoginThrottle(h.db, `${h.districtCode}-memory`);
    const names = Array.from({ length: 2000 }, (_, i) => `nobody-${h.districtCode}-${i}`);
    await h.db.loginFailure.createMany({
      data: names.map((username) => ({
        kind: 'password',
        username,
        source: throttle.source('10.9.9.9'),
      })),
    });
    const limits = { windowMinutes: 15, perAccount: 5, perSource: 100_000, sprayAccounts: 100_000 };
    expect(await throttle.hold(names[0] as string, '10.9.9.9', limits)).toBeNull();
    // Its whole state: the database handle and the deployment's namespace.
    expect(Object.keys(throttle).sort()).toEqual(['db', 'namespace']);
    await h.db.loginFailure.updateMany({
      where: { username: { in: names } },
      data: { at: new Date(Date.now() - 25 * 3600_000) },
    });
    await sweep(h.db, { unattachedExpiryHours: 72 });
    expect(await h.db.loginFailure.count({ where: { username: { in: names } } })).toBe(0);
  });

  // Last: it holds this file's loopback address.
  it('given no proxy configured, when failures carry made-up X-Forwarded-For addresses, then they all count for the real address', async () => {
    // The first test's failures came from this address too: it is held before the tenth.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (await login(h.baseUrl, `spoof-${h.districtCode}-${i}`, 'Winter2026!', `203.0.113.${i}`))
          .status,
      );
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
    const held = await login(h.baseUrl, h.user('section').username, PASSWORD, '203.0.113.200');
    expect(held.status).toBe(429);
    const sources = await h.db.securityEvent.findMany({
      where: { kind: 'login_failed', username: { startsWith: `spoof-${h.districtCode}-` } },
      select: { sourceIp: true },
    });
    expect(new Set(sources.map((s) => s.sourceIp))).toEqual(new Set(['127.0.0.1']));
  });
});
