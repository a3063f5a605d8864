import { renderCertificate } from '../../activities/documents/render-certificate';
import { renderOfficialDocument } from '../../activities/documents/render-official-document';
import { createSealer, prepareSeal } from '../../activities/documents/seal-document';
import { canonicalJson } from '../../domain/canonical-json';
import {
  formatSealCode,
  generateSigningKeyPem,
  newSealCode,
  normalizeSealCode,
  parsePublicKey,
  parsePublicKeys,
  parseSigningKey,
  readSealFromPdf,
  type SealData,
  signSealData,
  verifySeal,
} from '../../lib/document-seal';
import { pdfText, pdfTextRuns, type TextRun } from '../support/pdf-text';

const key = parseSigningKey(generateSigningKeyPem());
const other = parseSigningKey(generateSigningKeyPem());

const data: SealData = {
  v: 1,
  code: 'ABCD2345EFGH6789JKMN',
  kind: 'evaluation_certificate',
  title: '社会组织评估等级证书',
  docNo: '钟民评证〔2026〕1号',
  holder: '常州市钟楼区慈善协会',
  creditCode: '51320404MJ0000013X',
  level: '4A级',
  issuedOn: '2026-11-29',
  validFrom: '2026-11-29',
  validTo: '2031-11-28',
  authority: '常州市钟楼区民政局',
  subjectType: 'grade',
  subjectId: '6f1c3a52-5a7e-4b5e-9d61-2f0d3c1b7a11',
};

