import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEffectiveConfig } from '../../server/src/config/effectiveConfig';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS, type UwsgiVersion } from '../../server/src/core/settings';
import type { UwsgiEnvironmentSetting } from '../../server/src/deploy/uwsgiEnvironment';
import { buildForkModel } from '../../server/src/fork/forkModel';

function model(ini: string, version: UwsgiVersion = '2.0.30', environment: UwsgiEnvironmentSetting[] = []) {
  const fs = new MemoryFileSystem({ '/w/app.ini': ini });
  const settings = { ...DEFAULT_SETTINGS, uwsgiVersion: version };
  return buildForkModel(loadEffectiveConfig({ rootPath: '/w/app.ini', fs, settings, environment }), version);
}

test('defaults: no master, one process → no fork after the app loads', () => {
  const m = model('[uwsgi]\nmodule = wsgi:app\n');
  assert.equal(m.preforkApp, false);
  assert.equal(m.master, false);
});

test('master or processes > 1 preforks; lazy-apps and lazy stop it', () => {
  assert.equal(model('[uwsgi]\nmaster = true\nprocesses = 4\n').preforkApp, true);
  assert.equal(model('[uwsgi]\nprocesses = 2\n').preforkApp, true);
  assert.equal(model('[uwsgi]\nworkers = 2\n').preforkApp, true);
  assert.equal(model('[uwsgi]\nmaster = true\nprocesses = 4\nlazy-apps = true\n').preforkApp, false);
  assert.equal(model('[uwsgi]\nmaster = true\nprocesses = 4\nlazy = 1\n').preforkApp, false);
});

test('uWSGI truthiness traps decide the mode', () => {
  assert.equal(model('[uwsgi]\nmaster = true\nlazy-apps = false\n').preforkApp, true);
  assert.equal(model('[uwsgi]\nmaster = true\nlazy-apps = false ; x\n').preforkApp, false);
  assert.equal(model('[uwsgi]\nmaster = true\nlazy-apps =\n').preforkApp, false);
  assert.equal(model('[uwsgi]\nmaster = true\nlazy-apps = "false"\n').preforkApp, false);
  assert.equal(model('[uwsgi]\nmaster = true\nlazy_apps = true\n').preforkApp, true);
  assert.equal(model('[uwsgi]\nmaster = false # off\nprocesses = 1\n').master, true);
  assert.equal(model('[uwsgi]\nmaster = OFF\nprocesses = 1\n').preforkApp, false);
});

test('master with one process forks on every respawn only', () => {
  const m = model('[uwsgi]\nmaster = true\nprocesses = 1\nmax-requests = 1000\n');
  assert.equal(m.preforkApp, true);
  assert.equal(m.respawnOnly, true);
  assert.deepEqual(m.respawnEntries.map((e) => e.option), ['max-requests']);
});

test('options that force a master count; an explicit master = false beats them', () => {
  const forced = model('[uwsgi]\nstats = 127.0.0.1:9191\n');
  assert.equal(forced.master, true);
  assert.equal(forced.preforkApp, true);
  assert.equal(forced.masterForcedBy[0].key, 'stats');
  assert.equal(model('[uwsgi]\nstats = :9191\nmaster = false\n').preforkApp, false);
});

test('entries inside if-* blocks make the verdict conditional', () => {
  const m = model('[uwsgi]\nmaster = true\nif-env = LAZY\nlazy-apps = true\nendif =\n');
  assert.equal(m.preforkApp, 'conditional');
  assert.equal(m.conditionalEntries.length, 1);
});

test('UWSGI_* environment settings feed the verdict and are named', () => {
  const env: UwsgiEnvironmentSetting = {
    variable: 'UWSGI_MASTER', option: 'master', value: '1', via: 'Dockerfile ENV',
    origin: { file: '/w/Dockerfile', start: 0, end: 10 },
  };
  const m = model('[uwsgi]\nmodule = wsgi\n', '2.0.30', [env]);
  assert.equal(m.preforkApp, true);
  assert.equal(m.environmentEntries.length, 1);
  assert.match(m.summary, /UWSGI_MASTER/);
});

