import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initPythonParser } from '../../server/src/python/parser';
import { UW202 } from '../../server/src/rules/UW202-callableNotDefined';
import { applyFix } from './appTestContext';
import { ROOT, runRule } from './rules-UW2-helpers';

before(async () => {
  assert.equal(await initPythonParser(), 'ready');
});

const FLASK = 'from flask import Flask\n\napp = Flask(__name__)\n';

test('Flask object named app, uWSGI looks for application: error on 2.0 with both fixes', () => {
  const files = { [ROOT]: '[uwsgi]\nmodule = shop.wsgi\nmaster = true\n', '/ws/shop/__init__.py': '', '/ws/shop/wsgi.py': FLASK };
  const [finding, ...rest] = runRule(UW202, files);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(files[ROOT].slice(finding.start, finding.end), 'shop.wsgi');
  assert.match(finding.message, /looks for the callable 'application'/);
  assert.match(finding.message, /The app object there is 'app'/);
  assert.match(finding.message, /HTTP 500/);
  const [preferred, callable] = finding.fixes!;
  assert.equal(preferred.preferred, true);
  assert.equal(applyFix(files[ROOT], preferred, ROOT), '[uwsgi]\nmodule = shop.wsgi:app\nmaster = true\n');
  assert.equal(applyFix(files[ROOT], callable, ROOT), '[uwsgi]\nmodule = shop.wsgi\nmaster = true\ncallable = app\n');
  assert.ok(finding.related?.some((r) => r.file === '/ws/shop/wsgi.py' && FLASK.slice(r.start, r.end) === 'app'));
});

test('on 2.1 (need-app on by default) the message says uWSGI exits', () => {
  const files = { [ROOT]: '[uwsgi]\nmodule = wsgi\n', '/ws/wsgi.py': FLASK };
  const [finding] = runRule(UW202, files, { uwsgiVersion: '2.1' });
  assert.match(finding.message, /exits at startup/);
});

test('wrong callable option is replaced in place; wsgi-file gets the callable fix', () => {
  const files = { [ROOT]: '[uwsgi]\r\nwsgi-file = run.py\r\ncallable = application\r\n', '/ws/run.py': 'from shop import create_app\napi = create_app()\n' };
  const [finding] = runRule(UW202, files);
  assert.equal(finding.fixes!.length, 1);
  assert.equal(applyFix(files[ROOT], finding.fixes![0], ROOT), '[uwsgi]\r\nwsgi-file = run.py\r\ncallable = api\r\n');
  assert.ok(finding.related?.some((r) => r.message.includes('callable name comes from this option')));
});

test('module = x:wrong rewrites the name after the colon; factories get no guess', () => {
  const files = { [ROOT]: '[uwsgi]\nmodule = wsgi:application\n', '/ws/wsgi.py': FLASK };
  const [finding] = runRule(UW202, files);
  assert.equal(applyFix(files[ROOT], finding.fixes![0], ROOT), '[uwsgi]\nmodule = wsgi:app\n');
  const factory = runRule(UW202, { [ROOT]: '[uwsgi]\nmodule = wsgi:make()\n', '/ws/wsgi.py': FLASK });
  assert.match(factory[0].message, /the factory 'make\(\)'/);
  assert.equal(factory[0].fixes, undefined);
});

test('not reported: defined callable (assign, import, def, in try/if), applications dict, opaque modules', () => {
  const cases = [
    'from flask import Flask\napplication = Flask(__name__)\n',
    'from shop import app as application\n',
    'def application(environ, start_response):\n    pass\n',
    'try:\n    from shop import application\nexcept ImportError:\n    application = None\n',
    'import os\nif os.environ.get("X"):\n    application = 1\n',
    'x = application = Flask(__name__)\n',
    'applications = {"/": app}\n',
    'import uwsgi\nuwsgi.applications = {"": app}\n',
    'from shop.wsgi import *\n',
    'globals()["application"] = make()\n',
  ];
  for (const text of cases) {
    assert.deepEqual(runRule(UW202, { [ROOT]: '[uwsgi]\nmodule = wsgi\n', '/ws/wsgi.py': text }), [], text);
  }
});

test('not reported when the module is not found or the entry is a plain import', () => {
  assert.deepEqual(runRule(UW202, { [ROOT]: '[uwsgi]\nmodule = missing\n' }), []);
  assert.deepEqual(runRule(UW202, { [ROOT]: '[uwsgi]\nimport = tasks\n', '/ws/tasks.py': FLASK }), []);
});

test('mounts: mod:callable is checked and fixed in the value', () => {
  const files = { [ROOT]: '[uwsgi]\nmount = /api=api.main:application\n', '/ws/api/main.py': FLASK };
  const [finding] = runRule(UW202, files);
  assert.equal(applyFix(files[ROOT], finding.fixes![0], ROOT), '[uwsgi]\nmount = /api=api.main:app\n');
});

test('a package whose callable is a submodule is not reported (importing it sets the attribute)', () => {
  const files = { [ROOT]: '[uwsgi]\nmodule = shop:app\n', '/ws/shop/__init__.py': 'from . import views\n', '/ws/shop/app.py': FLASK };
  assert.deepEqual(runRule(UW202, files), []);
  const factory = runRule(UW202, { [ROOT]: '[uwsgi]\nmodule = shop\ncallable = make_app()\n', '/ws/shop/__init__.py': FLASK });
  assert.match(factory[0].message, /the factory 'make_app\(\)'/);
});
