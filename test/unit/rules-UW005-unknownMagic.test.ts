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
