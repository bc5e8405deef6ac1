import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW005 } from '../../server/src/rules/UW005-unknownMagic';
import { applyFix, runRules } from './helpers/runRule';

test('UW005: %Y in a value is reported with an escape fix', () => {
  const text = '[uwsgi]\r\nlog-date = %Y-%%m\r\n';
  const [finding] = runRules([UW005], { '/app/uwsgi.ini': text });
  assert.equal(text.slice(finding.start, finding.end), '%Y');
  assert.match(finding.message, /replaces it with nothing/);
  const fixed = applyFix(text, finding);
  assert.equal(fixed, '[uwsgi]\r\nlog-date = %%Y-%%m\r\n');
  assert.deepEqual(runRules([UW005], { '/app/uwsgi.ini': fixed }), []);
});

test('UW005: known magic, escapes and placeholders are fine', () => {
  assert.deepEqual(runRules([UW005], { '/app/uwsgi.ini': '[uwsgi]\nchdir = %d\nx = 100%%\ny = %(x)\n' }), []);
});

test('UW005: a line ending in % joins the next line, even in a comment', () => {
  const text = '[uwsgi]\n; scale to 100%\nmaster = true\n';
  const [finding] = runRules([UW005], { '/app/uwsgi.ini': text });
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /'; scale to 100master = true'/);
  const fixed = applyFix(text, finding);
  assert.equal(fixed, '[uwsgi]\n; scale to 100%%\nmaster = true\n');
  assert.deepEqual(runRules([UW005], { '/app/uwsgi.ini': fixed }), []);
});

test('UW005: %% at the end of a line is fine', () => {
  assert.deepEqual(runRules([UW005], { '/app/uwsgi.ini': '[uwsgi]\n; 100%%\nx = 1\n' }), []);
});

test('UW005: in a CRLF file a trailing % only loses itself (a warning)', () => {
  const [finding] = runRules([UW005], { '/app/uwsgi.ini': '[uwsgi]\r\nx = 50%\r\nmaster = 1\r\n' });
  assert.equal(finding.severity, 'warning');
});
