import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';

/**
 * The digital seal of an issued document (issue 15 point 11): ECDSA over the P-256 curve with
 * SHA-256, over the document's data as canonical JSON (keys sorted, no spaces), the signature
 * in IEEE P1363 form (r ‖ s, 64 bytes) as base64url. Anyone with the public key can check a seal
 * with node:crypto alone (scripts/verify-document.ts); nothing here reads the database.
 */

export const SEAL_ALGORITHM = 'ECDSA-P256-SHA256';

/** What a seal signs; `v` versions the shape, so that a later shape never verifies as this one. */
export interface SealData {
  v: 1;
  code: string;
  kind: string;
  title: string;
  docNo: string;
  /** To whom the document is addressed: an organisation or an applicant's proposed name. */
  holder: string;
  creditCode?: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  validFrom?: string;
  validTo?: string;
  level?: string;
  authority: string;
  subjectType: string;
  subjectId: string;
}

/** A seal as it travels: the exact text that was signed, the signature and its key. */
export interface Seal {
  algorithm: typeof SEAL_ALGORITHM;
  keyId: string;
  canonical: string;
  signature: string;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
  /** The public key as SPKI PEM, to publish. */
  publicPem: string;
}

/** PEM as stored in an environment variable: literal "\n" stand for line breaks. */
function pemText(pem: string): string {
  return pem.includes('\\n') ? pem.replaceAll('\\n', '\n') : pem;
}

/** The first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function assertP256(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error('the document signing key must be an EC key on P-256 (prime256v1)');
}

/** Parses DOCUMENT_SIGNING_KEY (a PKCS#8 or SEC1 PEM private key); throws when it is not P-256. */
export function parseSigningKey(pem: string): SigningKey {
  const privateKey = createPrivateKey(pemText(pem));
  assertP256(privateKey);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    keyId: keyIdOf(publicKey),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Parses a public key (SPKI PEM), or takes the public half of a private key. */
export function parsePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pemText(pem));
  assertP256(key);
  return key;
}

/** Every public key of a PEM bundle (blocks one after another), each with its key id. */
export function parsePublicKeys(
  pems: string,
): { keyId: string; publicKey: KeyObject; pem: string }[] {
  const blocks = pemText(pems).match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g);
  if (!blocks?.length) throw new Error('no PUBLIC KEY block');
  return blocks.map((pem) => {
    const publicKey = parsePublicKey(pem);
    return { keyId: keyIdOf(publicKey), publicKey, pem: `${pem}\n` };
  });
}

/** A fresh P-256 key as a PKCS#8 PEM: for development, tests and `verify-document --new-key`. */
export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

// Crockford's base32 without I, L, O, U: read aloud or typed from paper without confusion.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code: 100 random bits as 20 characters, printed in groups of four. */
export function newSealCode(): string {
  const bytes = randomBytes(20);
  return [...bytes].map((b) => ALPHABET[b & 31]).join('');
}

/** A code as people type it (lower case, spaces, dashes) in its stored form; null if it is none. */
export function normalizeSealCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return /^[0-9A-HJKMNP-TV-Z]{20}$/.test(code) ? code : null;
}

/** 'ABCD-EFGH-…' for printing. */
export function formatSealCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** Signs the data: its canonical text is what is stored and what the signature covers. */
export function signSealData(key: SigningKey, data: SealData): Seal {
  const canonical = canonicalJson(data);
  const signature = sign('sha256', Buffer.from(canonical, 'utf8'), {
    key: key.privateKey,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64url');
  return { algorithm: SEAL_ALGORITHM, keyId: key.keyId, canonical, signature };
}

/**
 * Whether the seal's signature is over exactly its canonical text, by this public key, and the
 * text is canonical (so that two texts of the same data cannot both pass).
 */
export function verifySeal(publicKey: KeyObject, seal: Pick<Seal, 'canonical' | 'signature'>) {
  let data: unknown;
  try {
    data = JSON.parse(seal.canonical);
  } catch {
    return false;
  }
  if (canonicalJson(data) !== seal.canonical) return false;
  const signature = Buffer.from(seal.signature, 'base64url');
  if (signature.length !== 64) return false;
  return verify(
    'sha256',
    Buffer.from(seal.canonical, 'utf8'),
    {
      key: publicKey,
      dsaEncoding: 'ieee-p1363',
    },
    signature,
  );
}

const PDF_SEAL = /\(MZFSEAL1\.([A-Za-z0-9_-]+)\)/;

/** The seal a sealed PDF carries in its metadata (activities/documents/seal-document.ts). */
export function readSealFromPdf(pdf: Buffer): Seal | null {
  const m = PDF_SEAL.exec(pdf.toString('latin1'));
  if (!m) return null;
  try {
    return JSON.parse(Buffer.from(m[1] as string, 'base64url').toString('utf8')) as Seal;
  } catch {
    return null;
  }
}