describe('signing a document’s data', () => {
  it('given the data, when signing, should sign its canonical JSON (keys sorted, no spaces) with P-256 in 64-byte r‖s form', () => {
    const seal = signSealData(key, data);
    expect(seal.algorithm).toBe('ECDSA-P256-SHA256');
    expect(seal.canonical).toBe(canonicalJson(data));
    expect(seal.canonical.startsWith('{"authority":"常州市钟楼区民政局","code":')).toBe(true);
    expect(Buffer.from(seal.signature, 'base64url')).toHaveLength(64);
    expect(seal.keyId).toBe(key.keyId);
    expect(seal.keyId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('given the same data with its keys in another order, when signing, should sign the same text', () => {
    const shuffled = Object.fromEntries(Object.entries(data).reverse()) as unknown as SealData;
    expect(signSealData(key, shuffled).canonical).toBe(signSealData(key, data).canonical);
  });

  it('given a seal, when verifying with the public key alone (SPKI PEM), should hold', () => {
    const seal = signSealData(key, data);
    expect(verifySeal(parsePublicKey(key.publicPem), seal)).toBe(true);
  });

  it('given a seal whose data was changed by one character, when verifying, should fail', () => {
    const seal = signSealData(key, data);
    const tampered = seal.canonical.replace('4A级', '5A级');
    expect(tampered).not.toBe(seal.canonical);
    expect(verifySeal(key.publicKey, { ...seal, canonical: tampered })).toBe(false);
  });

  it('given the same data written with spaces, when verifying, should fail: only the canonical text counts', () => {
    const seal = signSealData(key, data);
    const spaced = JSON.stringify(JSON.parse(seal.canonical), null, 1);
    expect(verifySeal(key.publicKey, { ...seal, canonical: spaced })).toBe(false);
  });

  it('given another key, a cut signature or a signature that is not base64url, when verifying, should fail', () => {
    const seal = signSealData(key, data);
    expect(verifySeal(other.publicKey, seal)).toBe(false);
    expect(verifySeal(key.publicKey, { ...seal, signature: seal.signature.slice(0, 40) })).toBe(
      false,
    );
    expect(verifySeal(key.publicKey, { ...seal, canonical: 'not json' })).toBe(false);
  });

  it('given a key that is not P-256, when parsing it, should refuse it', () => {
    const { generateKeyPairSync } = require('node:crypto') as typeof import('node:crypto');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => parseSigningKey(rsa.toString())).toThrow(/P-256/);
  });

  it('given a bundle of public keys, when parsing it, should read each with its key id', () => {
    const bundle = `${key.publicPem}${other.publicPem}`;
    const keys = parsePublicKeys(bundle);
    expect(keys.map((k) => k.keyId)).toEqual([key.keyId, other.keyId]);
    expect(verifySeal(keys[0]!.publicKey, signSealData(key, data))).toBe(true);
    expect(() => parsePublicKeys('no key here')).toThrow();
  });

  it('given a PEM with literal \\n as an environment variable holds it, when parsing, should read it', () => {
    const oneLine = generateSigningKeyPem().trim().replaceAll('\n', '\\n');
    expect(parseSigningKey(oneLine).keyId).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('verification codes', () => {
  it('given a new code, when printed and typed back in lower case with dashes, should read as itself', () => {
    for (let i = 0; i < 50; i++) {
      const code = newSealCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
      expect(normalizeSealCode(formatSealCode(code).toLowerCase())).toBe(code);
    }
    expect(normalizeSealCode('abcd-efgh')).toBeNull();
    expect(normalizeSealCode('../../etc/passwd')).toBeNull();
  });
});

type Box = Pick<TextRun, 'xMin' | 'yMin' | 'xMax' | 'yMax'>;
const overlaps = (a: Box, b: Box) =>
  a.xMin < b.xMax - 0.5 && b.xMin < a.xMax - 0.5 && a.yMin < b.yMax - 0.5 && b.yMin < a.yMax - 0.5;

/** The QR code and its caption clash with no other text, and stay on the page. */
function expectClear(pdf: Buffer, qr: Box, page: { width: number; height: number }) {
  const runs = pdfTextRuns(pdf).filter((r) => r.page === 1);
  const caption = runs.filter((r) => /核验/.test(r.text));
  expect(caption.length).toBeGreaterThanOrEqual(2);
  const others = runs.filter((r) => !caption.includes(r) && !r.actualText);
  for (const c of caption) {
    expect(others.filter((o) => overlaps(c, o)).map((o) => o.text)).toEqual([]);
    expect(c.xMin).toBeGreaterThanOrEqual(0);
    expect(c.xMax).toBeLessThanOrEqual(page.width);
    expect(c.yMax).toBeLessThanOrEqual(page.height);
  }
  expect(runs.filter((r) => overlaps(qr, r)).map((r) => r.text)).toEqual([]);
}

describe('a sealed PDF', () => {
  const sealer = createSealer(key, 'https://mzj.example.cn/');
  const prepared = prepareSeal(sealer, {
    documentKey: 'unit-test',
    kind: 'registration_certificate',
    subjectType: 'organization',
    subjectId: data.subjectId,
    issuedAt: new Date('2026-11-29T00:00:00+08:00'),
    data: {
      title: '社会团体法人登记证书',
      docNo: '51320404MJ0000013X',
      holder: '常州市钟楼区慈善协会',
      creditCode: '51320404MJ0000013X',
      issuedOn: '2026-11-29',
      authority: '常州市钟楼区民政局',
    },
  });

  it('given a certificate rendered with its seal, when reading the file alone, should give back a seal that verifies and the code on the page', async () => {
    expect(prepared.verification.url).toBe(`https://mzj.example.cn/public/verify/${prepared.code}`);
    const pdf = await renderCertificate(
      {
        legalForm: 'social_group',
        name: '常州市钟楼区慈善协会',
        creditCode: '51320404MJ0000013X',
        domicile: '常州市钟楼区永红街道广化街88号',
        legalRepresentative: '王建国',
        businessScope: '开展慈善募捐。',
        funds: 30_000,
        authority: '常州市钟楼区民政局',
        issuedOn: '2026-11-29',
        registrationNo: '51320404MJ0000013X',
      },
      { verification: prepared.verification },
    );
    const seal = readSealFromPdf(pdf);
    expect(seal).toEqual(prepared.seal);
    expect(verifySeal(key.publicKey, seal!)).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain(`核验码：${formatSealCode(prepared.code)}`);
    expect(text).toContain('扫描二维码核验真伪及效力');
    expectClear(
      pdf,
      { xMin: 70, yMin: 456, xMax: 142, yMax: 528 },
      { width: 841.89, height: 595.28 },
    );
  });

  it('given a notice rendered with its seal, when reading it, should carry the seal and the code', async () => {
    const pdf = await renderOfficialDocument(
      {
        title: '受理通知书',
        docNo: '钟民登受字〔2026〕第0001号',
        addressee: '常州市钟楼区慈善协会申请人：',
        paragraphs: ['你单位的申请已受理。'],
        authority: '常州市钟楼区民政局',
        date: '2026-11-29',
      },
      { verification: prepared.verification },
    );
    expect(readSealFromPdf(pdf)).toEqual(prepared.seal);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain(formatSealCode(prepared.code));
    // In the top margin, right-aligned with the type area (GB/T 9704 margins).
    const right = 595.28 - 73.7;
    expectClear(
      pdf,
      { xMin: right - 58, yMin: 22, xMax: right, yMax: 80 },
      { width: 595.28, height: 841.89 },
    );
  });
});
