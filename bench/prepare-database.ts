import { createDb } from '../lib/db';
import { seedReferenceData } from '../prisma/seed';
import { deploy } from '../scripts/db';
import { type Account, createAccounts } from './accounts';

/** Migrations (the Wasm schema engine), reference data, staff and `applicants` applicants. */
export async function prepareDatabase(url: string, applicants: number): Promise<Account[]> {
  await deploy(url, 'wasm');
  const db = createDb(url, { maxConnections: 2 });
  try {
    await seedReferenceData(db);
    // The bench measures the workflows, not sign-in: staff sign in once, with a password only
    // (a second factor would need a TOTP secret per reviewer). Sessions are reused for every life.
    await db.ruleSet.create({
      data: {
        process: 'security',
        version: 'bench-security',
        jurisdiction: '000000',
        effectiveFrom: new Date('2014-01-01T00:00:00Z'),
        settings: { mfa: { requiredForStaff: false } },
        note: '基准测试：工作人员不强制双因素认证',
      },
    });
    return await createAccounts(db, applicants);
  } finally {
    await db.$disconnect();
  }
}
