import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import type { Finding } from '../../server/src/core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/src/core/settings';
import { UW102 } from '../../server/src/rules/UW102-invalidValue';
import { RULES } from '../../server/src/rules/index';
import { applyFix } from './appTestContext';

const ROOT = '/ws/uwsgi.ini';

function run(text: string, settings: Partial<LintSettings> = {}): Finding[] {
  const fs = new MemoryFileSystem({ [ROOT]: text });
  return analyzeConfig({ path: ROOT, fs, settings: { ...DEFAULT_SETTINGS, ...settings }, rules: [UW102] }).findings;
}

function one(line: string, settings: Partial<LintSettings> = {}): { finding: Finding; text: string } {
  const text = `[uwsgi]\n${line}\n`;
  const findings = run(text, settings);
  assert.equal(findings.length, 1, `${line}: ${JSON.stringify(findings.map((f) => f.message))}`);
  return { finding: findings[0], text };
}

function preferredResult(text: string, finding: Finding): string {
  const fix = finding.fixes?.find((f) => f.preferred);
  assert.ok(fix, 'expected a preferred fix');
  return applyFix(text, fix, ROOT);
}

test('flags given an off-looking value that uWSGI reads as true', () => {
  for (const value of ['disabled', 'none', 'n', '"false"', "'no'", '0.0', 'Disabled', 'null']) {
    const { finding, text } = one(`master = ${value}`);
    assert.match(finding.message, /as true/, value);
    assert.match(finding.message, /'master' is ON/, value);
    assert.equal(text.slice(finding.start, finding.end), value);
    assert.equal(preferredResult(text, finding), '[uwsgi]\nmaster = false\n');
  }
  assert.equal(one('enable-threads = n').finding.code, 'UW102');
});

test('real falsy and truthy flag values are fine; inline comments are left to UW103', () => {
  for (const value of ['false', 'False', 'OFF', 'no', '0', 'true', '1', 'yes', 'on', '']) {
    assert.deepEqual(run(`[uwsgi]\nmaster = ${value}\nlazy-apps = ${value}\n`), [], value);
  }
  assert.deepEqual(run('[uwsgi]\nmaster\n'), []);
  assert.deepEqual(run('[uwsgi]\nlazy-apps = false ; later\n'), []);
});

test('non-numeric integers read as 0; number words get a fix', () => {
  const { finding, text } = one('processes = four');
  assert.match(finding.message, /reads it as 0, which means no workers at all, without any warning/);
  assert.equal(preferredResult(text, finding), '[uwsgi]\nprocesses = 4\n');
  const v21 = one('processes = four', { uwsgiVersion: '2.1' }).finding;
  assert.match(v21.message, /non-numeric value/);
  assert.equal(one('harakiri = thirty-ish').finding.fixes, undefined);
});

test('an empty integer reads as 0', () => {
  const { finding, text } = one('processes =');
  assert.match(finding.message, /no value.*0, which means no workers/);
  assert.equal(text.slice(finding.start, finding.end), 'processes =');
});

test('empty module and socket', () => {
  assert.match(one('module =').finding.message, /Empty module name/);
  const socket = one('socket =').finding;
  assert.equal(socket.severity, 'error');
  assert.match(socket.message, /invalid\/empty uwsgi socket name/);
  assert.deepEqual(run('[uwsgi]\nmodule = app\nsocket = 127.0.0.1:3031\nenv =\n'), []);
});

test('chmod-socket must be three octal digits or 1', () => {
  for (const ok of ['660', '666', '1', '600']) assert.deepEqual(run(`[uwsgi]\nchmod-socket = ${ok}\n`), [], ok);
  const leading = one('chmod-socket = 0660');
  assert.equal(leading.finding.severity, 'error');
  assert.match(leading.finding.message, /invalid chmod value/);
  assert.equal(preferredResult(leading.text, leading.finding), '[uwsgi]\nchmod-socket = 660\n');
  for (const bad of ['true', '66', '668', 'rw-rw----']) assert.equal(one(`chmod = ${bad}`).finding.severity, 'error', bad);
  assert.equal(one('chmod-socket =').finding.severity, 'error');
});

test('number options that look boolean: true reads as 0 (off)', () => {
  const { finding, text } = one('http-keepalive = true');
  assert.match(finding.message, /takes a number, not a boolean/);
  assert.equal(preferredResult(text, finding), '[uwsgi]\nhttp-keepalive = 1\n');
  assert.match(one('memory-report = true', { uwsgiVersion: '2.1' }).finding.message, /not a boolean/);
  // On 2.0 memory-report is a real flag.
  assert.deepEqual(run('[uwsgi]\nmemory-report = true\n', { uwsgiVersion: '2.0.30' }), []);
  assert.equal(one('ksm = yes').finding.code, 'UW102');
});

test('buffer-size above 65535 is clamped on 2.0 only; size suffixes are not understood', () => {
  const { finding, text } = one('buffer-size = 100000', { uwsgiVersion: '2.0.21' });
  assert.match(finding.message, /clamps it to 65535/);
  assert.equal(preferredResult(text, finding), '[uwsgi]\nbuffer-size = 65535\n');
  assert.deepEqual(run('[uwsgi]\nbuffer-size = 100000\n', { uwsgiVersion: '2.1' }), []);
  assert.deepEqual(run('[uwsgi]\nbuffer-size = 32768\n'), []);
  const suffix = one('buffer-size = 32k');
  assert.match(suffix.finding.message, /read as 32/);
  assert.equal(applyFix(suffix.text, suffix.finding.fixes![0], ROOT), '[uwsgi]\nbuffer-size = 32768\n');
});

test('megabyte options accept an M suffix but not G', () => {
  assert.deepEqual(run('[uwsgi]\nreload-on-rss = 512\nreload-on-as = 512M\n'), []);
  assert.match(one('reload-on-rss = 2G').finding.message, /read as 2/);
});

test('listen above somaxconn is a hint', () => {
  const { finding } = one('listen = 10000');
  assert.equal(finding.severity, 'information');
  assert.match(finding.message, /somaxconn/);
  assert.deepEqual(run('[uwsgi]\nlisten = 1024\n'), []);
});

test('values built from placeholders are checked after expansion, unresolved ones are skipped', () => {
  assert.deepEqual(run('[uwsgi]\nset-placeholder = n=4\nprocesses = %(n)\n'), []);
  assert.deepEqual(run('[uwsgi]\nprocesses = $(WORKERS)\n'), []);
  const findings = run('[uwsgi]\nset-placeholder = n=four\nprocesses = %(n)\n');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].fixes, undefined);
});

test('log-date = false logs a literal "false" prefix; the fix removes the line', () => {
  const { finding, text } = one('log-date = false');
  assert.match(finding.message, /every log line starts with 'false - '/);
  assert.equal(preferredResult(text, finding), '[uwsgi]\n');
  assert.deepEqual(run('[uwsgi]\nlogdate = true\nlog-date = %%Y-%%m-%%d\n'), []);
});

test('UW102 is registered', () => {
  assert.ok(RULES.includes(UW102));
});
