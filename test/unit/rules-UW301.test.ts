import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initPythonParser } from '../../server/src/python/parser';
import { UW301 } from '../../server/src/rules/UW301-connectionBeforeFork';
import { analyze, at, PREFORK_INI } from './pythonTestKit';

before(async () => {
  await initPythonParser();
});

const POOLED_APP =
  'from flask import Flask\nfrom sqlalchemy import create_engine, text\n\napp = Flask(__name__)\nengine = create_engine("postgresql://db/x")\n' +
  'with engine.connect() as conn:\n    conn.execute(text("select 1"))\n';
const HELD_APP = 'import psycopg2\nfrom flask import Flask\n\napp = Flask(__name__)\nconn = psycopg2.connect("dbname=x sslmode=require")\n';

function run(ini: string, app: string, extra: Record<string, string> = {}) {
  const files = { '/w/uwsgi.ini': ini, '/w/app.py': app, ...extra };
  return { files, findings: analyze(files, [UW301]) };
}

test('pooled engine used at import under a preforking master: warning on both sides, linked', () => {
  const { files, findings } = run(PREFORK_INI, POOLED_APP);
  assert.deepEqual(findings.map((f) => `${at(files, f)} ${f.severity}`).sort(), ['app.py:6 warning', 'uwsgi.ini:4 warning']);
  const python = findings.find((f) => f.file === '/w/app.py')!;
  const ini = findings.find((f) => f.file === '/w/uwsgi.ini')!;
  assert.match(python.message, /decryption failed or bad record mac/);
  assert.match(python.message, /SSL SYSCALL error: EOF detected/);
  assert.match(python.message, /502 only when the error reaches uWSGI/);
  assert.ok(python.related?.some((r) => r.file === '/w/uwsgi.ini'));
  assert.ok(ini.related?.some((r) => r.file === '/w/app.py' && r.start === python.start));
  assert.ok(python.fixes?.some((f) => f.preferred && /Dispose the engine/.test(f.title)));
  assert.ok(ini.fixes?.some((f) => f.preferred && /lazy-apps = true/.test(f.title)));
});

