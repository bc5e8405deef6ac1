import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { buildImportModel } from '../../server/src/python/importModel';
import { initPythonParser } from '../../server/src/python/parser';
import { moduleEntry } from './pythonTestKit';

before(async () => {
  assert.equal(await initPythonParser(), 'ready');
});

function effectsOf(files: Record<string, string>, entry = moduleEntry('app:app')) {
  const model = buildImportModel(new MemoryFileSystem(files), [entry]);
  return model.effects.filter((e) => e.phase === 'import').map((e) => `${e.kind} ${e.site.label}`);
}

const FSA = 'from flask import Flask\nfrom flask_sqlalchemy import SQLAlchemy\n';

test('module-level app_context create_all and seed run at import', () => {
  const app = FSA + 'app = Flask(__name__)\ndb = SQLAlchemy(app)\nclass Role(db.Model):\n    pass\nwith app.app_context():\n    db.create_all()\n    if not Role.query.first():\n        db.session.add(Role())\n        db.session.commit()\n';
  assert.deepEqual(effectsOf({ '/w/app.py': app }), ['ddl db.create_all()', 'query Role.query.first()', 'write db.session.commit()']);
});

test('a factory in a package called from wsgi.py is followed, with its call chain', () => {
  const files = {
    '/w/wsgi.py': 'from shop import create_app\napp = create_app()\n',
    '/w/shop/__init__.py': FSA + 'from .ext import db\n\ndef _seed():\n    db.session.commit()\n\ndef create_app():\n    app = Flask(__name__)\n    db.init_app(app)\n    with app.app_context():\n        _seed()\n    return app\n',
    '/w/shop/ext.py': 'from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n',
  };
  const model = buildImportModel(new MemoryFileSystem(files), [moduleEntry('wsgi:app')]);
  const commit = model.effects.find((e) => e.kind === 'write')!;
  assert.deepEqual(commit.chain.map((f) => f.label), ['module = wsgi:app', 'create_app()', '_seed()']);
  assert.equal(commit.site.file, '/w/shop/__init__.py');
});

test('module = x:create_app() makes uWSGI call the factory', () => {
  const files = { '/w/factory.py': 'from sqlalchemy import create_engine\nengine = create_engine("postgresql://x")\ndef create_app():\n    engine.connect()\n' };
  assert.deepEqual(effectsOf(files, moduleEntry('factory:create_app()')), ['connect engine.connect()']);
  assert.deepEqual(effectsOf(files, moduleEntry('factory:create_app')), []);
});

test('relative imports and package __init__ chains run first', () => {
  const files = {
    '/w/pkg/__init__.py': 'import psycopg2\nconn = psycopg2.connect("dbname=x")\n',
    '/w/pkg/sub/__init__.py': '',
    '/w/pkg/sub/mod.py': 'from ..db import engine\nengine.begin()\n',
    '/w/pkg/db.py': 'from sqlalchemy import create_engine\nengine = create_engine("x")\n',
  };
  assert.deepEqual(effectsOf(files, moduleEntry('pkg.sub.mod')), ['connect psycopg2.connect("dbname=x")', 'connect engine.begin()']);
});

test('__main__ guards, route bodies, CLI commands and lambdas are not run', () => {
  const app = FSA + 'import click\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n' +
    '@app.route("/")\ndef index():\n    db.session.execute("x")\n' +
    '@app.cli.command("init-db")\ndef init_db():\n    db.create_all()\n' +
    'setup = lambda: db.create_all()\n' +
    'if __name__ == "__main__":\n    db.create_all()\n    app.run()\nelse:\n    db.session.commit()\n';
  assert.deepEqual(effectsOf({ '/w/app.py': app }), ['write db.session.commit()']);
});

test('import cycles and recursion terminate', () => {
  const files = {
    '/w/app.py': 'import b\ndef f(n):\n    return f(n)\nf(1)\n',
    '/w/b.py': 'import app\nimport psycopg2\nc = psycopg2.connect()\n',
  };
  assert.deepEqual(effectsOf(files), ['connect psycopg2.connect()']);
});

test('classes: constructors and methods are followed through receivers', () => {
  const app = 'import psycopg2\nclass Repo:\n    def __init__(self, dsn):\n        self.conn = psycopg2.connect(dsn)\n    def warm(self):\n        self.conn.cursor().execute("select 1")\nrepo = Repo("x")\nrepo.warm()\n';
  assert.deepEqual(effectsOf({ '/w/app.py': app }), ['connect psycopg2.connect(dsn)', 'query self.conn.cursor().execute("select 1")']);
});

