import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fix } from '../../server/src/core/finding';
import { initPythonParser } from '../../server/src/python/parser';
import { UW301 } from '../../server/src/rules/UW301-connectionBeforeFork';
import { analyze, applyFix, PREFORK_INI } from './pythonTestKit';

before(async () => {
  await initPythonParser();
});

const FACTORY =
  'from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\n\ndb = SQLAlchemy()\n\n\n' +
  'def create_app():\n    app = Flask(__name__)\n    db.init_app(app)\n    with app.app_context():\n        db.create_all()  # schema\n        _seed()\n    return app\n\n\n' +
  'def _seed():\n    for name in ("a", "b"):\n        db.session.add(Role(name=name))\n    db.session.commit()\n\n\n' +
  'class Role(db.Model):\n    pass\n\n\napp = create_app()\n';

function fixesOn(files: Record<string, string>, file: string): Fix[] {
  return analyze(files, [UW301]).find((f) => f.file === file)?.fixes ?? [];
}

test('dispose fix lands after the init call inside the app context, indented like it, and clears UW301', () => {
  const files = { '/w/uwsgi.ini': PREFORK_INI, '/w/app.py': FACTORY };
  const fix = fixesOn(files, '/w/app.py').find((f) => /Dispose/.test(f.title))!;
  assert.equal(fix.preferred, true);
  const after = applyFix(files, fix);
  assert.match(after['/w/app.py'], /        _seed\(\)\n        db\.engine\.dispose\(\)\n    return app\n/);
  assert.ok(after['/w/app.py'].includes('db.create_all()  # schema\n'));
  assert.deepEqual(analyze(after, [UW301]), []);
});

test('dispose fix keeps CRLF line endings and lifts out of a connection with-block and loops', () => {
  const app = [
    'from sqlalchemy import create_engine, text', 'engine = create_engine("postgresql://x")', 'for i in range(2):',
    '    with engine.connect() as conn:', '        conn.execute(text("select 1"))', 'app = object()', '',
  ].join('\r\n');
  const files = { '/w/uwsgi.ini': PREFORK_INI, '/w/app.py': app };
  const fix = fixesOn(files, '/w/app.py').find((f) => /Dispose/.test(f.title))!;
  const after = applyFix(files, fix);
  assert.ok(after['/w/app.py'].includes('conn.execute(text("select 1"))\r\nengine.dispose()\r\napp = object()\r\n'));
  assert.ok(!/[^\r]\n/.test(after['/w/app.py']));
  assert.deepEqual(analyze(after, [UW301]), []);
});

test('lazy-apps fix replaces a falsy lazy-apps in place instead of adding a second key', () => {
  const ini = '[uwsgi]\r\nmaster = true\r\nprocesses = 4\r\nlazy-apps = false\r\nmodule = app:app\r\n';
  const files = { '/w/uwsgi.ini': ini, '/w/app.py': 'import psycopg2\nconn = psycopg2.connect()\n' };
  const fix = fixesOn(files, '/w/uwsgi.ini').find((f) => /lazy-apps/.test(f.title))!;
  assert.equal(fix.preferred, true);
  const after = applyFix(files, fix);
  assert.equal(after['/w/uwsgi.ini'], ini.replace('lazy-apps = false', 'lazy-apps = true'));
  assert.deepEqual(analyze(after, [UW301]), [], 'applying it clears UW301 on both sides');
});

test('lazy-apps fix adds the key to the section uWSGI reads when absent', () => {
  const ini = '[dev]\nlazy-apps = true\n\n[uwsgi]\nmaster = true\nprocesses = 4\nmodule = app:app\n\n[other]\nx = 1\n';
  const files = { '/w/uwsgi.ini': ini, '/w/app.py': 'import psycopg2\nconn = psycopg2.connect()\n' };
  const after = applyFix(files, fixesOn(files, '/w/uwsgi.ini')[0]);
  assert.equal(after['/w/uwsgi.ini'], ini.replace('module = app:app\n', 'module = app:app\nlazy-apps = true\n'));
});

