import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW004 } from '../../server/src/rules/UW004-logicBlock';
import { runRules } from './helpers/runRule';

const run = (text: string, version?: '2.0.30' | '2.1') =>
  runRules([UW004], { '/app/uwsgi.ini': text }, { settings: version ? { uwsgiVersion: version } : {} });

test('UW004: a closed block is fine', () => {
  assert.deepEqual(run('[uwsgi]\nif-env = DEBUG\npy-autoreload = 1\nendif\nfor = a b\nenv = X=%(_)\nendfor\n'), []);
});

test('UW004: an unterminated block is reported at its opening line', () => {
  const text = '[uwsgi]\nif-env = DEBUG\npy-autoreload = 1\n';
  const [finding] = run(text);
  assert.equal(text.slice(finding.start, finding.end), 'if-env = DEBUG');
  assert.match(finding.message, /never closed/);
});

test('UW004: nested logic is an error pointing at the outer block', () => {
  const [finding] = run('[uwsgi]\nif-env = A\nif-env = B\nendif\n');
  assert.match(finding.message, /recursive logic/);
  assert.equal(finding.related?.length, 1);
});

test('UW004: a stray endif is a warning', () => {
  const [finding] = run('[uwsgi]\nendif\n');
  assert.equal(finding.severity, 'warning');
});

test('UW004: problems in sections uWSGI does not read are ignored', () => {
  assert.deepEqual(run('[uwsgi]\nmaster = 1\n[other]\nif-env = A\n'), []);
});

test('UW004: else is reported on 2.0 (unknown there), accepted on 2.1', () => {
  const text = '[uwsgi]\nif-env = A\nprocesses = 2\nelse =\nprocesses = 4\nendif\n';
  assert.match(run(text, '2.0.30')[0].message, /needs uWSGI 2\.1/);
  assert.deepEqual(run(text, '2.1'), []);
});
