import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW007 } from '../../server/src/rules/UW007-envDefault';
import { runRules } from './helpers/runRule';

const text = '[uwsgi]\nhttp-socket = :$(PORT:-8000)\nchdir = $(APP_DIR)\n';

test('UW007: $(VAR:-default) on 2.0 stays verbatim', () => {
  const [finding] = runRules([UW007], { '/app/uwsgi.ini': text }, { settings: { uwsgiVersion: '2.0.21' } });
  assert.equal(text.slice(finding.start, finding.end), '$(PORT:-8000)');
  assert.match(finding.message, /needs 2\.1/);
});

test('UW007: fine on 2.1, and a plain $(VAR) is fine everywhere', () => {
  assert.deepEqual(runRules([UW007], { '/app/uwsgi.ini': text }, { settings: { uwsgiVersion: '2.1' } }), []);
  assert.deepEqual(runRules([UW007], { '/app/uwsgi.ini': '[uwsgi]\nchdir = $(APP_DIR)\n' }), []);
});
