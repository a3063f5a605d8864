import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderCertificate } from '../activities/documents/render-certificate';
import { renderOfficialDocument } from '../activities/documents/render-official-document';
import { composeDocument } from '../activities/registration/document-text';
import type { Verification } from '../activities/documents/draw-verification';

/**
 * `npx tsx bench/pdf-micro.ts [--n 40] [--profile file.cpuprofile]`: the CPU of the two PDFs a
 * registration's life draws (the sealed acceptance receipt and the sealed certificate), per
 * life, with each life's own name and numbers so that no cache sees the same text twice.
 */

function verification(i: number): Verification {
  const code = `K7Q2M9XW${String(i).padStart(4, '0')}RT5P`;
  return {
    url: `https://minzheng.example.gov.cn/public/verify/${code}`,
    code: code.replace(/(.{4})(?=.)/g, '$1-'),
    metadata: `MZFSEAL1.${Buffer.from(JSON.stringify({ i, sig: 'x'.repeat(86) })).toString('base64url')}`,
  };
}

const NAMES = ['慈善', '志愿', '养老', '助学', '文化', '体育', '环保', '社工', '科普', '调解'];

function receipt(i: number) {
  const name = `常州市钟楼区${NAMES[i % NAMES.length]}${NAMES[(i * 7 + 3) % NAMES.length]}服务中心${i}`;
  return composeDocument(
    {
      kind: 'acceptance_receipt',
      title: '受理通知书',
      name,
      legalFormLabel: '民办非企业单位',
      applicationNo: `ZL-2026-${String(1000 + i)}`,
      filedOn: '2026-12-01',
      issuedOn: '2026-12-03',
      receiptNo: `钟民登受字〔2026〕第${String(i).padStart(4, '0')}号`,
      acceptedOn: '2026-12-03',
      limits: { decision: '60日', extension: '30日', preparation: '6个月' },
    } as never,
    `钟民登受字〔2026〕第${String(i).padStart(4, '0')}号`,
    '常州市钟楼区民政局',
  );
}

function certificate(i: number) {
  return {
    legalForm: 'private_non_enterprise' as const,
    name: `常州市钟楼区${NAMES[i % NAMES.length]}${NAMES[(i * 3 + 1) % NAMES.length]}服务中心${i}`,
    creditCode: `52320404MJ${String(i).padStart(7, '0')}X`,
    domicile: `常州市钟楼区永红街道广化街${i}号`,
    legalRepresentative: '王建国',
    businessScope: '开展社区养老、助老服务；组织志愿者活动；承接政府购买服务项目。',
    funds: 30_000,
    authority: '常州市钟楼区民政局',
    issuedOn: '2026-12-03',
    registrationNo: `52320404MJ${String(i).padStart(7, '0')}X`,
  };
}

async function life(i: number): Promise<number> {
  const a = await renderOfficialDocument(receipt(i), { verification: verification(i) });
  const b = await renderCertificate(certificate(i), { verification: verification(i + 1) });
  return a.length + b.length;
}

const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

async function main() {
  const { values } = parseArgs({
    options: { n: { type: 'string', default: '40' }, profile: { type: 'string' } },
  });
  const n = Number(values.n);
  let t = performance.now();
  let cpu = process.cpuUsage();
  await life(100_000);
  console.log(
    `first life (font parse): ${cpuMs(cpu).toFixed(0)} ms CPU, ${(performance.now() - t).toFixed(0)} ms`,
  );
  for (let i = 0; i < 5; i++) await life(200_000 + i);
  const session = new Session();
  if (values.profile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  let bytes = 0;
  t = performance.now();
  cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) bytes += await life(i);
  const c = cpuMs(cpu);
  console.log(
    `${n} lives: ${(c / n).toFixed(1)} ms CPU per life, ${((performance.now() - t) / n).toFixed(1)} ms wall, ${Math.round(bytes / n / 1024)} KiB per life`,
  );
  if (values.profile) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(values.profile, JSON.stringify(profile));
    session.disconnect();
  }
}

void main();
