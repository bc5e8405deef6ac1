import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import type { Finding } from '../../server/src/core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/src/core/settings';
import { UW106 } from '../../server/src/rules/UW106-pythonPluginMissing';
import { RULES } from '../../server/src/rules/index';
import { applyFix } from './appTestContext';

const ROOT = '/ws/uwsgi.ini';

function run(text: string, settings: Partial<LintSettings> = {}, extra: Record<string, string> = {}): Finding[] {
  const fs = new MemoryFileSystem({ [ROOT]: text, ...extra });
  return analyzeConfig({ path: ROOT, fs, settings: { ...DEFAULT_SETTINGS, ...settings }, rules: [UW106] }).findings;
}

test('a plugin build (plugins line) without python drops module and callable', () => {
  const text = '[uwsgi]\nplugins = http\nhttp = :8080\nmodule = app\ncallable = app\n';
  const findings = run(text);
  assert.deepEqual(findings.map((f) => text.slice(f.start, f.end)), ['module', 'callable']);
  assert.equal(findings[0].severity, 'error');
  assert.match(findings[0].message, /silently drops it/);
  assert.match(findings[0].message, /'http'/);
  // Only the first finding carries the fix, so fix-all adds the line once.
  assert.equal(findings[1].fixes, undefined);
  const fix = findings[0].fixes![0];
  assert.equal(fix.preferred, true);
  assert.equal(applyFix(text, fix, ROOT), '[uwsgi]\nplugins = python3\nplugins = http\nhttp = :8080\nmodule = app\ncallable = app\n');
});

test('buildKind plugin without any plugin line; CRLF and indentation are kept', () => {
  const text = '[uwsgi]\r\n  wsgi-file = app.py\r\n  master = true\r\n';
  const [finding] = run(text, { buildKind: 'plugin' });
  assert.match(finding.message, /plugin build \(`buildKind`\)/);
  assert.equal(applyFix(text, finding.fixes![0], ROOT), '[uwsgi]\r\n  plugins = python3\r\n  wsgi-file = app.py\r\n  master = true\r\n');
});

test('monolithic builds and auto without plugin lines are fine', () => {
  assert.deepEqual(run('[uwsgi]\nmodule = app\n'), []);
  assert.deepEqual(run('[uwsgi]\nplugins = http\nmodule = app\n', { buildKind: 'monolithic' }), []);
});

test('any python plugin spelling counts as loaded', () => {
  for (const line of ['plugins = python3', 'plugin = python311', 'need-plugin = python', 'plugins = http,python3', 'plugins-dir = /x\nplugins = /usr/lib/uwsgi/plugins/python3_plugin.so']) {
    assert.deepEqual(run(`[uwsgi]\n${line}\nmodule = app\n`, { buildKind: 'plugin' }), [], line);
  }
});

test('autoload makes uWSGI look for the plugin itself', () => {
  assert.deepEqual(run('[uwsgi]\nautoload = true\nmodule = app\n', { buildKind: 'plugin' }), []);
});

test('under strict a python option before the plugin line stops uWSGI; fix moves the line up', () => {
  const text = '[uwsgi]\nstrict = true\nmodule = app\nplugins = python3\n';
  const [finding, ...rest] = run(text);
  assert.equal(rest.length, 0);
  assert.equal(text.slice(finding.start, finding.end), 'module');
  assert.match(finding.message, /unknown config directive: module/);
  assert.equal(applyFix(text, finding.fixes![0], ROOT), '[uwsgi]\nplugins = python3\nstrict = true\nmodule = app\n');
  assert.deepEqual(run('[uwsgi]\nmodule = app\nplugins = python3\n'), []);
  assert.deepEqual(run('[uwsgi]\nstrict = true\nplugins = python3\nmodule = app\n'), []);
});

test('the fix lands in the included file that holds the first python option', () => {
  const findings = run('[uwsgi]\nplugins = http\nini = app.ini\n', {}, { '/ws/app.ini': '[uwsgi]\nmodule = app\n' });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].file, '/ws/app.ini');
  assert.equal(applyFix('[uwsgi]\nmodule = app\n', findings[0].fixes![0], '/ws/app.ini'), '[uwsgi]\nplugins = python3\nmodule = app\n');
});

test('UW106 is registered', () => {
  assert.ok(RULES.includes(UW106));
});
