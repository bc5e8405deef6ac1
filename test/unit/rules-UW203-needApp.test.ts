import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initPythonParser } from '../../server/src/python/parser';
import { UW203 } from '../../server/src/rules/UW203-needApp';
import { applyFix } from './appTestContext';
import { ROOT, runRule } from './rules-UW2-helpers';

before(async () => {
  assert.equal(await initPythonParser(), 'ready');
});

const FLASK = 'from flask import Flask\napp = Flask(__name__)\n';

test('2.0, app not in the workspace, no need-app: information with a fix that adds it to the section', () => {
  const files = { [ROOT]: '[uwsgi]\nmodule = missing.wsgi\nmaster = true\n\n[other]\nx = 1\n' };
  const [finding, ...rest] = runRule(UW203, files, { uwsgiVersion: '2.0.21' });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'information');
  assert.equal(files[ROOT].slice(finding.start, finding.end), 'module');
  assert.match(finding.message, /not in the workspace/);
  assert.match(finding.message, /HTTP 500/);
  assert.equal(applyFix(files[ROOT], finding.fixes![0], ROOT), '[uwsgi]\nmodule = missing.wsgi\nmaster = true\nneed-app = true\n\n[other]\nx = 1\n');
});

test('2.0, callable missing: reported on the entry that fails', () => {
  const files = { [ROOT]: '[uwsgi]\nhttp-socket = :8000\nwsgi-file = run.py\n', '/ws/run.py': FLASK };
  const [finding] = runRule(UW203, files);
  assert.equal(files[ROOT].slice(finding.start, finding.end), 'wsgi-file');
  assert.match(finding.message, /callable 'application' is not defined/);
});

test('not reported: app loads fine, 2.1, need-app set either way, no app at all', () => {
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nmodule = app:app\n', '/ws/app.py': FLASK }), []);
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nmodule = missing\n' }, { uwsgiVersion: '2.1' }), []);
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nmodule = missing\nneed-app = true\n' }), []);
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nhttp-socket = :8000\nimport = tasks\n' }), []);
});

test('need-app from the deployment environment counts', () => {
  const files = { [ROOT]: '[uwsgi]\nwsgi-file = app.py\n', '/ws/Dockerfile': 'FROM python\nENV UWSGI_NEED_APP=true\nCMD uwsgi --ini uwsgi.ini\n' };
  assert.deepEqual(runRule(UW203, files), []);
});

test('an explicit need-app = false is off (facts §2): still suggested, the fix turns that line on', () => {
  const files = { [ROOT]: '[uwsgi]\nneed-app = false\nwsgi-file = a.py\n' };
  const [finding, ...rest] = runRule(UW203, files);
  assert.equal(rest.length, 0);
  assert.equal(finding.fixes![0].title, 'Set need-app = true');
  assert.equal(applyFix(files[ROOT], finding.fixes![0], ROOT), '[uwsgi]\nneed-app = true\nwsgi-file = a.py\n');
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nneed-app = false ; off\nwsgi-file = a.py\n' }), []);
});

test('a failing .py/.wsgi mount exits with code 22 anyway: no suggestion, even with another failing entry', () => {
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nmount = /admin=admin/wsgi.py\n' }), []);
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nmodule = missing\nmount = /x=x.wsgi\n' }), []);
  const [finding] = runRule(UW203, { [ROOT]: '[uwsgi]\nmount = /admin=missing.admin:app\n' });
  assert.ok(finding, 'a module:callable mount that fails does not exit by itself');
});

test('no suggestion when uWSGI stops on the config before loading anything (strict and an unknown name)', () => {
  assert.deepEqual(runRule(UW203, { [ROOT]: '[uwsgi]\nstrict = true\nlazy_apps = true\nmodule = missing\n' }), []);
  assert.equal(runRule(UW203, { [ROOT]: '[uwsgi]\nstrict = true\nmodule = missing\n' }).length, 1);
});
