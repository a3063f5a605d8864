import type { KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import {
  generateSigningKeyPem,
  parsePublicKeys,
  parseSigningKey,
  type SigningKey,
} from './document-seal';

/**
 * The key that seals issued documents: DOCUMENT_SIGNING_KEY (required in production). Elsewhere
 * a development key is made once in DATA_DIR and shared by the worker and the API of the same
 * machine, so that what one signs the other verifies. It is never a production key.
 */
export function resolveSigningKey(
  config: Pick<Config, 'DOCUMENT_SIGNING_KEY' | 'DATA_DIR' | 'NODE_ENV'>,
): SigningKey {
  if (config.DOCUMENT_SIGNING_KEY) return parseSigningKey(config.DOCUMENT_SIGNING_KEY);
  if (config.NODE_ENV === 'production')
    throw new Error('DOCUMENT_SIGNING_KEY: required in production');
  const file = path.resolve(config.DATA_DIR, 'document-signing-key.dev.pem');
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, generateSigningKeyPem(), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process of this machine made it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseSigningKey(readFileSync(file, 'utf8'));
}

/** The keys a seal may verify with, by key id: the signing key's and the earlier ones. */
export function verificationKeys(
  config: Pick<Config, 'DOCUMENT_SIGNING_KEY' | 'DOCUMENT_VERIFY_KEYS' | 'DATA_DIR' | 'NODE_ENV'>,
): Map<string, { publicKey: KeyObject; pem: string }> {
  const current = resolveSigningKey(config);
  const keys = new Map([[current.keyId, { publicKey: current.publicKey, pem: current.publicPem }]]);
  for (const k of config.DOCUMENT_VERIFY_KEYS ? parsePublicKeys(config.DOCUMENT_VERIFY_KEYS) : [])
    if (!keys.has(k.keyId)) keys.set(k.keyId, { publicKey: k.publicKey, pem: k.pem });
  return keys;
}
