import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI on machines where its native schema engine can be downloaded
// (`npx prisma migrate deploy`). Offline, scripts/db.ts runs the same engine compiled to Wasm.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
