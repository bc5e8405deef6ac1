import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import type { Finding } from '../../server/src/core/finding';
import { DEFAULT_SETTINGS, type UwsgiVersion } from '../../server/src/core/settings';
import { UW107 } from '../../server/src/rules/UW107-versionMismatch';
import { RULES } from '../../server/src/rules/index';
import { applyFix } from './appTestContext';

const ROOT = '/ws/uwsgi.ini';

function run(text: string, uwsgiVersion: UwsgiVersion): Finding[] {
  const fs = new MemoryFileSystem({ [ROOT]: text });
  return analyzeConfig({ path: ROOT, fs, settings: { ...DEFAULT_SETTINGS, uwsgiVersion }, rules: [UW107] }).findings;
}

test('dynamic-apps on 2.0.30 names the version that has it', () => {
  const text = '[uwsgi]\nmodule = app\ndynamic-apps = true\n';
  const [finding, ...rest] = run(text, '2.0.30');
  assert.equal(rest.length, 0);
  assert.equal(text.slice(finding.start, finding.end), 'dynamic-apps');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /does not exist in uWSGI 2\.0\.30/);
  assert.match(finding.message, /only 2\.1 \(master, unreleased\) has it/);
  assert.deepEqual(run(text, '2.1'), []);
});

test('2.0.30 options on 2.0.21, 2.0-only options on 2.1', () => {
  const [graceful] = run('[uwsgi]\nharakiri-graceful-timeout = 5\n', '2.0.21');
  assert.match(graceful.message, /only 2\.0\.30 and 2\.1 \(master, unreleased\) have it/);
  const [shutdown] = run('[uwsgi]\nshutdown-sockets = true\n', '2.1');
  assert.match(shutdown.message, /only 2\.0\.21 and 2\.0\.30 have it/);
  assert.deepEqual(run('[uwsgi]\nharakiri-graceful-timeout = 5\n', '2.0.30'), []);
});

test('else exists only on master', () => {
  const text = '[uwsgi]\nif-env = PROD\nprocesses = 8\nelse =\nprocesses = 2\nendif =\n';
  const findings = run(text, '2.0.30');
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0].start, findings[0].end), 'else');
  assert.deepEqual(run(text, '2.1'), []);
});

test('under strict the missing option is fatal', () => {
  const [finding] = run('[uwsgi]\nstrict = true\nreload-on-pss = 200\n', '2.0.21');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /refuses to start/);
});

test('die-on-term is a deprecated no-op on 2.1, tagged deprecated, with a removal fix', () => {
  const text = '[uwsgi]\nmaster = true\ndie-on-term = true\nmodule = app\n';
  const [finding, ...rest] = run(text, '2.1');
  assert.equal(rest.length, 0);
  assert.deepEqual(finding.tags, ['deprecated']);
  assert.equal(finding.severity, 'hint');
  assert.match(finding.message, /deprecated in uWSGI 2\.1/);
  assert.equal(applyFix(text, finding.fixes![0], ROOT), '[uwsgi]\nmaster = true\nmodule = app\n');
  assert.deepEqual(run(text, '2.0.30'), []);
  assert.deepEqual(run(text, '2.0.21'), []);
});

test('unknown names and placeholders are not this rule\'s business', () => {
  assert.deepEqual(run('[uwsgi]\nlazy_apps = true\nset-placeholder = dynamic-apps=1\n', '2.0.30'), []);
});

test('UW107 is registered', () => {
  assert.ok(RULES.includes(UW107));
});
