import { LoginThrottle } from '../../api/auth/login-throttle';
import { signSession, verifySession } from '../../api/auth/session';
import { sniffType } from '../../api/sniff-type';
import { hashPassword, verifyPassword } from '../../lib/password';

const SECRET = 'test-secret-of-at-least-32-characters!!';
const NOW = Date.parse('2026-03-05T10:00:00+08:00');
const WHO = {
  sub: '5f2b8c1e-4d3a-4b6f-9e0a-1c2d3e4f5a6b',
  name: '李审查',
  role: 'reviewer' as const,
  org: null,
};

const b64json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const part = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

describe('session tokens (JWT, HS256)', () => {
  const { token, expiresAt } = signSession(SECRET, WHO, 3600, NOW);

  it('given a fresh token, when verified with the same secret, should give back the session with iat and exp', () => {
    const iat = NOW / 1000;
    expect(verifySession(SECRET, token, NOW + 1000)).toEqual({ ...WHO, iat, exp: iat + 3600 });
    expect(expiresAt.toISOString()).toBe('2026-03-05T03:00:00.000Z');
  });

  it('given a token, when its header is read, should say HS256 JWT', () => {
    expect(b64json(token.split('.')[0]!)).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('given a token whose payload was changed to section head, when verified, should refuse it', () => {
    const [h, p, s] = token.split('.') as [string, string, string];
    const forged = part({ ...b64json(p), role: 'section_head' });
    expect(verifySession(SECRET, `${h}.${forged}.${s}`, NOW)).toBeNull();
  });

  it('given a token whose signature lost a character, when verified, should refuse it', () => {
    expect(verifySession(SECRET, token.slice(0, -1), NOW)).toBeNull();
  });

  it('given a token whose signature had one character changed, when verified, should refuse it', () => {
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    expect(verifySession(SECRET, `${token.slice(0, -2)}${last}${token.at(-1)}`, NOW)).toBeNull();
  });

  it('given a token with "alg: none" and no signature, when verified, should refuse it', () => {
    const [, p] = token.split('.') as [string, string];
    expect(verifySession(SECRET, `${part({ alg: 'none', typ: 'JWT' })}.${p}.`, NOW)).toBeNull();
  });

  it('given a token signed with another secret, when verified, should refuse it', () => {
    const other = signSession('another-secret-of-32-characters!!!!!!', WHO, 3600, NOW).token;
    expect(verifySession(SECRET, other, NOW)).toBeNull();
  });

  it('given a one-hour token, when verified one second before and exactly at expiry, should accept then refuse', () => {
    expect(verifySession(SECRET, token, NOW + 3_599_000)).not.toBeNull();
    expect(verifySession(SECRET, token, NOW + 3_600_000)).toBeNull();
  });

  it('given a correctly signed payload of the wrong shape, when verified, should refuse it', () => {
    const bad = signSession(SECRET, { ...WHO, role: 'system' as never }, 3600, NOW).token;
    expect(verifySession(SECRET, bad, NOW)).toBeNull();
  });

  it.each(['', 'a.b', 'a.b.c.d', 'not a token'])(
    'given %j, when verified, should refuse it',
    (t) => {
      expect(verifySession(SECRET, t, NOW)).toBeNull();
    },
  );
});

describe('passwords (scrypt)', () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword('钟楼区-Correct horse 2026');
  });

  it('given the right password, when verified, should accept it', async () => {
    await expect(verifyPassword('钟楼区-Correct horse 2026', hash)).resolves.toBe(true);
  });

  it('given a wrong password, when verified, should refuse it', async () => {
    await expect(verifyPassword('钟楼区-Correct horse 2025', hash)).resolves.toBe(false);
  });

  it('given the same password hashed twice, when compared, should differ by salt and both verify', async () => {
    const again = await hashPassword('钟楼区-Correct horse 2026');
    expect(again).not.toBe(hash);
    expect(again.split('$')[4]).not.toBe(hash.split('$')[4]);
    await expect(verifyPassword('钟楼区-Correct horse 2026', again)).resolves.toBe(true);
  });

  it('given a hash, when read, should name scrypt with its parameters N=32768, r=8, p=1 and a 16-byte salt', () => {
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
  });

  it('given a full-width spelling of the password, when verified, should accept it (NFKC)', async () => {
    const h = await hashPassword('Abc123');
    await expect(verifyPassword('Ａｂｃ１２３', h)).resolves.toBe(true);
  });

  it.each(['', 'bcrypt$1$2$3$4$5', 'scrypt$32768$8$1$c2FsdA=='])(
    'given a stored value %j that is no scrypt hash, when verified, should refuse',
    async (stored) => {
      await expect(verifyPassword('x', stored)).resolves.toBe(false);
    },
  );
});

describe('LoginThrottle', () => {
  const WINDOW = 15 * 60_000;
  function throttle() {
    let now = NOW;
    const t = new LoginThrottle(5, WINDOW, () => now);
    return { t, advance: (ms: number) => (now += ms) };
  }

  it('given four failures, when asked, should not block yet', () => {
    const { t } = throttle();
    for (let i = 0; i < 4; i++) t.fail('li@10.0.0.1');
    expect(t.blocked('li@10.0.0.1')).toBe(false);
  });

  it('given five failures within the window, when asked, should block that key and no other', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 5; i++) {
      t.fail('li@10.0.0.1');
      advance(60_000);
    }
    expect(t.blocked('li@10.0.0.1')).toBe(true);
    expect(t.blocked('li@10.0.0.2')).toBe(false);
  });

  it('given five failures a minute apart, when the first leaves the window, should free the key', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 5; i++) {
      t.fail('li@10.0.0.1');
      if (i < 4) advance(60_000);
    }
    // The first failure was at NOW, the fifth at NOW+4min; at NOW+15min the first drops out.
    advance(WINDOW - 4 * 60_000 - 1);
    expect(t.blocked('li@10.0.0.1')).toBe(true);
    advance(1);
    expect(t.blocked('li@10.0.0.1')).toBe(false);
  });

  it('given five failures spread over more than the window, when asked, should not block', () => {
    const { t, advance } = throttle();
    for (let i = 0; i < 5; i++) {
      t.fail('li@10.0.0.1');
      advance(4 * 60_000);
    }
    expect(t.blocked('li@10.0.0.1')).toBe(false);
  });

  it('given a blocked key, when reset after a successful sign-in, should free it', () => {
    const { t } = throttle();
    for (let i = 0; i < 5; i++) t.fail('li@10.0.0.1');
    t.reset('li@10.0.0.1');
    expect(t.blocked('li@10.0.0.1')).toBe(false);
  });
});

describe('sniffType', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);

  it('given a file that starts with %PDF-, when sniffed, should say PDF', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'))).toBe('application/pdf');
  });

  it('given a file that starts with FF D8 FF, when sniffed, should say JPEG', () => {
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46))).toBe('image/jpeg');
  });

  it('given a file with the PNG signature, when sniffed, should say PNG', () => {
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe(
      'image/png',
    );
  });

  it.each([
    ['a text file renamed to .pdf', Buffer.from('章程草案：第一条 本会名称……', 'utf8')],
    ['a ZIP (or .docx)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
    ['a GIF', Buffer.from('GIF89a', 'latin1')],
    ['%PDF without the dash', Buffer.from('%PDF1.7', 'latin1')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['an empty file', bytes()],
    ['a PDF marker after a leading byte', Buffer.from(' %PDF-1.4', 'latin1')],
  ])('given %s, when sniffed, should refuse it', (_, buf) => {
    expect(sniffType(buf)).toBeNull();
  });
});
