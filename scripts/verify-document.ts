import { readFileSync } from 'node:fs';
import { loadConfig } from '../lib/config';
import {
  generateSigningKeyPem,
  normalizeSealCode,
  parsePublicKeys,
  parseSigningKey,
  readSealFromPdf,
  type Seal,
  type SealData,
  verifySeal,
} from '../lib/document-seal';
import { verificationKeys } from '../lib/document-signing-key';

/**
 * `npm run verify-document -- <file.pdf | seal.json | code> [--public-key key.pem] [--url URL]`
 *
 * Checks a document's seal with the bureau's public key alone: a PDF carries its seal in its
 * metadata, a JSON file is what GET /api/public/documents/:code answered (or its `seal`), a code
 * is looked up at URL (default PUBLIC_URL) and the answer's signature checked here, not trusted.
 * The public keys: --public-key (a PEM file, one key or several), else the configured ones
 * (DOCUMENT_SIGNING_KEY's, or the development key in DATA_DIR, and DOCUMENT_VERIFY_KEYS);
 * GET /api/public/documents/keys publishes them. Exit 0 when the signature
 * holds, 1 when it does not, 2 on a usage error.
 *
 * `npm run verify-document -- --new-key` prints a fresh P-256 private key for .env (one line)
 * and its public key.
 */

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function newKey(): void {
  const pem = generateSigningKeyPem();
  const key = parseSigningKey(pem);
  console.log(`DOCUMENT_SIGNING_KEY="${pem.trim().replaceAll('\n', '\\n')}"`);
  console.log(`\n# 公钥（密钥编号 ${key.keyId}），可公开：\n${key.publicPem}`);
}

async function sealOf(arg: string, url: string): Promise<{ seal: Seal; server?: unknown }> {
  const code = normalizeSealCode(arg);
  if (code && !/\.(pdf|json)$/i.test(arg)) {
    const res = await fetch(`${url.replace(/\/+$/, '')}/api/public/documents/${code}`);
    if (!res.ok) throw new Error(`核验码 ${code}：服务器答复 ${res.status}`);
    const body = (await res.json()) as { seal: Seal; statusLabel: string; reason: string | null };
    return {
      seal: body.seal,
      server: `${body.statusLabel}${body.reason ? `（${body.reason}）` : ''}`,
    };
  }
  const bytes = readFileSync(arg);
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    const seal = readSealFromPdf(bytes);
    if (!seal) throw new Error(`${arg}：该 PDF 没有数字签章`);
    return { seal };
  }
  const json = JSON.parse(bytes.toString('utf8')) as Seal | { seal: Seal };
  return { seal: 'seal' in json ? json.seal : json };
}

async function main(): Promise<number> {
  if (process.argv.includes('--new-key')) {
    newKey();
    return 0;
  }
  const arg = process.argv
    .slice(2)
    .find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!arg) {
    console.error(
      '用法：npm run verify-document -- <文件.pdf | 核验结果.json | 核验码> [--public-key 公钥.pem] [--url 网址]',
    );
    return 2;
  }
  const config = loadConfig();
  const keyFile = flag('--public-key');
  // One or more public keys (a PEM bundle); the seal names the one it was made with.
  const keys = keyFile
    ? new Map(parsePublicKeys(readFileSync(keyFile, 'utf8')).map((k) => [k.keyId, k.publicKey]))
    : new Map([...verificationKeys(config)].map(([id, k]) => [id, k.publicKey]));
  const { seal, server } = await sealOf(arg, flag('--url') ?? config.publicUrl);
  const publicKey = keys.get(seal.keyId);
  const keyId = publicKey ? seal.keyId : [...keys.keys()].join('、');
  const ok = publicKey !== undefined && verifySeal(publicKey, seal);
  const data = JSON.parse(seal.canonical) as SealData;
  console.log(
    `${ok ? '✓ 数字签章有效' : '✗ 数字签章无效'}（${seal.algorithm}，密钥 ${seal.keyId}${seal.keyId === keyId ? '' : `，与所给公钥 ${keyId} 不符`}）`,
  );
  for (const [label, value] of [
    ['文书', data.title],
    ['文号', data.docNo],
    ['对象', data.holder],
    ['统一社会信用代码', data.creditCode],
    ['等级', data.level],
    ['签发日期', data.issuedOn],
    ['有效期', data.validTo ? `${data.validFrom ?? data.issuedOn} 至 ${data.validTo}` : undefined],
    ['签发机关', data.authority],
    ['核验码', data.code],
  ] as const)
    if (value) console.log(`  ${label}：${value}`);
  if (server) console.log(`  服务器所示效力：${server}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