test('before_first_request and postfork bodies run in their own phases, not at import', () => {
  const app = FSA + 'from uwsgidecorators import postfork\napp = Flask(__name__)\ndb = SQLAlchemy(app)\n' +
    '@app.before_first_request\ndef setup():\n    db.create_all()\n@postfork\ndef reset():\n    db.engine.dispose()\n';
  const model = buildImportModel(new MemoryFileSystem({ '/w/app.py': app }), [moduleEntry('app:app')]);
  assert.deepEqual(model.effects.map((e) => `${e.phase} ${e.kind}`), ['firstRequest ddl', 'postfork dispose']);
  assert.deepEqual(model.hooks.map((h) => h.kind), ['beforeFirstRequest', 'postfork']);
  assert.equal(model.uwsgidecoratorsImports.length, 1);
});

test('syntax errors: what parsed is still analysed; unknown modules are not followed', () => {
  const app = 'import psycopg2\nimport thirdparty\nthirdparty.setup()\ndef broken(:\n    pass\nconn = psycopg2.connect()\n';
  assert.deepEqual(effectsOf({ '/w/app.py': app }), ['connect psycopg2.connect()']);
});

test('a huge generated loop of statements stays within budget', () => {
  const app = 'import psycopg2\n' + 'def f():\n    g()\ndef g():\n    f()\n'.repeat(50) + 'f()\nc = psycopg2.connect()\n';
  const model = buildImportModel(new MemoryFileSystem({ '/w/app.py': app }), [moduleEntry('app:app')]);
  assert.equal(model.effects.length, 1);
});

test('pathological nesting degrades to unknown instead of overflowing the stack', () => {
  const nested = 'x = ' + '('.repeat(20000) + '1' + ')'.repeat(20000) + '\nimport psycopg2\nc = psycopg2.connect()\n';
  const sums = 'y = ' + Array.from({ length: 20000 }, (_, i) => String(i)).join(' + ') + '\n';
  assert.deepEqual(effectsOf({ '/w/app.py': nested + sums }), ['connect psycopg2.connect()']);
});

test('error recovery, match statements and walrus assignments still reach the connect call', () => {
  const unclosed = 'import psycopg2\nx = foo(1, 2\nconn = psycopg2.connect()\n';
  assert.deepEqual(effectsOf({ '/w/app.py': unclosed }), ['connect psycopg2.connect()']);
  const match = 'import psycopg2\nmatch MODE:\n    case "db":\n        conn = psycopg2.connect()\n';
  assert.deepEqual(effectsOf({ '/w/app.py': match }), ['connect psycopg2.connect()']);
  const walrus = 'import psycopg2\nif (conn := psycopg2.connect()):\n    pass\n';
  const model = buildImportModel(new MemoryFileSystem({ '/w/app.py': walrus }), [moduleEntry('app:app')]);
  assert.equal(model.effects[0].resource.stored, true);
});

test('wsgi-file entries run under a mangled name (no relative imports); shared-import runs first', () => {
  const files = {
    '/w/run.py': 'from . import db\nimport helpers\n',
    '/w/db.py': 'import psycopg2\nc = psycopg2.connect()\n',
    '/w/helpers.py': 'import sqlite3\ns = sqlite3.connect("app.db")\n',
    '/w/shared.py': 'import pymysql\nm = pymysql.connect()\n',
  };
  const file = moduleEntry('run.py', { kind: 'file', key: 'wsgi-file', moduleName: undefined, filePath: '/w/run.py' });
  const shared = moduleEntry('shared', { kind: 'shared-import', key: 'shared-import' });
  const model = buildImportModel(new MemoryFileSystem(files), [file, shared]);
  assert.deepEqual(model.effects.map((e) => `${e.entryIndex} ${e.site.label}`), ['1 pymysql.connect()', '0 sqlite3.connect("app.db")']);
});

test('sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))) extends the search path for later imports', () => {
  const files = {
    '/srv/deploy/wsgi.py': 'import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))\nfrom shop import app\n',
    '/srv/src/shop.py': 'import psycopg2\nconn = psycopg2.connect()\napp = object()\n',
  };
  const entry = moduleEntry('wsgi.py', { kind: 'file', key: 'wsgi-file', moduleName: undefined, filePath: '/srv/deploy/wsgi.py', searchPath: ['/srv/deploy'] });
  assert.deepEqual(effectsOf(files, entry), ['connect psycopg2.connect()']);
  assert.deepEqual(entry.searchPath, ['/srv/deploy'], 'the entry itself is not changed');
});

