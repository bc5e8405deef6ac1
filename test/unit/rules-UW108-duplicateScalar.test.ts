import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW108 } from '../../server/src/rules/UW108-duplicateScalar';
import { applyFix, runRules } from './helpers/runRule';

const run = (files: Record<string, string>) => runRules([UW108], files);

test('UW108: processes set twice is reported at the first, related to the last', () => {
  const text = '[uwsgi]\nprocesses = 2\nmaster = true\nworkers = 4\n';
  const [finding] = run({ '/app/uwsgi.ini': text });
  assert.equal(text.slice(finding.start, finding.end), 'processes = 2');
  assert.equal(text.slice(finding.related![0].start, finding.related![0].end), 'workers = 4');
  assert.match(finding.message, /last value '4'.*first one, '2'/);
  assert.equal(applyFix(text, finding), '[uwsgi]\nmaster = true\nworkers = 4\n');
});

test('UW108: across an include, the finding lands in the file that owns the first value', () => {
  const findings = run({ '/app/uwsgi.ini': '[uwsgi]\ninclude = base.ini\nprocesses = 8\n', '/app/base.ini': '[uwsgi]\nprocesses = 2\n' });
  assert.equal(findings[0].file, '/app/base.ini');
  assert.equal(findings[0].related![0].file, '/app/uwsgi.ini');
});

test('UW108: handlers that add on every occurrence (mules) are not duplicates', () => {
  assert.deepEqual(run({ '/app/uwsgi.ini': '[uwsgi]\nmules = 1\nmules = 2\n' }), []);
});

test('UW108: list options, equal values and conditional overrides are fine', () => {
  assert.deepEqual(run({ '/app/uwsgi.ini': '[uwsgi]\nsocket = :1\nsocket = :2\nmaster = 1\nmaster = 1\nprocesses = 2\nif-env = BIG\nprocesses = 8\nendif\n' }), []);
});
