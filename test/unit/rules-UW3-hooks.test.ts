import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initPythonParser } from '../../server/src/python/parser';
import { UW301 } from '../../server/src/rules/UW301-connectionBeforeFork';
import { UW302 } from '../../server/src/rules/UW302-beforeFirstRequest';
import { UW303 } from '../../server/src/rules/UW303-clientBeforeFork';
import { UW304 } from '../../server/src/rules/UW304-sharedImportConnects';
import { UW305 } from '../../server/src/rules/UW305-deadForkCleanup';
import { UW306 } from '../../server/src/rules/UW306-perWorkerSetup';
import { analyze, at, PREFORK_INI } from './pythonTestKit';

before(async () => {
  await initPythonParser();
});

const ALL = [UW301, UW302, UW303, UW304, UW305, UW306];
const FSA = 'from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n';

function codes(ini: string, app: string, extra: Record<string, string> = {}) {
  const files = { '/w/uwsgi.ini': ini, '/w/app.py': app, ...extra };
  return analyze(files, ALL).map((f) => `${f.code} ${at(files, f)} ${f.severity}`).sort();
}

test('UW302: before_first_request is a warning on Flask 2.2, an error once Flask 2.3 is pinned, never UW301', () => {
  const app = FSA + '@app.before_first_request\ndef warm():\n    db.session.execute("select 1")\n';
  assert.deepEqual(codes(PREFORK_INI, app, { '/w/requirements.txt': 'Flask==2.2.5\n' }), ['UW302 app.py:5 warning']);
  assert.deepEqual(codes(PREFORK_INI, app, { '/w/requirements.txt': 'flask>=2.3\n' }), ['UW302 app.py:5 error']);
  const call = FSA + 'def warm():\n    pass\napp.before_first_request(warm)\n';
  assert.deepEqual(codes(PREFORK_INI, call), ['UW302 app.py:7 warning']);
});

test('UW303: a MongoClient at import before the fork; none under lazy-apps', () => {
  const app = 'from flask import Flask\nfrom pymongo import MongoClient\napp = Flask(__name__)\nclient = MongoClient("mongodb://db")\n';
  assert.deepEqual(codes(PREFORK_INI, app), ['UW303 app.py:4 warning', 'UW303 uwsgi.ini:4 warning']);
  assert.deepEqual(codes(PREFORK_INI + 'lazy-apps = true\n', app), []);
});

test('UW304: a shared-import module that connects runs in the master even with lazy-apps', () => {
  const ini = '[uwsgi]\nmaster = true\nprocesses = 4\nlazy-apps = true\nshared-import = shared\nmodule = app:app\n';
  const shared = 'import psycopg2\nconn = psycopg2.connect("dbname=x")\n';
  assert.deepEqual(codes(ini, 'x = 1\n', { '/w/shared.py': shared }), ['UW304 shared.py:2 error', 'UW304 uwsgi.ini:5 error']);
  assert.deepEqual(codes(ini, 'x = 1\n', { '/w/shared.py': 'from sqlalchemy import create_engine\ne = create_engine("x")\n' }), []);
});

test('UW305: post-fork cleanups that never run', () => {
  const pooled = 'from sqlalchemy import create_engine\nengine = create_engine("x")\nengine.connect().close()\n';
  const postfork = pooled + 'from uwsgidecorators import postfork\n@postfork\ndef reset():\n    engine.dispose()\n';
  assert.deepEqual(codes(PREFORK_INI + 'lazy-apps = true\n', postfork), ['UW305 app.py:5 information']);
  assert.deepEqual(codes('[uwsgi]\nmodule = app:app\n', postfork), ['UW305 app.py:4 error']);
  const atFork = pooled + 'import os\nos.register_at_fork(after_in_child=engine.dispose)\n';
  assert.deepEqual(codes(PREFORK_INI, atFork), ['UW301 app.py:3 warning', 'UW301 uwsgi.ini:4 warning', 'UW305 app.py:5 warning']);
  assert.deepEqual(codes(PREFORK_INI + 'py-call-osafterfork = true\n', atFork), []);
  assert.deepEqual(codes(PREFORK_INI, postfork), []);
});

test('UW306: writing setup once per worker (lazy-apps or before_first_request), not for reads or prefork', () => {
  const setup = FSA + 'with app.app_context():\n    db.create_all()\n';
  assert.deepEqual(codes(PREFORK_INI + 'lazy-apps = true\n', setup), ['UW306 app.py:6 information']);
  assert.deepEqual(codes(PREFORK_INI + 'lazy-apps = true\n', FSA + 'with app.app_context():\n    db.session.execute("select 1")\n'), []);
  const hook = FSA + '@app.before_first_request\ndef setup():\n    db.create_all()\n';
  assert.deepEqual(codes(PREFORK_INI, hook), ['UW302 app.py:5 warning', 'UW306 app.py:7 information']);
  assert.deepEqual(codes(PREFORK_INI, setup + 'db.engine.dispose()\n'), []);
  assert.deepEqual(codes('[uwsgi]\nmaster = true\nlazy-apps = true\nmodule = app:app\n', setup), [], 'one worker has nobody to race');
});

test('UW305: importing uwsgidecorators after assigning uwsgi.post_fork_hook replaces the hook', () => {
  const app = 'import uwsgi\nfrom sqlalchemy import create_engine\nengine = create_engine("x")\nengine.connect().close()\n' +
    'def _dispose():\n    engine.dispose()\nuwsgi.post_fork_hook = _dispose\nimport uwsgidecorators\n';
  assert.deepEqual(codes(PREFORK_INI, app), ['UW301 app.py:4 warning', 'UW301 uwsgi.ini:4 warning', 'UW305 app.py:7 warning']);
  const after = app.replace('uwsgi.post_fork_hook = _dispose\nimport uwsgidecorators\n', 'import uwsgidecorators\nuwsgi.post_fork_hook = _dispose\n');
  assert.deepEqual(codes(PREFORK_INI, after), []);
});
