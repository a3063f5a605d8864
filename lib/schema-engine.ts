import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

/**
 * Prisma's own schema engine, compiled to WebAssembly and driven over @prisma/adapter-pg.
 * It is the same engine `prisma migrate deploy` runs natively, so it writes the same
 * `_prisma_migrations` rows (name, checksum, timestamps) and a connected machine's
 * `prisma migrate deploy` agrees with what it applied.
 */

export const MIGRATIONS_DIR = path.resolve(__dirname, '..', 'prisma', 'migrations');
export const SCHEMA_PATH = path.resolve(__dirname, '..', 'prisma', 'schema.prisma');

const NO_FILTER = { externalTables: [], externalEnums: [] };

// Node has WebAssembly at runtime; its types live in lib.dom, which this project does not load.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: object,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

// Types of the engine's JS surface that we use (the package ships ESM only).
interface WasmEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string }>;
  version(): Promise<string>;
  free(): void;
}

interface MigrationDirectory {
  path: string;
  migrationFile: {
    path: string;
    content: { tag: 'ok'; value: string } | { tag: 'error'; value: string };
  };
}

async function loadEngineModule(): Promise<{
  SchemaEngine: { new: (o: unknown, log: (m: string) => void, a: object) => Promise<WasmEngine> };
}> {
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = await import(gluePath);
  engineReady ??= (async () => {
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  })();
  await engineReady;
  return glue;
}

let engineReady: Promise<void> | undefined;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The engine reads pg_catalog columns of the one-byte "char" type (contype, relkind, …),
 * which adapter-pg does not map; their text form is a one-letter string, so present them
 * as text. Only the migration tooling uses this client; the application never sees it.
 */
class CatalogClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: mirrors pg.Client.query's overloads.
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = (err: Error | null, r: pg.QueryResult) => callback(err, err ? r : asText(r));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const result = (super.query as (...a: any[]) => any)(...args);
    return result && typeof result.then === 'function' ? result.then(asText) : result;
  }
}

function asText(r: pg.QueryResult): pg.QueryResult {
  for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
  return r;
}

/**
 * adapter-pg runs a script by splitting it at every ';', which cuts a PL/pgSQL function body
 * (the audit chain's triggers) apart. The native engine sends a migration whole, as one
 * simple-protocol query; so does this.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (err) {
        (adapter as unknown as { onError(e: unknown): never }).onError(err);
      }
    };
    return adapter;
  }
}

export async function openSchemaEngine(
  databaseUrl: string,
): Promise<WasmEngine & { close(): Promise<void> }> {
  const mod = await loadEngineModule();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    Client: CatalogClient,
    allowExitOnIdle: true,
  });
  const factory = new WholeScriptPg(pool);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (line: string) => logs.push(line),
    adapter,
  );
  return Object.assign(engine, {
    async close() {
      engine.free();
      await pool.end();
    },
  });
}

export async function readMigrations(dir = MIGRATIONS_DIR) {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const migrationDirectories: MigrationDirectory[] = [];
  for (const name of names) {
    const content = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
    migrationDirectories.push({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: content } },
    });
  }
  let lock: string | null = null;
  try {
    lock = await readFile(path.join(dir, 'migration_lock.toml'), 'utf8');
  } catch {
    lock = null;
  }
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lock },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** `prisma migrate deploy`: applies what is not applied yet, in order, recording each. */
export async function applyMigrations(
  databaseUrl: string,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const engine = await openSchemaEngine(databaseUrl);
  try {
    const migrationsList = await readMigrations(dir);
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return out.appliedMigrationNames;
  } finally {
    await engine.close();
  }
}

/** SQL that would take the live database to schema.prisma; empty when they match. */
export async function diffDatabaseToSchema(databaseUrl: string): Promise<string> {
  const engine = await openSchemaEngine(databaseUrl);
  try {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const out = await engine.diff({
      // The Wasm engine reaches the database only through the adapter: "the schema's datasource".
      from: {
        tag: 'schemaDatasource',
        files: [{ path: SCHEMA_PATH, content: schema }],
        configDir: '.',
      },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return emptyDiffToBlank(out.stdout);
  } finally {
    await engine.close();
  }
}

/** The engine prints a comment for an empty diff; normalise it to ''. */
function emptyDiffToBlank(sql: string): string {
  const meaningful = sql
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('--'))
    .join('\n');
  return meaningful === '' ? '' : sql;
}
