import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW203 } from '../../server/src/rules/UW203-needApp';
import { applyFix } from './appTestContext';
import { ROOT, runRule } from './rules-UW2-helpers';

test('2.0 with an app and no need-app: information with a fix that adds it to the section', () => {
  const files = { [ROOT]: '[uwsgi]\nmodule = app\nmaster = true\n\n[other]\nx = 1\n' };
  const [finding, ...rest] = runRule(UW203, files, { uwsgiVersion: '2.0.21' });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'information');
  assert.equal(files[ROOT].slice(finding.start, finding.end), 'module');
  assert.match(finding.message, /HTTP 500/);
  assert.equal(applyFix(files[ROOT], finding.fixes![0], ROOT), '[uwsgi]\nmodule = app\nmaster = true\nneed-app = true\n\n[other]\nx = 1\n');
});

test('not reported on 2.1, when need-app is set either way, or without an app', () => {
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nmodule = app\n' }, { uwsgiVersion: '2.1' }), []);
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nmodule = app\nneed-app = true\n' }), []);
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nwsgi-file = a.py\nneed-app = false\n' }), []);
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nhttp-socket = :8000\nimport = tasks\n' }), []);
});

test('need-app from the deployment environment counts', () => {
  const files = { [ROOT]: '[uwsgi]\nwsgi-file = app.py\n', '/ws/Dockerfile': 'FROM python\nENV UWSGI_NEED_APP=true\nCMD uwsgi --ini uwsgi.ini\n' };
  assert.deepEqual(runRule(UW203, files), []);
});
