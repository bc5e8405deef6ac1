import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW104 } from '../../server/src/rules/UW104-lazy';
import { applyFix, runRules } from './helpers/runRule';

const run = (text: string) => runRules([UW104], { '/app/uwsgi.ini': text });

test('UW104: lazy = true is discouraged; the fix switches to lazy-apps = true', () => {
  const text = '[uwsgi]\r\nlazy = true\r\n';
  const [finding] = run(text);
  assert.deepEqual(finding.tags, ['deprecated']);
  const fixed = applyFix(text, finding);
  assert.equal(fixed, '[uwsgi]\r\nlazy-apps = true\r\n');
  assert.deepEqual(run(fixed), []);
});

test('UW104: a bare lazy also becomes lazy-apps = true', () => {
  assert.equal(applyFix('[uwsgi]\nlazy\n', run('[uwsgi]\nlazy\n')[0]), '[uwsgi]\nlazy-apps = true\n');
});

test('UW104: lazy = false does nothing, so the fix removes the line', () => {
  const text = '[uwsgi]\nlazy = false\nmaster = true\n';
  const [finding] = run(text);
  assert.match(finding.message, /does nothing/);
  assert.equal(applyFix(text, finding), '[uwsgi]\nmaster = true\n');
});

test('UW104: with lazy-apps already on, the fix removes lazy', () => {
  const text = '[uwsgi]\nlazy-apps = true\nlazy = true\n';
  assert.equal(applyFix(text, run(text)[0]), '[uwsgi]\nlazy-apps = true\n');
});

test('UW104: lazy-apps alone is fine', () => {
  assert.deepEqual(run('[uwsgi]\nlazy-apps = true\n'), []);
});
