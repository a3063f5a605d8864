import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app reads) through `otpauth`.
 * A code is accepted one step either side of now (clock drift) and never twice: the caller keeps
 * the last step accepted and refuses any step not after it (ASVS 5.0 6.5.1).
 */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = '', issuer = '') {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret });
}

/** The otpauth:// URI an authenticator app scans, and the same as an SVG QR code. */
export function enrolmentOf(secret: string, issuer: string, label: string) {
  const uri = totp(secret, label, issuer).toString();
  return { uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** The time step a code belongs to, or null when it is not valid now (±1 step). */
export function acceptedStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / PERIOD) + delta;
}

/** The code of a secret at a time: for tests and for clients that script their sign-in. */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

/** Crockford-style alphabet without 0/O, 1/I/L: recovery codes are typed by hand. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** XXXX-XXXX-XXXX-XXXX: ~78 bits; the first group finds the stored hash to check. */
export function newRecoveryCode(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

/** A recovery code as typed (any case, spaces, dashes or not) in its canonical form. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== 16 || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return s.match(/.{4}/g)?.join('-') ?? null;
}