test('a deciding value only known at startup (undeclared $(VAR)) makes the verdict conditional, not truthy', () => {
  const lazy = model('[uwsgi]\nmaster = true\nprocesses = 4\nlazy-apps = $(LAZY_APPS)\n');
  assert.equal(lazy.preforkApp, 'conditional');
  assert.equal(lazy.unknownEntries[0].key, 'lazy-apps');
  assert.equal(model('[uwsgi]\nprocesses = $(WORKERS)\n').preforkApp, 'conditional');
  assert.equal(model('[uwsgi]\nmaster = true\nprocesses = $(WORKERS)\n').preforkApp, true, 'a master forks whatever the count');
});

test('$(VAR) declared by the deployment decides like a literal and is named', () => {
  const fs = new MemoryFileSystem({ '/w/app.ini': '[uwsgi]\nmaster = true\nprocesses = 4\nlazy-apps = $(LAZY_APPS)\n' });
  const variables = [{ name: 'LAZY_APPS', value: '0', origin: { file: '/w/Dockerfile', start: 0, end: 1 }, via: 'Dockerfile ENV' }];
  const m = buildForkModel(loadEffectiveConfig({ rootPath: '/w/app.ini', fs, settings: DEFAULT_SETTINGS, variables }), '2.0.30');
  assert.equal(m.preforkApp, true);
  assert.equal(m.variableEntries[0].key, 'lazy-apps');
});

test('no workers (processes = 0, = four, empty): nothing forks after the app loads unless mules or spoolers do', () => {
  assert.equal(model('[uwsgi]\nmaster = true\nprocesses = 0\n').preforkApp, false);
  assert.equal(model('[uwsgi]\nmaster = true\nprocesses = four\n').preforkApp, false);
  assert.equal(model('[uwsgi]\nmaster = true\nprocesses =\n').preforkApp, false);
  assert.equal(model('[uwsgi]\nmaster = true\nprocesses = 0\nmules = 1\n').preforkApp, true);
  assert.equal(model('[uwsgi]\nprocesses = 0\nspooler = /tmp/spool\n').preforkApp, true);
  assert.equal(model('[uwsgi]\nmaster = true\n').preforkApp, true, 'no processes line: one worker');
});

test('shared-import runs before the fork even with lazy-apps', () => {
  const m = model('[uwsgi]\nmaster = true\nlazy-apps = true\n');
  assert.equal(m.preforkApp, false);
  assert.equal(m.preforkShared, true);
});

test('post-fork hooks: postfork needs master and non-lazy; register_at_fork needs osafterfork or fork hooks with threads', () => {
  assert.equal(model('[uwsgi]\nmaster = true\n').postforkRuns, true);
  assert.equal(model('[uwsgi]\nmaster = true\nlazy-apps = true\n').postforkRuns, false);
  assert.equal(model('[uwsgi]\nprocesses = 2\n').uwsgidecoratorsImportable, false);
  assert.equal(model('[uwsgi]\nmaster = true\n').registerAtForkRuns, false);
  assert.equal(model('[uwsgi]\nmaster = true\npy-call-osafterfork = true\n').registerAtForkRuns, true);
  assert.equal(model('[uwsgi]\nmaster = true\npy-call-uwsgi-fork-hooks = true\n', '2.0.21').registerAtForkRuns, false);
  assert.equal(model('[uwsgi]\nmaster = true\npy-call-uwsgi-fork-hooks = true\nenable-threads = true\n', '2.0.21').registerAtForkRuns, true);
  assert.equal(model('[uwsgi]\nmaster = true\npy-call-uwsgi-fork-hooks = true\n', '2.0.30').registerAtForkRuns, true);
});