test('a connection held for the process is an error and says it never heals', () => {
  const { findings } = run(PREFORK_INI, HELD_APP);
  assert.deepEqual(findings.map((f) => f.severity), ['error', 'error']);
  assert.match(findings[0].message, /connection already closed|another request's answer/);
});

test('lazy modes, including uWSGI truthiness traps, remove the hazard', () => {
  for (const lazy of ['lazy-apps = true', 'lazy = 1', 'lazy-apps = false ; later', 'lazy-apps =', 'lazy-apps = "false"']) {
    assert.deepEqual(run(PREFORK_INI + lazy + '\n', HELD_APP).findings, [], lazy);
  }
  for (const notLazy of ['lazy-apps = false', 'lazy-apps = OFF', 'lazy_apps = true', 'lazy-app = true']) {
    assert.equal(run(PREFORK_INI + notLazy + '\n', HELD_APP).findings.length, 2, notLazy);
  }
});

test('fork matrix: no master and one process is safe; master or processes > 1 is not', () => {
  assert.deepEqual(run('[uwsgi]\nmodule = app:app\n', HELD_APP).findings, []);
  assert.deepEqual(run('[uwsgi]\nmaster = false\nstats = :9191\nmodule = app:app\n', HELD_APP).findings, []);
  assert.equal(run('[uwsgi]\nprocesses = 2\nmodule = app:app\n', HELD_APP).findings.length, 2);
  assert.equal(run('[uwsgi]\nmules = 1\nmodule = app:app\n', HELD_APP).findings.length, 2);
});

test('master with processes = 1 narrows it to respawns and says so', () => {
  const { findings } = run('[uwsgi]\nmaster = true\nprocesses = 1\nmax-requests = 1000\nmodule = app:app\n', POOLED_APP);
  assert.equal(findings.length, 2);
  assert.match(findings[0].message, /every respawn \(max-requests = 1000\)/);
});

test('mitigations that run: dispose after the last query, NullPool, postfork dispose, register_at_fork with osafterfork', () => {
  assert.deepEqual(run(PREFORK_INI, POOLED_APP + 'engine.dispose()\n').findings, []);
  assert.deepEqual(run(PREFORK_INI, 'from sqlalchemy.pool import NullPool\n' + POOLED_APP.replace('"postgresql://db/x"', '"postgresql://db/x", poolclass=NullPool')).findings, []);
  const postfork = POOLED_APP + 'from uwsgidecorators import postfork\n@postfork\ndef reset():\n    engine.dispose()\n';
  assert.deepEqual(run(PREFORK_INI, postfork).findings, []);
  const atFork = POOLED_APP + 'import os\nos.register_at_fork(after_in_child=engine.dispose)\n';
  assert.equal(run(PREFORK_INI, atFork).findings.length, 2);
  assert.deepEqual(run(PREFORK_INI + 'py-call-osafterfork = true\n', atFork).findings, []);
});

test('what is not a mitigation: dispose before the query, pool_pre_ping, a hook that runs only under lazy', () => {
  const early = POOLED_APP.replace('with engine.connect()', 'engine.dispose()\nwith engine.connect()');
  assert.equal(run(PREFORK_INI, early).findings.length, 2);
  assert.equal(run(PREFORK_INI, POOLED_APP.replace('"postgresql://db/x"', '"postgresql://db/x", pool_pre_ping=True')).findings.length, 2);
  const closed = HELD_APP + 'conn.close()\n';
  assert.deepEqual(run(PREFORK_INI, closed).findings, []);
});

test('entries inside if-* blocks give a conditional verdict, not a guess', () => {
  const ini = '[uwsgi]\nmaster = true\nprocesses = 4\nif-env = PRODUCTION\nlazy-apps = true\nendif =\nmodule = app:app\n';
  const { findings } = run(ini, HELD_APP);
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.severity === 'information' && /conditional/.test(f.message)));
});

test('UWSGI_* settings from a Dockerfile decide the verdict and are named', () => {
  const { findings } = run('[uwsgi]\nmodule = app:app\n', HELD_APP, { '/w/Dockerfile': 'FROM python:3.12\nENV UWSGI_MASTER=1 UWSGI_PROCESSES=4\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n' });
  assert.equal(findings.length, 2);
  assert.match(findings[0].message, /UWSGI_/);
});

test('shapes found late: default arguments, table reflection, Flask-Migrate upgrade(), a dispose only on error', () => {
  assert.equal(run(PREFORK_INI, 'import psycopg2\ndef q(sql, conn=psycopg2.connect("x")):\n    pass\n').findings.length, 2);
  assert.equal(run(PREFORK_INI, 'from sqlalchemy import MetaData, Table, create_engine\ne = create_engine("x")\nt = Table("u", MetaData(), autoload_with=e)\n').findings.length, 2);
  const migrate = 'from flask import Flask\nfrom flask_migrate import Migrate, upgrade\nfrom flask_sqlalchemy import SQLAlchemy\n' +
    'app = Flask(__name__)\ndb = SQLAlchemy(app)\nMigrate(app, db)\nwith app.app_context():\n    upgrade()\n';
  assert.equal(run(PREFORK_INI, migrate).findings.length, 2);
  const onError = POOLED_APP.replace('with engine.connect() as conn:\n    conn.execute(text("select 1"))\n', 'try:\n    engine.connect().close()\nexcept Exception:\n    engine.dispose()\n');
  assert.equal(run(PREFORK_INI, onError).findings.length, 2);
});

test('one Python finding per file, on its first connecting statement, with the worst severity in the file', () => {
  const app = POOLED_APP + 'import psycopg2\nraw = psycopg2.connect("dbname=x")\n';
  const { files, findings } = run(PREFORK_INI, app);
  const python = findings.filter((f) => f.file === '/w/app.py');
  assert.deepEqual(python.map((f) => `${at(files, f)} ${f.severity}`), ['app.py:6 error']);
  assert.match(python[0].message, /Also opened before the fork in this file: `psycopg2\.connect\("dbname=x"\)` \(app\.py:9, held for the process\)/);
});

