import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW105 } from '../../server/src/rules/UW105-masterRequired';
import { applyFix, runRules } from './helpers/runRule';

const run = (text: string) => runRules([UW105], { '/app/uwsgi.ini': text });

test('UW105: stats with master = false points at both', () => {
  const text = '[uwsgi]\nstats = :9191\nmaster = false\n';
  const [finding] = run(text);
  assert.equal(text.slice(finding.start, finding.end), 'stats');
  assert.equal(text.slice(finding.related![0].start, finding.related![0].end), 'master = false');
  assert.equal(applyFix(text, finding), '[uwsgi]\nstats = :9191\nmaster = true\n');
});

test('UW105: a later master = true, no master entry, or a conditional one are fine', () => {
  assert.deepEqual(run('[uwsgi]\nmaster = false\nstats = :1\nmaster = true\n'), []);
  assert.deepEqual(run('[uwsgi]\nstats = :1\n'), []);
  assert.deepEqual(run('[uwsgi]\nstats = :1\nif-env = X\nmaster = false\nendif\n'), []);
});

test('UW105: "false" in quotes is truthy, so the master runs', () => {
  assert.deepEqual(run('[uwsgi]\ncheaper = 1\nmaster = "false"\n'), []);
});
