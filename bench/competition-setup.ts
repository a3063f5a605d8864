import { randomBytes, scryptSync } from 'node:crypto';
import { createDb } from '../lib/db';
import { seedReferenceData } from '../prisma/seed';
import { deploy } from '../scripts/db';
import { login } from './api-client';

export const BENCH_PASSWORD = `Bench-${randomBytes(6).toString('hex')}`;

/**
 * The product's scrypt format with a lower work factor (the parameters travel with the hash):
 * thousands of bench logins would otherwise measure password hashing, not the round.
 */
function fastHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 2 ** 10, r: 8, p: 1 });
  return `scrypt$${2 ** 10}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export interface RoundPeople {
  admin: string;
  reviewer: string;
  finance: string;
  evaluator: string;
  firstJudges: { id: string; token: string }[];
  roadshowJudges: { id: string; token: string }[];
  applicants: { token: string; orgName: string }[];
}

/** Migrations, reference data, officials, judges and `n` registered organisations with a login each. */
export async function prepareRound(
  url: string,
  baseUrl: string,
  n: number,
  judges: { first: number; roadshow: number },
  pool: <T, R>(items: T[], f: (t: T) => Promise<R>) => Promise<R[]>,
): Promise<RoundPeople> {
  await deploy(url, 'wasm');
  const db = createDb(url, { maxConnections: 4 });
  try {
    await seedReferenceData(db);
    const passwordHash = fastHash(BENCH_PASSWORD);
    const email = (u: string) => `${u}@bench.zhonglou.example`;
    const staff = async (username: string, role: string) => {
      const a = await db.account.create({
        data: {
          username,
          displayName: username,
          email: email(username),
          role: role as never,
          passwordHash,
        },
      });
      return { id: a.id, token: await login(baseUrl, username, BENCH_PASSWORD) };
    };
    const officials = await Promise.all(
      ['administrator', 'reviewer', 'finance', 'evaluator'].map((r) => staff(`c-${r}`, r)),
    );
    const first = await pool([...Array(judges.first).keys()], (i) => staff(`c-judge${i}`, 'judge'));
    const roadshow = await pool([...Array(judges.roadshow).keys()], (i) =>
      staff(`c-roadshow${i}`, 'judge'),
    );
    const applicants = await pool([...Array(n).keys()], async (i) => {
      const orgName = `常州市钟楼区公益服务中心${i}`;
      const org = await db.organization.create({
        data: {
          name: orgName,
          status: 'registered',
          legalForm: 'private_non_enterprise',
          registeredAt: new Date('2020-01-01T00:00:00Z'),
          inspections: { create: { year: new Date().getFullYear() - 1, result: 'pass' } },
        },
      });
      const username = `c-applicant${i}`;
      await db.account.create({
        data: {
          username,
          displayName: username,
          email: email(username),
          role: 'applicant',
          organizationId: org.id,
          passwordHash,
        },
      });
      return { token: await login(baseUrl, username, BENCH_PASSWORD), orgName };
    });
    const [admin, reviewer, finance, evaluator] = officials.map((o) => o.token) as [
      string,
      string,
      string,
      string,
    ];
    return {
      admin,
      reviewer,
      finance,
      evaluator,
      firstJudges: first,
      roadshowJudges: roadshow,
      applicants,
    };
  } finally {
    await db.$disconnect();
  }
}
