import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW001 } from '../../server/src/rules/UW001-noUwsgiSection';
import { applyFix, runRules } from './helpers/runRule';

const run = (text: string, extra: Record<string, string> = {}, section?: string) =>
  runRules([UW001], { '/app/uwsgi.ini': text, ...extra }, { section });

test('UW001: a file with [uwsgi] is fine', () => {
  assert.deepEqual(run('[uwsgi]\nmaster = true\n'), []);
});

test('UW001: [uwsgi] ; comment is not the uwsgi section, and the fix keeps the comment above', () => {
  const text = '[uwsgi] ; main\nmaster = true\n';
  const [finding] = run(text);
  assert.equal(finding.code, 'UW001');
  assert.match(finding.message, /no inline comments/);
  const fixed = applyFix(text, finding);
  assert.equal(fixed, '; main\n[uwsgi]\nmaster = true\n');
  assert.deepEqual(run(fixed), []);
});

test('UW001: [UWSGI] and [uwsgi ] are near misses with a rename fix', () => {
  const [upper] = run('[UWSGI]\nmaster = true\n');
  assert.match(upper.message, /case-sensitive/);
  assert.equal(applyFix('[UWSGI]\r\nmaster = true\r\n', run('[UWSGI]\r\nmaster = true\r\n')[0]), '[uwsgi]\r\nmaster = true\r\n');
  const [spaced] = run('[uwsgi ]\nmaster = true\n');
  assert.match(spaced.message, /not trimmed/);
});

test('UW001: a missing section in a uWSGI-looking file is reported; an unrelated ini is not', () => {
  const [finding] = run('[app]\nmaster = true\nprocesses = 2\n');
  assert.match(finding.message, /No \[uwsgi\] section.*\[app\]/);
  assert.deepEqual(run('[tox]\nenvlist = py311\nskipsdist = true\n'), []);
});

test('UW001: file.ini:section asks for another section', () => {
  assert.deepEqual(run('[prod]\nmaster = true\n', {}, 'prod'), []);
  assert.equal(run('[uwsgi]\nmaster = true\n', {}, 'prod').length, 1);
});

test('UW001: an included file without the section is reported at the include', () => {
  const text = '[uwsgi]\ninclude = base.ini\n';
  const findings = run(text, { '/app/base.ini': '[Uwsgi]\nmaster = true\n' });
  const atInclude = findings.find((f) => f.file === '/app/uwsgi.ini')!;
  assert.equal(text.slice(atInclude.start, atInclude.end), 'base.ini');
  assert.ok(findings.some((f) => f.file === '/app/base.ini'));
});

test('UW001: a byte order mark hides the [uwsgi] header from uWSGI', () => {
  const text = '\uFEFF[uwsgi]\nmaster = true\n';
  const [finding] = run(text);
  assert.match(finding.message, /byte order mark/);
  assert.equal(applyFix(text, finding), '[uwsgi]\nmaster = true\n');
});

test('UW001: a file with options but no header at all gets an "add [uwsgi]" fix', () => {
  const text = 'master = true\r\nprocesses = 4\r\n';
  const [finding] = run(text);
  assert.match(finding.message, /above the first header are ignored/);
  const fixed = applyFix(text, finding);
  assert.equal(fixed, '[uwsgi]\r\nmaster = true\r\nprocesses = 4\r\n');
  assert.deepEqual(run(fixed), []);
});
