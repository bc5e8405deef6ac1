import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import type { Finding } from '../../server/src/core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/src/core/settings';
import { UW101 } from '../../server/src/rules/UW101-unknownOption';
import { RULES } from '../../server/src/rules/index';
import { applyFix } from './appTestContext';

const ROOT = '/ws/uwsgi.ini';

function run(text: string, settings: Partial<LintSettings> = {}, extra: Record<string, string> = {}): Finding[] {
  const fs = new MemoryFileSystem({ [ROOT]: text, ...extra });
  return analyzeConfig({ path: ROOT, fs, settings: { ...DEFAULT_SETTINGS, ...settings }, rules: [UW101] }).findings;
}

test('lazy_apps is unknown, explained, with one preferred fix to lazy-apps on the key only', () => {
  const text = '[uwsgi]\nmaster = true\nlazy_apps = true\n';
  const [finding, ...rest] = run(text);
  assert.equal(rest.length, 0);
  assert.equal(finding.code, 'UW101');
  assert.equal(finding.severity, 'warning');
  assert.equal(text.slice(finding.start, finding.end), 'lazy_apps');
  assert.match(finding.message, /never turns '_' into '-'/);
  assert.match(finding.message, /silently ignores/);
  const preferred = finding.fixes!.filter((f) => f.preferred);
  assert.equal(preferred.length, 1);
  assert.equal(applyFix(text, preferred[0], ROOT), '[uwsgi]\nmaster = true\nlazy-apps = true\n');
});

test('one fix per suggestion, none preferred when the candidates are only typos', () => {
  const text = '[uwsgi]\nmodul = app\n';
  const [finding] = run(text);
  assert.ok(finding.fixes!.length >= 1);
  assert.ok(finding.fixes!.some((f) => applyFix(text, f, ROOT) === '[uwsgi]\nmodule = app\n'));
  assert.equal(finding.fixes!.filter((f) => f.preferred).length, 0);
});

test('known options, aliases and keys in other sections are not reported', () => {
  const text = '[uwsgi]\nworkers = 2\nvenv = /v\nmodule = app\nhttp = :8080\n\n[other]\nnot_an_option = 1\n';
  assert.deepEqual(run(text), []);
});

test('a key used as %(key) or by if-opt is a placeholder, not a typo', () => {
  const text = '[uwsgi]\nbase = /srv/app\nchdir = %(base)\nworkers_count = 4\nprocesses = %(workers_count + 1)\nflag_x = 1\nif-opt = flag_x\nendif =\n';
  assert.deepEqual(run(text), []);
});

test('under strict an undeclared placeholder is fatal; fix declares it with set-placeholder', () => {
  const text = '[uwsgi]\nstrict = true\nbase = /srv/app\nchdir = %(base)\n';
  const [finding] = run(text);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /set-placeholder/);
  assert.equal(applyFix(text, finding.fixes![0], ROOT), '[uwsgi]\nstrict = true\nset-placeholder = base=/srv/app\nchdir = %(base)\n');
});

test('under strict an unknown key is an error', () => {
  const [finding] = run('[uwsgi]\nstrict = true\nlazy_apps = true\n');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /refuses to start/);
});

test('set-placeholder and declare-option names are not unknown', () => {
  const text = '[uwsgi]\nset-placeholder = base=/srv\nset-ph = x=1\ndeclare-option = mysock=socket=%(_)\nmysock = /tmp/s.sock\n';
  assert.deepEqual(run(text), []);
});

test('options of another version are left to UW107', () => {
  assert.deepEqual(run('[uwsgi]\ndynamic-apps = true\n', { uwsgiVersion: '2.0.30' }), []);
});

test('an http option on a plugin build that does not load http names the plugin', () => {
  const text = '[uwsgi]\nplugins = python3\nhttp = :8080\nmodule = app\n';
  const [finding, ...rest] = run(text);
  assert.equal(rest.length, 0);
  assert.equal(text.slice(finding.start, finding.end), 'http');
  assert.match(finding.message, /'http' plugin/);
  assert.doesNotMatch(finding.message, /Unknown/);
  assert.equal(applyFix(text, finding.fixes![0], ROOT), '[uwsgi]\nplugins = python3,http\nhttp = :8080\nmodule = app\n');
});

test('plugin options are fine once the plugin is loaded, by any spelling', () => {
  assert.deepEqual(run('[uwsgi]\nplugins = python3, 0:http\nhttp = :8080\n'), []);
  assert.deepEqual(run('[uwsgi]\nneed-plugin = /usr/lib/uwsgi/plugins/http_plugin.so\nhttp = :8080\n'), []);
  assert.deepEqual(run('[uwsgi]\nplugins = python3\nautoload = true\nhttp = :8080\n'), []);
});

test('buildKind plugin without any plugin line: http options are flagged, with a plugins line added above', () => {
  const text = '[uwsgi]\nhttp = :8080\n';
  const [finding] = run(text, { buildKind: 'plugin' });
  assert.equal(applyFix(text, finding.fixes![0], ROOT), '[uwsgi]\nplugins = http\nhttp = :8080\n');
  assert.deepEqual(run(text, { buildKind: 'monolithic' }), []);
});

test('python options are left to UW106', () => {
  assert.deepEqual(run('[uwsgi]\nplugins = http\nmodule = app\n'), []);
});

test('a non-embedded plugin option on a monolithic build is information, not unknown', () => {
  const [finding] = run('[uwsgi]\nphp-index = index.php\n', { buildKind: 'monolithic' });
  assert.equal(finding.severity, 'information');
  assert.match(finding.message, /'php' plugin/);
});

test('findings land in the included file that owns the key', () => {
  const findings = run('[uwsgi]\nini = common.ini\n', {}, { '/ws/common.ini': '[uwsgi]\nenable_threads = true\n' });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].file, '/ws/common.ini');
});

test('UW101 is registered', () => {
  assert.ok(RULES.includes(UW101));
});
