import { spawnSync } from 'node:child_process';

/**
 * `prisma generate` without network: the CLI insists on resolving its native schema engine at
 * start even though generate never runs it, so point it at an existing file when none is set.
 */
export function prismaGenerate(): void {
  // biome-ignore lint/style/noProcessEnv: the Prisma CLI child inherits the environment.
  const env = { ...process.env };
  env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
  env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
  const r = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`prisma generate failed with exit code ${r.status}`);
}

if (require.main === module) prismaGenerate();
