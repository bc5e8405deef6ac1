import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UwsgiVersion } from '../../server/src/core/settings';
import { UW405 } from '../../server/src/rules/UW405-dieOnTermInContainer';
import { applyFix, runRules } from './helpers/runRule';

const INI = '/app/uwsgi.ini';
const DOCKERFILE = 'FROM python:3.12\nWORKDIR /app\nCOPY . /app\nCMD ["uwsgi", "--ini", "/app/uwsgi.ini"]\n';
const run = (ini: string, files: Record<string, string> = { '/app/Dockerfile': DOCKERFILE }, version: UwsgiVersion = '2.0.30') =>
  runRules([UW405], { [INI]: ini, ...files }, { settings: { uwsgiVersion: version } });

test('UW405: a 2.0 master as the container\'s main process without die-on-term; preferred fix', () => {
  const ini = '[uwsgi]\r\nmodule = app:app\r\nmaster = true\r\nprocesses = 4\r\n';
  const [finding] = run(ini);
  assert.equal(finding.severity, 'information');
  assert.equal(ini.slice(finding.start, finding.end), 'master = true');
  assert.match(finding.message, /brutal reload/);
  assert.equal(DOCKERFILE.slice(finding.related![0].start, finding.related![0].end), '/app/uwsgi.ini');
  assert.equal(finding.fixes![0].preferred, true);
  const fixed = applyFix(ini, finding);
  assert.equal(fixed, '[uwsgi]\r\nmodule = app:app\r\nmaster = true\r\nprocesses = 4\r\ndie-on-term = true\r\n');
  assert.deepEqual(run(fixed), [], 'idempotent');
});

test('UW405: an option that forces the master, and a compose service running uwsgi', () => {
  const ini = '[uwsgi]\nmodule = app:app\nstats = :9191\n';
  const compose = 'services:\n  web:\n    image: shop\n    command: uwsgi --ini /app/uwsgi.ini\n';
  const [finding] = run(ini, { '/app/docker-compose.yml': compose });
  assert.equal(ini.slice(finding.start, finding.end), 'stats = :9191');
  assert.match(finding.message, /docker-compose.yml service web/);
});

test('UW405: 2.1, no master, die-on-term set (ini, env, command line), other stop signals, or no container are fine', () => {
  const ini = '[uwsgi]\nmaster = true\n';
  assert.deepEqual(run(ini, undefined, '2.1'), []);
  assert.deepEqual(run('[uwsgi]\nmodule = app:app\n'), []);
  assert.deepEqual(run('[uwsgi]\nmaster = true\ndie-on-term = true\n'), []);
  assert.deepEqual(run(ini, { '/app/Dockerfile': DOCKERFILE.replace('CMD', 'ENV UWSGI_DIE_ON_TERM=1\nCMD') }), []);
  assert.deepEqual(run(ini, { '/app/Dockerfile': DOCKERFILE.replace('"/app/uwsgi.ini"', '"/app/uwsgi.ini", "--die-on-term"') }), []);
  assert.deepEqual(run(ini, { '/app/Dockerfile': DOCKERFILE + 'STOPSIGNAL SIGINT\n' }), []);
  assert.deepEqual(run('[uwsgi]\nmaster = true\nhook-master-start = unix_signal:15 gracefully_kill_them_all\n'), []);
  assert.deepEqual(run(ini, {}), []);
  assert.deepEqual(run(ini, { '/app/uwsgi.service': '[Service]\nExecStart=/usr/bin/uwsgi --ini /app/uwsgi.ini\n' }), [], 'systemd is not a container');
  assert.equal(run(ini, { '/app/Dockerfile': DOCKERFILE + 'STOPSIGNAL SIGTERM\n' }).length, 1, 'SIGTERM is the default anyway');
});
