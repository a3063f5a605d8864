import { roleSchema } from '../api/auth/session';
import { loadConfig } from '../lib/config';
import { createDb } from '../lib/db';
import { configurePasswordHashing, hashPassword } from '../lib/password';
import { checkNewPassword } from '../lib/password-strength';
import { loadSecurityPolicy } from '../lib/rules/load-security-policy';
import { recordSecurityEvent } from '../lib/security-log';

/**
 * The first accounts of an installation, before anyone can sign in to make them (usually the
 * first security administrator, who makes every other account in the application):
 *
 *   printf '%s' "$PASSWORD" | npm run create-account -- <username> <role> <name> <email>
 *
 * The password is read from standard input (not the command line, which shells keep), checked
 * against the security policy like any other, and the creation is written to the security log.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const [username, role, displayName, email] = process.argv.slice(2);
  if (!username || !role || !displayName || !email)
    throw new Error('usage: create-account <username> <role> <name> <email> (password on stdin)');
  const parsedRole = roleSchema.parse(role);
  if (parsedRole === 'applicant') throw new Error('applicants are made in the application');
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  configurePasswordHashing(config.PASSWORD_HASH_COST);
  const password = await readStdin();
  const db = createDb(config.DATABASE_URL, { maxConnections: 1 });
  try {
    const policy = await loadSecurityPolicy(db, config.DISTRICT_CODE);
    const problems = checkNewPassword(
      password,
      { username, displayName, email, places: [config.DISTRICT_NAME, config.AUTHORITY_NAME] },
      policy.passwords.minLength,
    );
    if (problems.length) throw new Error(`password refused: ${problems.join('; ')}`);
    const acc = await db.account.create({
      data: {
        username,
        displayName,
        email,
        role: parsedRole,
        passwordHash: await hashPassword(password),
      },
    });
    await recordSecurityEvent(db, {
      kind: 'account_created',
      outcome: 'success',
      sourceIp: 'console',
      details: {
        targetAccountId: acc.id,
        targetUsername: username,
        targetRole: parsedRole,
        by: 'create-account',
      },
    });
    console.log(`created ${username} (${parsedRole}) ${acc.id}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
