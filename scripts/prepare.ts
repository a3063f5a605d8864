import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildWeb } from './build-web';
import { prismaGenerate } from './prisma-generate';

/**
 * What every entry point needs before it runs: the generated Prisma client for the current
 * schema.prisma, and the built web front end. Each is redone only when its sources changed.
 */
const ROOT = path.resolve(__dirname, '..');
const SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
const STAMP = path.join(ROOT, 'generated', 'prisma', '.schema-hash');

export function prepare(): void {
  const prismaVersion = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules', 'prisma', 'package.json'), 'utf8'),
  ).version;
  const hash = createHash('sha256')
    .update(readFileSync(SCHEMA))
    .update(prismaVersion)
    .digest('hex');
  if (!existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== hash) {
    console.log('[prepare] generating the Prisma client for prisma/schema.prisma');
    prismaGenerate();
    writeFileSync(STAMP, hash);
  }
  buildWeb();
}

if (require.main === module) prepare();
