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
    return await createAccounts(db, applicants);
  } finally {
    await db.$disconnect();
  }
}