test('post-fork hook fix: only where it runs, close=False with SQLAlchemy >= 1.4.33, idempotent', () => {
  const app = 'from sqlalchemy import create_engine\n\nengine = create_engine("postgresql://x")\nengine.connect().close()\n';
  const files = { '/w/uwsgi.ini': PREFORK_INI, '/w/app.py': app, '/w/requirements.txt': 'SQLAlchemy==1.4.52\n' };
  const hook = fixesOn(files, '/w/app.py').find((f) => /post-fork/.test(f.title))!;
  const after = applyFix(files, hook);
  assert.ok(
    after['/w/app.py'].startsWith(
      'from sqlalchemy import create_engine\ntry:\n    from uwsgidecorators import postfork\n' +
        'except ImportError:  # not running under uWSGI (flask run, tests): no workers are forked\n' +
        '    def postfork(hook):\n        return hook\n',
    ),
    'the import is guarded, so the module still imports outside uWSGI',
  );
  assert.deepEqual(fixesOn(after, '/w/app.py').filter((f) => /post-fork/.test(f.title)), [], 'idempotent: no second hook');
  assert.ok(after['/w/app.py'].endsWith('\n\n\n@postfork\ndef _dispose_engine_after_fork():\n    # Each worker starts with an empty pool instead of the master\'s inherited connections.\n    engine.dispose(close=False)\n'));
  assert.deepEqual(analyze(after, [UW301]), []);
  const old = { ...files, '/w/requirements.txt': 'SQLAlchemy==1.3.24\n' };
  assert.match(fixesOn(old, '/w/app.py').find((f) => /post-fork/.test(f.title))!.title, /engine\.dispose\(\)\)$/);
  const noMaster = { ...files, '/w/uwsgi.ini': '[uwsgi]\nprocesses = 4\nmodule = app:app\n' };
  assert.equal(fixesOn(noMaster, '/w/app.py').some((f) => /post-fork/.test(f.title)), false);
});

test('post-fork hook for Flask-SQLAlchemy runs in an app context, and only when the app is module-level', () => {
  const app = 'from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\n\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n\nwith app.app_context():\n    db.create_all()\n';
  const files = { '/w/uwsgi.ini': PREFORK_INI, '/w/app.py': app };
  const hook = fixesOn(files, '/w/app.py').find((f) => /post-fork/.test(f.title))!;
  const after = applyFix(files, hook)['/w/app.py'];
  assert.ok(after.endsWith('    with app.app_context():\n        db.engine.dispose()\n'));
  assert.deepEqual(analyze(applyFix(files, hook), [UW301]), []);
  // The app is built in wsgi.py's factory call: app.py, where `db` lives, has no app to push a context with.
  const split = {
    '/w/uwsgi.ini': PREFORK_INI.replace('module = app:app', 'module = wsgi:app'),
    '/w/app.py': FACTORY.replace('\n\napp = create_app()\n', '\n'),
    '/w/wsgi.py': 'from app import create_app\napp = create_app()\n',
  };
  const fixes = fixesOn(split, '/w/app.py');
  assert.ok(fixes.some((f) => /Dispose/.test(f.title)));
  assert.equal(fixes.some((f) => /post-fork/.test(f.title)), false);
});

test('no dispose fix where the last query is the return value', () => {
  const app = 'from sqlalchemy import create_engine, text\nengine = create_engine("x")\ndef load():\n    return engine.connect().execute(text("select 1"))\nROWS = load()\n';
  const files = { '/w/uwsgi.ini': PREFORK_INI, '/w/app.py': app };
  const fix = fixesOn(files, '/w/app.py').find((f) => /Dispose/.test(f.title))!;
  assert.match(applyFix(files, fix)['/w/app.py'], /ROWS = load\(\)\nengine\.dispose\(\)\n$/);
});
