import { signToken, verifyToken } from '../../api/auth/session';
import { sniffType } from '../../api/sniff-type';
import { SecretBox } from '../../lib/auth/secret-box';
import {
  acceptedStep,
  newRecoveryCode,
  newTotpSecret,
  normalizeRecoveryCode,
  totpCode,
} from '../../lib/auth/totp';
import { hashPassword, needsRehash, SCRYPT, verifyPassword } from '../../lib/password';
import { checkNewPassword } from '../../lib/password-strength';

const SECRET = 'test-secret-of-at-least-32-characters!!';
const NOW = Date.parse('2026-03-05T10:00:00+08:00');
const WHO = {
  sid: '0d7c8a61-9e2b-4c3f-8a1d-2b3c4d5e6f70',
  sub: '5f2b8c1e-4d3a-4b6f-9e0a-1c2d3e4f5a6b',
};

const b64json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
const part = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

describe('session tokens (JWT, HS256, naming a server-side session)', () => {
  const { token, expiresAt } = signToken(SECRET, WHO, 3600, NOW);

  it('given a fresh token, when verified with the same secret, should give back its session id, subject, iat and exp', () => {
    const iat = NOW / 1000;
    expect(verifyToken(SECRET, token, NOW + 1000)).toEqual({ ...WHO, iat, exp: iat + 3600 });
    expect(expiresAt.toISOString()).toBe('2026-03-05T03:00:00.000Z');
  });

  it('given a token, when its header is read, should say HS256 JWT', () => {
    expect(b64json(token.split('.')[0]!)).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('given a token whose payload was changed to another session, when verified, should refuse it', () => {
    const [h, p, s] = token.split('.') as [string, string, string];
    const forged = part({ ...b64json(p), sid: '11111111-1111-4111-8111-111111111111' });
    expect(verifyToken(SECRET, `${h}.${forged}.${s}`, NOW)).toBeNull();
  });

  it('given a token whose signature lost a character, when verified, should refuse it', () => {
    expect(verifyToken(SECRET, token.slice(0, -1), NOW)).toBeNull();
  });

  it('given a token whose signature had one character changed, when verified, should refuse it', () => {
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    expect(verifyToken(SECRET, `${token.slice(0, -2)}${last}${token.at(-1)}`, NOW)).toBeNull();
  });

  it('given a token with "alg: none" and no signature, when verified, should refuse it', () => {
    const [, p] = token.split('.') as [string, string];
    expect(verifyToken(SECRET, `${part({ alg: 'none', typ: 'JWT' })}.${p}.`, NOW)).toBeNull();
  });

  it('given a token signed with another secret, when verified, should refuse it', () => {
    const other = signToken('another-secret-of-32-characters!!!!!!', WHO, 3600, NOW).token;
    expect(verifyToken(SECRET, other, NOW)).toBeNull();
  });

  it('given a one-hour token, when verified one second before and exactly at expiry, should accept then refuse', () => {
    expect(verifyToken(SECRET, token, NOW + 3_599_000)).not.toBeNull();
    expect(verifyToken(SECRET, token, NOW + 3_600_000)).toBeNull();
  });

  it('given a correctly signed payload of the wrong shape, when verified, should refuse it', () => {
    const bad = signToken(SECRET, { ...WHO, sid: 'not-a-uuid' }, 3600, NOW).token;
    expect(verifyToken(SECRET, bad, NOW)).toBeNull();
  });

  it.each(['', 'a.b', 'a.b.c.d', 'not a token'])(
    'given %j, when verified, should refuse it',
    (t) => {
      expect(verifyToken(SECRET, t, NOW)).toBeNull();
    },
  );
});

describe("passwords (scrypt at OWASP's minimum, N = 2^17)", () => {
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

  it('given a hash, when read, should name scrypt with N=131072 (2^17), r=8, p=1 and a 16-byte salt', () => {
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1']);
    expect(Number(n)).toBeGreaterThanOrEqual(2 ** 17);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(needsRehash(hash)).toBe(false);
  });

  it('given a hash made with the former N = 2^15, when verified, should still accept it and ask for a rehash', async () => {
    const old = await hashPassword('Abc-old-2015', { ...SCRYPT, N: 2 ** 15 });
    await expect(verifyPassword('Abc-old-2015', old)).resolves.toBe(true);
    expect(needsRehash(old)).toBe(true);
  });

  it('given a full-width spelling of the password, when verified, should accept it (NFKC)', async () => {
    const h = await hashPassword('Abc123');
    await expect(verifyPassword('Ａｂｃ１２３', h)).resolves.toBe(true);
  });

  it.each([
    '',
    'bcrypt$1$2$3$4$5',
    'scrypt$32768$8$1$c2FsdA==',
    'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA',
  ])(
    'given a stored value %j that is no usable scrypt hash, when verified, should refuse',
    async (stored) => {
      await expect(verifyPassword('x', stored)).resolves.toBe(false);
    },
  );
});

describe('new passwords (common-password and context check)', () => {
  const ctx = {
    username: 'lishencha',
    displayName: '李审查',
    email: 'li.shencha@mzj.example.cn',
    places: ['常州市钟楼区', '常州市钟楼区民政局'],
  };
  const check = (p: string) => checkNewPassword(p, ctx, 10);

  it('given a long unusual password, when checked, should accept it', () => {
    expect(check('Kite-Harbour-Lantern-48')).toEqual([]);
  });

  it.each([
    'password123',
    'Password2026!',
    'P@ssw0rd2026',
    'qwerty12345',
    'woaini1314520',
    '1234567890',
  ])('given the common password %j, when checked, should refuse it as common', (p) => {
    expect(check(p).join()).toContain('常见密码');
  });

  it.each([
    'lishencha-2026!',
    'LISHENCHA#secure',
    '钟楼区民政局2026abc',
    '常州钟楼-password',
    '李审查的密码很长很长',
  ])('given %j built from the account or the place, when checked, should refuse it', (p) => {
    expect(check(p).join()).toContain('不能包含');
  });

  it('given a password shorter than the policy, when checked, should say the length', () => {
    expect(check('Xq9#vL2')).toContain('密码至少 10 位');
  });
});

describe('TOTP (RFC 6238) and recovery codes', () => {
  const secret = newTotpSecret();

  it('given the code of now, when checked, should accept it with the current time step', () => {
    expect(acceptedStep(secret, totpCode(secret, NOW), NOW)).toBe(Math.floor(NOW / 30_000));
  });

  it('given the code of the step before or after, when checked, should accept it (clock drift)', () => {
    expect(acceptedStep(secret, totpCode(secret, NOW - 30_000), NOW)).toBe(
      Math.floor(NOW / 30_000) - 1,
    );
    expect(acceptedStep(secret, totpCode(secret, NOW + 30_000), NOW)).toBe(
      Math.floor(NOW / 30_000) + 1,
    );
  });

  it('given a code two minutes old, or of another secret, or not six digits, when checked, should refuse it', () => {
    expect(acceptedStep(secret, totpCode(secret, NOW - 120_000), NOW)).toBeNull();
    expect(acceptedStep(secret, totpCode(newTotpSecret(), NOW), NOW)).toBeNull();
    expect(acceptedStep(secret, '12345', NOW)).toBeNull();
    expect(acceptedStep(secret, 'abcdef', NOW)).toBeNull();
  });

  it('given a recovery code typed in lower case without dashes, when normalised, should read as issued', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    expect(normalizeRecoveryCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
    expect(normalizeRecoveryCode('0000-1111-IIII-LLLL')).toBeNull();
  });
});

describe('SecretBox (TOTP secrets at rest)', () => {
  it('given a sealed secret, when opened with the same key, should give it back; another key or a changed box, null', () => {
    const box = new SecretBox(SECRET, 'totp-secret');
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(
      new SecretBox('another-secret-of-32-characters!!!!!!', 'totp-secret').open(sealed),
    ).toBeNull();
    expect(box.open(`${sealed.slice(0, -2)}AA`)).toBeNull();
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
