import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_KEYS, loadConfig } from '../../lib/config';
import { generateSigningKeyPem } from '../../lib/document-seal';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

/**
 * There is no Docker engine where the tests run, so docker-compose.yml, the Dockerfile and
 * .env.example are checked statically against the code they deploy: config keys, commands,
 * ports, healthchecks, dependencies, search attributes, image pins.
 */

// js-yaml 3 arrives through Jest's own dependencies (no types shipped, none installed).
const yaml = require('js-yaml') as { safeLoad(text: string): unknown };

type Scalar = string | number | boolean | null;
interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, Scalar> | string[];
  ports?: string[];
  volumes?: string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
}

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const exists = (file: string) => existsSync(path.join(root, file));

const compose = yaml.safeLoad(read('docker-compose.yml')) as { services: Record<string, Service> };
const services = compose.services;
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
const configKeys = new Set<string>(CONFIG_KEYS);
const APP_SERVICES = ['api', 'worker', 'migrate'];

/** What a user puts in .env: the values compose demands with `${VAR:?…}`. */
const DOT_ENV: Record<string, string> = {
  POSTGRES_PASSWORD: 'compose-test-password',
  SESSION_SECRET: 's'.repeat(64),
  // One line, as .env holds it.
  DOCUMENT_SIGNING_KEY: generateSigningKeyPem().replaceAll('\n', '\\n'),
};
const INTERPOLATION = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/** Compose's `${VAR}`, `${VAR:-default}`, `${VAR:?error}` against DOT_ENV; `$$` is a literal $. */
function interpolate(value: string): string {
  return value
    .replace(INTERPOLATION, (_match, name: string, op: string | undefined, arg: string) => {
      const given = DOT_ENV[name];
      if (given !== undefined) return given;
      if (op?.endsWith('-')) return arg;
      throw new Error(`\${${name}} has no default and no sample value in DOT_ENV`);
    })
    .replaceAll('$$', '$');
}

function rawEnvironment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => [line.split('=')[0]!, line.slice(line.indexOf('=') + 1)])
    : Object.entries(env).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries);
}

function environment(service: Service): Record<string, string> {
  const raw = rawEnvironment(service);
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, interpolate(value)]));
}

function words(command: string | string[] | undefined): string[] {
  if (command === undefined) return [];
  return typeof command === 'string' ? command.trim().split(/\s+/) : command;
}

/** The simple commands a container runs: `sh -c "a && b"` is two. */
function steps(command: string | string[] | undefined): string[][] {
  const w = words(command);
  if (w[0] === 'sh' && w[1] === '-c' && w[2]) return w[2].split('&&').map((s) => words(s));
  return w.length ? [w] : [];
}

/** Why a step cannot run in this repository: a missing npm script or file, or an unknown shape. */
function problemsOf(step: string[]): string[] {
  const [tool, verb, target] = step;
  if (tool === 'npm' && verb === 'run' && target) {
    const script = scripts[target];
    if (!script) return [`npm script "${target}" does not exist`];
    const files = [...script.matchAll(/\btsx\s+(\S+\.ts)\b/g)].map((m) => m[1]!);
    return files.filter((f) => !exists(f)).map((f) => `"${target}" runs missing file ${f}`);
  }
  if (tool === 'npx' && verb === 'tsx' && target) {
    return exists(target) ? [] : [`missing file ${target}`];
  }
  if (tool === 'tsx' && verb) return exists(verb) ? [] : [`missing file ${verb}`];
  return [`unrecognised command: ${step.join(' ')}`];
}

/** The npm script a command runs: `npm run x`, or the words of script x started directly. */
function scriptRunBy(command: string | string[] | undefined): string | undefined {
  const w = words(command);
  if (w[0] === 'npm' && w[1] === 'run') return w[2];
  return Object.keys(scripts).find((name) => words(scripts[name]).join(' ') === w.join(' '));
}

function dependencies(service: Service): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(
    Object.entries(deps).map(([name, d]) => [name, d.condition ?? 'service_started']),
  );
}

const isOneShot = (service: Service) => service.restart === 'no';
const hasHealthcheck = (service: Service) =>
  Boolean(service.healthcheck?.test) && service.healthcheck?.disable !== true;

/** "127.0.0.1:8233:8080" → { host: 8233, container: 8080 }. */
function portMapping(spec: string): { host: number; container: number } {
  const parts = spec.replace(/\/(tcp|udp)$/, '').split(':');
  const container = Number(parts.at(-1));
  return { host: parts.length > 1 ? Number(parts.at(-2)) : container, container };
}