test('comprehensions run their body at import, keep loop names local, and a stored list or dict stores what it holds', () => {
  const list = 'import psycopg2\nDSNS = ["a", "b"]\nSHARDS = [psycopg2.connect(dsn) for dsn in DSNS if dsn]\n';
  const model = buildImportModel(new MemoryFileSystem({ '/w/app.py': list }), [moduleEntry('app:app')]);
  assert.deepEqual(model.effects.map((e) => `${e.kind} ${e.site.label}`), ['connect psycopg2.connect(dsn)']);
  assert.equal(model.effects[0].resource.stored, true);
  assert.equal(model.modules[0].namespace.has('dsn'), false, 'the loop variable does not leak into the module');
  const dict = 'import psycopg2\nCONNS = {name: psycopg2.connect(dsn) for name, dsn in SOURCES.items()}\n';
  const byName = buildImportModel(new MemoryFileSystem({ '/w/app.py': dict }), [moduleEntry('app:app')]);
  assert.equal(byName.effects[0].resource.stored, true);
  const literal = 'import psycopg2\nDBS = {"main": psycopg2.connect("x")}\n';
  assert.equal(buildImportModel(new MemoryFileSystem({ '/w/app.py': literal }), [moduleEntry('app:app')]).effects[0].resource.stored, true);
  const local = 'import psycopg2\ndef ping():\n    return len([psycopg2.connect(d) for d in "ab"])\nping()\n';
  const inFunction = buildImportModel(new MemoryFileSystem({ '/w/app.py': local }), [moduleEntry('app:app')]);
  assert.equal(inFunction.effects[0].resource.stored, undefined, 'a list that dies with the call stores nothing');
});

test('decorators run at definition: factory calls and our own decorators execute, the decorated body only when something calls it', () => {
  const factory = 'from sqlalchemy import create_engine, text\nengine = create_engine("x")\n' +
    'def preload(sql):\n    with engine.connect() as conn:\n        conn.execute(text(sql))\n    def decorate(view):\n        return view\n    return decorate\n' +
    '@app.get("/c")\n@preload("SELECT 1")\ndef countries():\n    engine.begin()\n';
  const model = buildImportModel(new MemoryFileSystem({ '/w/app.py': factory }), [moduleEntry('app:app')]);
  const connect = model.effects.find((e) => e.kind === 'connect')!;
  assert.equal(connect.site.label, 'engine.connect()');
  assert.deepEqual(connect.chain.map((f) => f.label), ['module = app:app', 'preload("SELECT 1")']);
  assert.equal(model.effects.some((e) => e.site.label === 'engine.begin()'), false, 'the view body is not run');
  const plain = 'import psycopg2\ndef warm(f):\n    f()\n    return f\n@warm\ndef seed():\n    psycopg2.connect("x")\n';
  assert.deepEqual(effectsOf({ '/w/app.py': plain }), ['connect psycopg2.connect("x")']);
  const wrapper = 'import psycopg2\ndef logged(f):\n    def inner():\n        return f()\n    return inner\n@logged\ndef make():\n    return psycopg2.connect("x")\n';
  assert.deepEqual(effectsOf({ '/w/app.py': wrapper }), []);
  assert.deepEqual(effectsOf({ '/w/app.py': wrapper + 'conn = make()\n' }), ['connect psycopg2.connect("x")'], 'calling the wrapped name reaches the original body');
});

test('containers: what is appended to a global list or dict lives for the process; a local one dies with the call', () => {
  const stored = (app: string) => buildImportModel(new MemoryFileSystem({ '/w/app.py': app }), [moduleEntry('app:app')]).effects[0].resource.stored;
  assert.equal(stored('import psycopg2\nPOOL = []\nfor dsn in DSNS:\n    POOL.append(psycopg2.connect(dsn))\n'), true);
  assert.equal(stored('import psycopg2\nBY_NAME = {}\nBY_NAME.setdefault("main", psycopg2.connect("x"))\n'), true);
  assert.equal(stored('import psycopg2\ndef probe():\n    tmp = []\n    tmp.append(psycopg2.connect("x"))\nprobe()\n'), undefined);
  assert.equal(stored('import psycopg2\nloop = []\nloop.append(loop)\nloop.append(psycopg2.connect("x"))\n'), true, 'a list holding itself terminates');
});

test('functools.lru_cache / cache keep the result of every call: a cached connection factory called at import holds it', () => {
  const stored = (app: string) => buildImportModel(new MemoryFileSystem({ '/w/app.py': app }), [moduleEntry('app:app')]).effects[0].resource.stored;
  assert.equal(stored('import functools, psycopg2\n@functools.lru_cache(maxsize=None)\ndef get():\n    return psycopg2.connect("x")\nget()\n'), true);
  assert.equal(stored('from functools import cache\nimport psycopg2\n@cache\ndef get():\n    return psycopg2.connect("x")\nget().cursor()\n'), true);
  assert.equal(stored('import psycopg2\ndef get():\n    return psycopg2.connect("x")\nget()\n'), undefined);
});

