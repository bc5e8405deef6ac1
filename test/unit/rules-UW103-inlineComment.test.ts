import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW103 } from '../../server/src/rules/UW103-inlineComment';
import { applyFix, runRules } from './helpers/runRule';

const run = (text: string) => runRules([UW103], { '/app/uwsgi.ini': text });

test('UW103: lazy-apps = false ; TODO turns lazy-apps ON and is an error', () => {
  const text = '[uwsgi]\nlazy-apps = false ; TODO\n';
  const [finding] = run(text);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /'false ; TODO', which turns it ON, not OFF/);
  assert.equal(text.slice(finding.start, finding.end), '; TODO');
});

test('UW103: socket = :3031 # x says what uWSGI reads', () => {
  const [finding] = run('[uwsgi]\nsocket = :3031 # x\n');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /':3031 # x', not ':3031'/);
});

test('UW103: the fix moves the comment above with indentation and CRLF, and is idempotent', () => {
  const text = '[uwsgi]\r\n  lazy-apps = false ; TODO\r\n';
  const fixed = applyFix(text, run(text)[0]);
  assert.equal(fixed, '[uwsgi]\r\n  ; TODO\r\n  lazy-apps = false\r\n');
  assert.deepEqual(run(fixed), []);
});

test('UW103: # and ; inside a value without a blank before them are not comments', () => {
  assert.deepEqual(run('[uwsgi]\nchdir = /srv/a#b\nenv = A=x;y\n'), []);
});

test('UW103: shell commands and routing actions may use ; on purpose', () => {
  assert.deepEqual(run('[uwsgi]\nattach-daemon = cd /srv ; ./worker\nhook-pre-app = exec:mkdir -p /run/x ; true\n'), []);
});

test('UW103: a true value with a comment stays on and is a warning', () => {
  const [finding] = run('[uwsgi]\nmaster = true ; keep\n');
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /still turns it ON/);
});

test('UW103: an included file gets the finding in its own text', () => {
  const findings = runRules([UW103], { '/app/uwsgi.ini': '[uwsgi]\ninclude = b.ini\n', '/app/b.ini': '[uwsgi]\nmaster = false # off\n' });
  assert.equal(findings[0].file, '/app/b.ini');
});
