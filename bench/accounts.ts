import { randomBytes } from 'node:crypto';
import type { Db } from '../lib/db';
import { hashPassword } from '../lib/password';

export const PASSWORD = `Bench-${randomBytes(6).toString('hex')}`;
export const REVIEWERS = ['reviewer1', 'reviewer2'] as const;

export interface Account {
  username: string;
  email: string;
}

const STAFF = [
  ['reviewer1', '李审查', 'reviewer'],
  ['reviewer2', '王复核', 'reviewer'],
  ['section', '张科长', 'section_head'],
] as const;

/** Staff and `count` applicants, each with an organisation of their own, written to the DB. */
export async function createAccounts(db: Db, count: number): Promise<Account[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const email = (username: string) => `${username}@bench.zhonglou.example`;
  for (const [username, displayName, role] of STAFF) {
    await db.account.create({
      data: { username, displayName, email: email(username), role, passwordHash },
    });
  }
  const applicants: Account[] = [];
  for (let i = 0; i < count; i++) {
    const username = `applicant${i}`;
    const org = await db.organization.create({ data: { name: `基准测试组织${i}（筹）` } });
    await db.account.create({
      data: {
        username,
        displayName: `申请人${i}`,
        email: email(username),
        role: 'applicant',
        organizationId: org.id,
        passwordHash,
      },
    });
    applicants.push({ username, email: email(username) });
  }
  return applicants;
}
