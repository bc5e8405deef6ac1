import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW008 } from '../../server/src/rules/UW008-keysBeforeSection';
import { runRules } from './helpers/runRule';

test('UW008: keys above the first header are ignored by uWSGI', () => {
  const text = '; app config\nmaster = true\n[uwsgi]\nprocesses = 2\n';
  const [finding] = runRules([UW008], { '/app/uwsgi.ini': text });
  assert.equal(text.slice(finding.start, finding.end), 'master = true');
});

test('UW008: comments above the header and files without the section are not reported', () => {
  assert.deepEqual(runRules([UW008], { '/app/uwsgi.ini': '; note\n[uwsgi]\nmaster = true\n' }), []);
  assert.deepEqual(runRules([UW008], { '/app/uwsgi.ini': 'master = true\n[app]\n' }), []);
});