test('for loops bind their target to each known item (up to a few), else run once with an unknown item', () => {
  const app = 'import psycopg2\nfor dsn in ["a", "b"]:\n    psycopg2.connect(dsn)\nfor other in UNKNOWN_LIST:\n    psycopg2.connect(other)\nelse:\n    psycopg2.connect("after")\n';
  assert.deepEqual(effectsOf({ '/w/app.py': app }), ['connect psycopg2.connect(dsn)', 'connect psycopg2.connect(dsn)', 'connect psycopg2.connect(other)', 'connect psycopg2.connect("after")']);
});

test('importlib.import_module with a literal name runs the module like an import statement', () => {
  const files = { '/w/app.py': 'import importlib\nimportlib.import_module("pkg.db")\nfrom importlib import import_module\nimport_module(NAME)\n', '/w/pkg/__init__.py': '', '/w/pkg/db.py': 'import psycopg2\nCONN = psycopg2.connect("x")\n' };
  assert.deepEqual(effectsOf(files), ['connect psycopg2.connect("x")']);
});

test('generator functions run only when iterated: for, next(), list(), a library call, a with block', () => {
  const gen = 'import psycopg2\ndef rows():\n    global CONN\n    CONN = psycopg2.connect("x")\n    yield CONN\n';
  assert.deepEqual(effectsOf({ '/w/app.py': gen + 'G = rows()\n' }), [], 'created, never iterated');
  for (const use of ['for r in rows():\n    pass\n', 'FIRST = next(rows())\n', 'ALL = list(rows())\n', 'cur.executemany("x", rows())\n', '[r for r in rows()]\n']) {
    assert.deepEqual(effectsOf({ '/w/app.py': gen + use }), ['connect psycopg2.connect("x")'], use);
  }
  const held = buildImportModel(new MemoryFileSystem({ '/w/app.py': 'import psycopg2\ndef one():\n    yield psycopg2.connect("x")\nCONN = next(one())\n' }), [moduleEntry('app:app')]);
  assert.equal(held.effects[0].resource.stored, true, 'next() gives what the generator yielded');
  const cm = 'import psycopg2\nfrom contextlib import contextmanager\n@contextmanager\ndef conn():\n    c = psycopg2.connect("x")\n    try:\n        yield c\n    finally:\n        c.close()\nwith conn() as c:\n    c.cursor().execute("select 1")\n';
  assert.deepEqual(effectsOf({ '/w/app.py': cm }), ['connect psycopg2.connect("x")', 'close c.close()', 'query c.cursor().execute("select 1")']);
});

test('class members: reading a @property at import runs its getter; staticmethod and classmethod bind no instance', () => {
  const base = 'import psycopg2\nclass Db:\n    def __init__(self):\n        self.dsn = "x"\n' +
    '    @property\n    def conn(self):\n        return psycopg2.connect(self.dsn)\n' +
    '    @staticmethod\n    def open(dsn):\n        return psycopg2.connect(dsn)\n' +
    '    @classmethod\n    def make(cls, dsn):\n        return psycopg2.connect(dsn)\n';
  assert.deepEqual(effectsOf({ '/w/app.py': base + 'DB = Db()\n' }), [], 'defining and instantiating reads nothing');
  assert.deepEqual(effectsOf({ '/w/app.py': base + 'CONN = Db().conn\n' }), ['connect psycopg2.connect(self.dsn)']);
  const stat = buildImportModel(new MemoryFileSystem({ '/w/app.py': base + 'C = Db().open("y")\nK = Db.make("z")\n' }), [moduleEntry('app:app')]);
  assert.deepEqual(stat.effects.map((e) => e.site.label), ['psycopg2.connect(dsn)', 'psycopg2.connect(dsn)']);
  assert.ok(stat.effects.every((e) => e.resource.stored), 'both kept in module globals');
});

test('async def bodies run only when awaited or handed to an event loop', () => {
  const app = 'import asyncio, psycopg2\nasync def warm():\n    return psycopg2.connect("x")\n';
  assert.deepEqual(effectsOf({ '/w/app.py': app + 'warm()\n' }), [], 'a coroutine nobody awaits never runs');
  assert.deepEqual(effectsOf({ '/w/app.py': app + 'CONN = asyncio.run(warm())\n' }), ['connect psycopg2.connect("x")']);
  assert.deepEqual(effectsOf({ '/w/app.py': app + 'async def main():\n    return await warm()\nasyncio.run(main())\n' }), ['connect psycopg2.connect("x")']);
});