function dotEnvExample(): { active: Record<string, string>; documented: Set<string> } {
  const active: Record<string, string> = {};
  const documented = new Set<string>();
  for (const line of read('.env.example').split('\n')) {
    const m = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!m) continue;
    documented.add(m[2]!);
    if (!m[1]) active[m[2]!] = m[3]!.replace(/^"(.*)"$/, '$1');
  }
  return { active, documented };
}

describe('docker-compose.yml: the app environment', () => {
  it.each(APP_SERVICES)(
    'given the %s service, when listing its environment keys, should name only keys lib/config.ts reads',
    (name) => {
      const unknown = Object.keys(rawEnvironment(services[name]!)).filter(
        (k) => !configKeys.has(k),
      );
      expect(unknown).toEqual([]);
    },
  );

  it.each(APP_SERVICES)(
    'given the %s environment with .env values substituted, when loading the config, should parse as production',
    (name) => {
      const config = loadConfig(environment(services[name]!));
      expect(config.NODE_ENV).toBe('production');
      expect(config.DATABASE_URL).toMatch(/@postgres:5432\/minzheng$/);
    },
  );

  it('given the worker environment, when loading the config, should send mail through mailpit and reach temporal', () => {
    const config = loadConfig(environment(services.worker!));
    expect(config.SMTP_URL).toBe('smtp://mailpit:1025');
    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('given a compose fallback for a key .env may override, when .env leaves it out, should equal the default of lib/config.ts', () => {
    const defaults = loadConfig({}) as unknown as Record<string, unknown>;
    const drift: string[] = [];
    for (const name of APP_SERVICES) {
      for (const [key, value] of Object.entries(rawEnvironment(services[name]!))) {
        const m = /^\$\{([A-Z0-9_]+):-(.*)\}$/.exec(value);
        if (m && m[1] === key && String(defaults[key]) !== m[2]) {
          drift.push(`${name}.${key}: compose ${m[2]} vs config ${String(defaults[key])}`);
        }
      }
    }
    expect(drift).toEqual([]);
  });
});

describe('.env.example', () => {
  it('given lib/config.ts, when looking for each config key, should document every one', () => {
    const { documented } = dotEnvExample();
    expect(CONFIG_KEYS.filter((k) => !documented.has(k))).toEqual([]);
  });

  it('given its uncommented lines, when loading them as the environment of `npm start`, should parse in embedded mode', () => {
    const { active } = dotEnvExample();
    expect(Object.keys(active).filter((k) => !configKeys.has(k))).toEqual([]);
    const config = loadConfig(active);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.SMTP_URL).toBeUndefined();
  });

  it('given the values compose demands from .env, when reading .env.example, should document each of them', () => {
    const demanded = new Set(
      [...read('docker-compose.yml').matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]!),
    );
    const { documented } = dotEnvExample();
    expect([...demanded].filter((k) => !documented.has(k))).toEqual([]);
  });
});

