import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appEntriesOf } from '../../server/src/app/appEntries';
import { contextFor, spanText } from './appTestContext';

const pick = (e: ReturnType<typeof appEntriesOf>[number]) => ({
  kind: e.kind,
  moduleName: e.moduleName,
  filePath: e.filePath,
  callable: e.callable,
  callsFactory: e.callsFactory ?? false,
});

test('module forms: pkg.mod, pkg.mod:callable, pkg.mod:factory(), with callable default and option', () => {
  const base = { '/ws/shop/__init__.py': '', '/ws/shop/wsgi.py': 'app = 1\n' };
  const plain = appEntriesOf(contextFor({ ...base, '/ws/uwsgi.ini': '[uwsgi]\nmodule = shop.wsgi\n' }));
  assert.deepEqual(plain.map(pick), [{ kind: 'module', moduleName: 'shop.wsgi', filePath: '/ws/shop/wsgi.py', callable: 'application', callsFactory: false }]);
  assert.equal(plain[0].callableFrom, 'default');
  assert.deepEqual(plain[0].packageInits, ['/ws/shop/__init__.py']);
  const named = appEntriesOf(contextFor({ ...base, '/ws/uwsgi.ini': '[uwsgi]\nwsgi = shop.wsgi:app\ncallable = other\n' }));
  assert.equal(named[0].callable, 'app');
  assert.equal(named[0].callableFrom, 'value');
  const factory = appEntriesOf(contextFor({ ...base, '/ws/uwsgi.ini': '[uwsgi]\nmodule = shop:create_app()\n' }));
  assert.deepEqual(factory.map(pick), [{ kind: 'module', moduleName: 'shop', filePath: '/ws/shop/__init__.py', callable: 'create_app', callsFactory: true }]);
  const option = appEntriesOf(contextFor({ ...base, '/ws/uwsgi.ini': '[uwsgi]\nmodule = shop.wsgi\ncallable = app\n' }));
  assert.equal(option[0].callable, 'app');
  assert.equal(option[0].callableFrom, 'option');
});

test('wsgi-file and file with %d, chdir and relative paths; origin points at the value', () => {
  const files = { '/ws/deploy/uwsgi.ini': '[uwsgi]\nchdir = %d..\nwsgi-file = app/main.wsgi\n', '/ws/app/main.wsgi': 'application = None\n' };
  const [entry] = appEntriesOf(contextFor(files, { rootPath: '/ws/deploy/uwsgi.ini' }));
  assert.equal(entry.kind, 'file');
  assert.equal(entry.filePath, '/ws/app/main.wsgi');
  assert.equal(entry.callable, 'application');
  assert.equal(spanText(files, entry.origin), 'app/main.wsgi');
  const rel = appEntriesOf(contextFor({ '/ws/deploy/uwsgi.ini': '[uwsgi]\nfile = run.py\n', '/ws/deploy/run.py': '' }, { rootPath: '/ws/deploy/uwsgi.ini' }));
  assert.equal(rel[0].filePath, '/ws/deploy/run.py');
});

test('mount targets: .py/.wsgi files and mod:callable; bare modules are not loaded by uWSGI', () => {
  const files = {
    '/ws/uwsgi.ini': '[uwsgi]\nmount = /api=api.py\nworker-mount = /admin=admin.app:wsgi\nmount = /x=notloaded\nmanage-script-name = true\n',
    '/ws/api.py': '',
    '/ws/admin/app.py': '',
  };
  const entries = appEntriesOf(contextFor(files));
  assert.deepEqual(entries.map((e) => [e.kind, e.mountpoint, e.filePath, e.callable]), [
    ['mount', '/api', '/ws/api.py', 'application'],
    ['mount', '/admin', '/ws/admin/app.py', 'wsgi'],
  ]);
});

test('import and shared-import aliases, modules and file paths, in load order', () => {
  const files = {
    '/ws/uwsgi.ini': '[uwsgi]\nmodule = web\npyimport = tasks\nshared-python-import = db.pool\nimport = lib/warm.py\n',
    '/ws/web.py': '',
    '/ws/tasks.py': '',
    '/ws/db/pool.py': '',
    '/ws/lib/warm.py': '',
  };
  const entries = appEntriesOf(contextFor(files));
  assert.deepEqual(entries.map((e) => [e.kind, e.filePath]), [
    ['shared-import', '/ws/db/pool.py'],
    ['import', '/ws/tasks.py'],
    ['import', '/ws/lib/warm.py'],
    ['module', '/ws/web.py'],
  ]);
  assert.equal(entries[1].callable, undefined);
});

