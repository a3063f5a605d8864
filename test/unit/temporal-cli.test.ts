import path from 'node:path';
import {
  goInstallProgress,
  TEMPORAL_CLI_VERSION,
  temporalCliCacheDir,
  temporalCliCandidates,
} from '../../lib/temporal-cli';
import { localTestEnvOptions, temporalDevServerArgs } from '../../lib/temporal-dev-server';

const host = {
  PATH: ['/opt/bin', '', 'relative/bin', '/usr/bin'].join(path.delimiter),
  HOME: '/home/mz',
};
const cacheFile = `/home/mz/.cache/minzheng-flow/temporal-cli-${TEMPORAL_CLI_VERSION}/temporal`;

describe('where the Temporal CLI is looked for', () => {
  it('given no explicit path, when listing candidates, should try absolute PATH entries in order, then the build cache', () => {
    expect(temporalCliCandidates(undefined, host)).toEqual([
      { source: 'path', file: '/opt/bin/temporal' },
      { source: 'path', file: '/usr/bin/temporal' },
      { source: 'cache', file: cacheFile },
    ]);
  });

  it('given an explicit path, when listing candidates, should try only it so a wrong path fails loudly', () => {
    expect(temporalCliCandidates('/srv/temporal', host)).toEqual([
      { source: 'explicit', file: '/srv/temporal' },
    ]);
  });

  it('given a relative explicit path, when listing candidates, should resolve it against the working directory', () => {
    expect(temporalCliCandidates('bin/temporal', host)[0]?.file).toBe(path.resolve('bin/temporal'));
  });

  it('given XDG_CACHE_HOME, when choosing the cache dir, should use it instead of ~/.cache', () => {
    expect(temporalCliCacheDir({ ...host, XDG_CACHE_HOME: '/var/cache/mz' })).toBe(
      `/var/cache/mz/minzheng-flow/temporal-cli-${TEMPORAL_CLI_VERSION}`,
    );
  });

  it('given a relative XDG_CACHE_HOME, when choosing the cache dir, should ignore it as the XDG spec says', () => {
    expect(temporalCliCacheDir({ ...host, XDG_CACHE_HOME: 'cache' })).toBe(path.dirname(cacheFile));
  });
});

describe('the dev server command line', () => {
  it('given every option, when building args, should pass each as its start-dev flag', () => {
    expect(
      temporalDevServerArgs({
        dbFile: '/data/temporal.sqlite',
        ip: '0.0.0.0',
        port: 7233,
        uiPort: 8233,
        namespace: 'minzheng',
        searchAttributes: { MzStatus: 'Keyword', MzScore: 'Int' },
      }),
    ).toEqual([
      'server',
      'start-dev',
      '--ip',
      '0.0.0.0',
      '--port',
      '7233',
      '--ui-port',
      '8233',
      '--db-filename',
      '/data/temporal.sqlite',
      '--namespace',
      'minzheng',
      '--search-attribute',
      'MzStatus=Keyword',
      '--search-attribute',
      'MzScore=Int',
      '--log-level',
      'warn',
    ]);
  });

  it('given headless and no ports, when building args, should bind loopback, disable the UI and keep state in memory', () => {
    expect(temporalDevServerArgs({ headless: true, uiPort: 8233 })).toEqual([
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--headless',
      '--log-level',
      'warn',
    ]);
  });

  it('given a search attribute name that is not an identifier, when building args, should refuse it', () => {
    expect(() => temporalDevServerArgs({ searchAttributes: { 'mz-status': 'Keyword' } })).toThrow(
      /not an identifier/,
    );
  });
});

describe('options for TestWorkflowEnvironment.createLocal', () => {
  it('given a CLI, when building options, should run it as an existing path with typed search attributes', () => {
    expect(localTestEnvOptions('/bin/temporal', { MzStatus: 'Keyword' })).toEqual({
      server: {
        executable: { type: 'existing-path', path: '/bin/temporal' },
        searchAttributes: [{ name: 'MzStatus', type: 'KEYWORD' }],
      },
    });
  });

  it('given no CLI, when building options, should leave the executable to the SDK download', () => {
    expect(localTestEnvOptions(undefined).server).not.toHaveProperty('executable');
  });
});

describe('progress of the first Temporal CLI build', () => {
  it('given no output yet, should say it is resolving modules', () => {
    expect(goInstallProgress().describe(0)).toMatch(/resolving modules/);
  });

  it('given go’s download lines split across chunks, should count them and name the last', () => {
    const progress = goInstallProgress();
    progress.read(
      'go: downloading github.com/temporalio/cli v1.5.1\ngo: downloading go.temporal.io/',
      1_000,
    );
    progress.read('server v1.29.1\n', 2_000);
    expect(progress.describe(3_000)).toBe(
      'Temporal CLI build: downloading Go modules (2 so far, last go.temporal.io/server)',
    );
  });

  it('given ten quiet seconds after the last download, should say it is compiling', () => {
    const progress = goInstallProgress();
    progress.read('go: downloading go.temporal.io/server v1.29.1\n', 1_000);
    expect(progress.describe(11_000)).toBe(
      'Temporal CLI build: compiling (1 Go modules downloaded)',
    );
  });
});