describe('docker-compose.yml: commands and ports', () => {
  it.each(APP_SERVICES)(
    'given the %s command, when resolving it, should name npm scripts and files that exist',
    (name) => {
      const all = steps(services[name]!.command);
      expect(all.length).toBeGreaterThan(0);
      expect(all.flatMap(problemsOf)).toEqual([]);
    },
  );

  it.each(['api', 'worker'])(
    'given the %s command, when comparing it with package.json, should run `npm run %s`',
    (name) => {
      expect(scriptRunBy(services[name]!.command)).toBe(name);
    },
  );

  it('given the migrate job, when reading its steps, should apply migrations before seeding', () => {
    const all = steps(services.migrate!.command).map((s) => s.join(' '));
    expect(all).toEqual(['npx tsx scripts/db.ts deploy', 'npx tsx prisma/seed.ts']);
  });

  it('given the api PORT, when reading the port mappings and healthcheck, should publish and probe that port', () => {
    const api = services.api!;
    const port = Number(environment(api).PORT);
    const mappings = (api.ports ?? []).map(portMapping);
    expect(mappings.map((m) => m.container)).toContain(port);
    const published = mappings.find((m) => m.container === port)!.host;
    expect(new URL(environment(api).PUBLIC_URL!).port || '80').toBe(String(published));
    expect(words(api.healthcheck?.test).join(' ')).toContain(`:${port}/readyz`);
  });

  it('given the temporal-ui service, when reading TEMPORAL_UI_URL, should publish the UI at that port', () => {
    const uiUrl = new URL(environment(services.api!).TEMPORAL_UI_URL!);
    const hosts = (services['temporal-ui']!.ports ?? []).map((p) => portMapping(p).host);
    expect(hosts).toContain(Number(uiUrl.port));
  });

  it('given files mounted or run by a service, when looking for them, should find each in the repository', () => {
    const missing: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('./') && !exists(source)) missing.push(`${name}: ${source}`);
      }
      for (const word of words(service.healthcheck?.test)) {
        if (/^deploy\//.test(word) && !exists(word)) missing.push(`${name}: ${word}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('docker-compose.yml: healthchecks and start order', () => {
  it('given every service, when reading its healthcheck, should have one unless it is a one-shot job', () => {
    const unchecked = Object.entries(services)
      .filter(([, s]) => !hasHealthcheck(s) && !isOneShot(s))
      .map(([name]) => name);
    expect(unchecked).toEqual([]);
  });

  it('given every depends_on, when resolving it, should name an existing service in a state it can reach', () => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      for (const [dep, condition] of Object.entries(dependencies(service))) {
        const target = services[dep];
        if (!target) problems.push(`${name} -> ${dep}: no such service`);
        else if (condition === 'service_healthy' && !hasHealthcheck(target))
          problems.push(`${name} -> ${dep}: waits for health that is never checked`);
        else if (condition === 'service_completed_successfully' && !isOneShot(target))
          problems.push(`${name} -> ${dep}: waits for a long-running service to exit`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(['api', 'worker'])(
    'given the %s service, when starting, should wait for migrations and search attributes',
    (name) => {
      expect(dependencies(services[name]!)).toMatchObject({
        migrate: 'service_completed_successfully',
        'temporal-init': 'service_completed_successfully',
        postgres: 'service_healthy',
        temporal: 'service_healthy',
      });
    },
  );

  it('given the worker healthcheck, when it looks for the worker process, should look for the file `npm run worker` starts', () => {
    const test = words(services.worker!.healthcheck?.test);
    const needle = test[test.indexOf('process') + 1];
    expect(needle).toBeDefined();
    expect(scripts.worker).toContain(needle);
  });
});

describe('docker-compose.yml: Temporal search attributes', () => {
  it('given the temporal-init job, when reading what it registers, should equal SEARCH_ATTRIBUTES of the workflows', () => {
    const pairs = environment(services['temporal-init']!).SEARCH_ATTRIBUTES!.split(/\s+/);
    const registered = Object.fromEntries(pairs.map((p) => p.split('=')));
    expect(registered).toEqual(SEARCH_ATTRIBUTES);
  });

  it('given the temporal-init job, when reading its entrypoint, should run the mounted script that creates them', () => {
    const init = services['temporal-init']!;
    const script = words(init.entrypoint).find((w) => w.endsWith('.sh'))!;
    const mount = (init.volumes ?? []).find((v) => v.split(':')[1] === script);
    expect(mount).toBeDefined();
    expect(read(mount!.split(':')[0]!)).toContain('temporal operator search-attribute create');
  });
});

describe('images', () => {
  it('given every service that pulls an image, when reading its tag, should pin a version, never latest', () => {
    const unpinned = Object.entries(services)
      .filter(([, s]) => !s.build)
      .map(([name, s]) => [name, s.image ?? ''] as const)
      .filter(([, image]) => {
        const tag = /:([^/:@]+)$/.exec(image)?.[1];
        return !image.includes('@sha256:') && (!tag || tag === 'latest' || !/\d/.test(tag));
      })
      .map(([name, image]) => `${name}: ${image || '(none)'}`);
    expect(unpinned).toEqual([]);
  });

  it('given the Dockerfile, when reading its base image and CMD, should pin Node 20 and run `npm run api`', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^FROM node:20[.\w-]*\s*$/m);
    expect(dockerfile).not.toMatch(/^ENTRYPOINT\b/m);
    const cmd = /^CMD\s+(.+)$/m.exec(dockerfile)?.[1]?.trim() ?? '';
    const command = cmd.startsWith('[') ? (JSON.parse(cmd) as string[]) : words(cmd);
    expect(scriptRunBy(command)).toBe('api');
    expect(problemsOf(command)).toEqual([]);
  });
});