test('pythonpath (globs too) and src layouts; venv contents are not followed', () => {
  const files = {
    '/ws/uwsgi.ini': '[uwsgi]\npythonpath = %dsrc\npythonpath = %dlibs/*\nvenv = %d.venv\nmodule = shop.wsgi\nimport = helper\nimport = requests\n',
    '/ws/src/shop/__init__.py': '',
    '/ws/src/shop/wsgi.py': '',
    '/ws/libs/one/helper.py': '',
    '/ws/.venv/lib/python3.11/site-packages/requests/__init__.py': '',
  };
  const entries = appEntriesOf(contextFor(files));
  const byKey = new Map(entries.map((e) => [e.moduleName, e]));
  assert.equal(byKey.get('shop.wsgi')?.filePath, '/ws/src/shop/wsgi.py');
  assert.equal(byKey.get('helper')?.filePath, '/ws/libs/one/helper.py');
  assert.equal(byKey.get('requests')?.filePath, undefined);
  assert.deepEqual(byKey.get('shop.wsgi')?.searchPath, ['/ws', '/ws/src', '/ws/libs/one']);
});

test('a src layout without pythonpath is still found, with a note saying so', () => {
  const entries = appEntriesOf(contextFor({ '/ws/uwsgi.ini': '[uwsgi]\nmodule = shop.wsgi\n', '/ws/src/shop/__init__.py': '', '/ws/src/shop/wsgi.py': '' }));
  assert.equal(entries[0].filePath, '/ws/src/shop/wsgi.py');
  assert.ok(entries[0].mappingNotes.some((n) => /found in src\//.test(n)), entries[0].mappingNotes.join('\n'));
});

test('deploy-side paths map through the Dockerfile (WORKDIR + COPY) with notes', () => {
  const files = {
    '/ws/deploy/uwsgi.ini': '[uwsgi]\nchdir = /srv/app\nmodule = shop.wsgi:app\npythonpath = /srv/app/vendor\n',
    '/ws/Dockerfile': 'FROM python:3.11\nWORKDIR /srv/app\nCOPY backend/ .\nCMD ["uwsgi", "--ini", "/srv/app/deploy/uwsgi.ini"]\nCOPY deploy deploy\n',
    '/ws/backend/shop/wsgi.py': '',
    '/ws/backend/vendor/x.py': '',
  };
  const [entry] = appEntriesOf(contextFor(files, { rootPath: '/ws/deploy/uwsgi.ini' }));
  assert.equal(entry.filePath, '/ws/backend/shop/wsgi.py');
  assert.deepEqual(entry.searchPath, ['/ws/backend', '/ws/backend/vendor']);
  assert.ok(entry.mappingNotes.some((n) => n.includes('/srv/app → backend (Dockerfile: COPY backend/ /srv/app/)')), entry.mappingNotes.join('\n'));
});

test('suffix fallback: chdir = /app with the package at the workspace root', () => {
  const files = { '/ws/uwsgi.ini': '[uwsgi]\nchdir = /app\nmodule = shop.wsgi\n', '/ws/shop/__init__.py': '', '/ws/shop/wsgi.py': '' };
  const [entry] = appEntriesOf(contextFor(files));
  assert.equal(entry.filePath, '/ws/shop/wsgi.py');
  assert.ok(entry.mappingNotes.some((n) => n.startsWith('/app → ')), entry.mappingNotes.join('\n'));
  const wsgi = appEntriesOf(contextFor({ '/ws/uwsgi.ini': '[uwsgi]\nwsgi-file = /var/www/shop/app.wsgi\n', '/ws/shop/app.wsgi': '' }));
  assert.equal(wsgi[0].filePath, '/ws/shop/app.wsgi');
  assert.match(wsgi[0].mappingNotes.join('\n'), /matched by the path suffix shop\/app\.wsgi/);
});

test('not found: searched folders recorded; conditional entries flagged; unresolved values skipped', () => {
  const files = { '/ws/uwsgi.ini': '[uwsgi]\nif-env = PROD\nmodule = missing.app\nendif =\nwsgi-file = $(APP_FILE)\n' };
  const entries = appEntriesOf(contextFor(files));
  assert.equal(entries.length, 1);
  assert.equal(entries[0].filePath, undefined);
  assert.equal(entries[0].conditional, true);
  assert.deepEqual(entries[0].searched, ['./']);
});

test('callable = factory() calls the factory for module entries', () => {
  const [entry] = appEntriesOf(contextFor({ '/ws/uwsgi.ini': '[uwsgi]\nmodule = shop\ncallable = create_app()\n', '/ws/shop/__init__.py': '' }));
  assert.equal(entry.callable, 'create_app');
  assert.equal(entry.callsFactory, true);
  assert.equal(entry.callableFrom, 'option');
});

test('a package in a service folder (backend/, with or without src/) is found from an ini elsewhere', () => {
  for (const code of ['/ws/backend/shop/wsgi.py', '/ws/backend/src/shop/wsgi.py']) {
    const files = { '/ws/deploy/uwsgi.ini': '[uwsgi]\nmodule = shop.wsgi\n', [code]: '', [code.replace('wsgi.py', '__init__.py')]: '' };
    const [entry] = appEntriesOf(contextFor(files, { rootPath: '/ws/deploy/uwsgi.ini' }));
    assert.equal(entry.filePath, code);
    assert.match(entry.mappingNotes.join('\n'), /shop\.wsgi found in backend/);
  }
});