test('nothing is reported when uWSGI never imports the app: strict exits on an unknown name, no python plugin', () => {
  const base = '[uwsgi]\nmaster = true\nprocesses = 4\nmodule = app:app\n';
  assert.deepEqual(run(base.replace('[uwsgi]\n', '[uwsgi]\nstrict = true\nlazy_apps = true\n'), HELD_APP).findings, []);
  const pluginBuild = analyze({ '/w/uwsgi.ini': base, '/w/app.py': HELD_APP }, [UW301], { buildKind: 'plugin' });
  assert.deepEqual(pluginBuild, []);
  const strictPluginLate = base.replace('[uwsgi]\n', '[uwsgi]\nstrict = true\n') + 'plugins = python3\n';
  assert.deepEqual(analyze({ '/w/uwsgi.ini': strictPluginLate, '/w/app.py': HELD_APP }, [UW301]), [], 'under strict, module before the plugin load stops uWSGI');
});

test('the app still loads: strict without unknown names, declared placeholders, strict only inside a logic block, python plugin loaded', () => {
  const base = '[uwsgi]\nmaster = true\nprocesses = 4\nmodule = app:app\n';
  assert.equal(run(base + 'strict = true\nset-ph = n=2\n', HELD_APP).findings.length, 2);
  assert.equal(run(base + 'if-env = STRICT\nstrict = true\nendif =\nlazy_apps = true\n', HELD_APP).findings.length, 2);
  assert.equal(run(base.replace('[uwsgi]\n', '[uwsgi]\nsocket = @(/etc/uwsgi/socket)\n'), HELD_APP).findings.length, 2, 'a file read from the host may exist there');
  const loaded = analyze({ '/w/uwsgi.ini': '[uwsgi]\nstrict = true\nplugins = python3\n' + base.slice(8), '/w/app.py': HELD_APP }, [UW301], { buildKind: 'plugin' });
  assert.equal(loaded.length, 2);
});

test('cleanups the model follows: engine.pool.dispose(), disposing every db.engines value in a loop, postfork(fn) call form', () => {
  const pooled = 'from flask import Flask\nfrom sqlalchemy import create_engine, text\nengine = create_engine("postgresql://x")\nwith engine.connect() as c:\n    c.execute(text("select 1"))\n';
  assert.deepEqual(run(PREFORK_INI, pooled + 'engine.pool.dispose()\napp = Flask(__name__)\n').findings, []);
  const postfork = pooled + 'from uwsgidecorators import postfork\ndef reset():\n    engine.dispose(close=False)\npostfork(reset)\napp = Flask(__name__)\n';
  assert.deepEqual(run(PREFORK_INI, postfork).findings, []);
  const binds = 'from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n' +
    'with app.app_context():\n    db.create_all()\n    for name, engine in db.engines.items():\n        engine.dispose()\n';
  assert.deepEqual(run(PREFORK_INI, binds).findings, []);
  assert.equal(run(PREFORK_INI, binds.replace('engine.dispose()', 'print(name)')).findings.length, 2);
});

test('closing every connection of a global collection in a loop leaves nothing open at fork', () => {
  const shards = 'import psycopg2\nfrom flask import Flask\napp = Flask(__name__)\nSHARDS = {n: psycopg2.connect(d) for n, d in DSNS.items()}\n';
  assert.equal(run(PREFORK_INI, shards).findings.length, 2);
  assert.deepEqual(run(PREFORK_INI, shards + 'for conn in SHARDS.values():\n    conn.close()\n').findings, []);
  const list = 'import psycopg2\nfrom flask import Flask\napp = Flask(__name__)\nPOOL = [psycopg2.connect(d) for d in DSNS]\nfor c in POOL:\n    c.close()\n';
  assert.deepEqual(run(PREFORK_INI, list).findings, []);
});
