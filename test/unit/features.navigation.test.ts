import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definitionAt } from '../../server/src/features/definition';
import { documentLinks } from '../../server/src/features/links';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { cursor, request, slice } from './featuresFixture';

const APP = [
  'from flask import Flask',
  '',
  'def create_app():',
  '    app = Flask(__name__)',
  '    return app',
  '',
  'app = create_app()',
  'application = app',
  '',
].join('\n');

const FILES = {
  '/srv/app/wsgi.py': APP,
  '/srv/app/site/__init__.py': '',
  '/srv/app/site/web.py': APP,
  '/srv/app/common.ini': '[uwsgi]\nmaster = true\n[prod]\n',
  '/srv/app/reload.txt': '',
  '/opt/code/main.py': 'application = 1\n',
};

function links(text: string, files: Record<string, string> = FILES) {
  return documentLinks(request(text, files)).map((l) => [slice(text, l.range), l.target]);
}

test('links for ini/include/inherit, without the :section part', () => {
  const text = '[uwsgi]\nini = common.ini:prod\ninclude = %dcommon.ini\ninherit = /srv/app/common.ini\n';
  assert.deepEqual(links(text), [
    ['common.ini', '/srv/app/common.ini'],
    ['%dcommon.ini', '/srv/app/common.ini'],
    ['/srv/app/common.ini', '/srv/app/common.ini'],
  ]);
});

test('links for file-valued options, through placeholders and chdir; none for missing files', () => {
  const text = '[uwsgi]\nbase = /srv/app\nwsgi-file = %(base)/wsgi.py\ntouch-reload = reload.txt\nini = missing.ini\nlogto = /var/log/x.log\n';
  assert.deepEqual(links(text), [
    ['%(base)/wsgi.py', '/srv/app/wsgi.py'],
    ['reload.txt', '/srv/app/reload.txt'],
  ]);
  assert.deepEqual(links('[uwsgi]\nchdir = /opt/code\nwsgi-file = main.py\n'), [['main.py', '/opt/code/main.py']]);
});

test('links for @(file) readers of existing files, not for exec:// readers', () => {
  assert.deepEqual(links('[uwsgi]\nsocket = @(reload.txt)\nprocesses = @(exec://nproc)\n'), [['reload.txt', '/srv/app/reload.txt']]);
});

test('no links for values with environment variables or schemes, nor for non-file options', () => {
  assert.deepEqual(links('[uwsgi]\nini = $(CONF)/x.ini\ninclude = http://example/x.ini\nmodule = wsgi\n'), []);
});

function definition(marked: string, files: Record<string, string> = FILES) {
  const { text, offset } = cursor(marked);
  return definitionAt(request(text, files), offset).map((d) => ({
    origin: slice(text, d.originRange),
    path: d.path,
    symbol: slice(files[d.path] ?? '', d.range),
    line: (files[d.path] ?? '').slice(0, d.range.start).split('\n').length - 1,
  }));
}

test('module = pkg.mod:name goes to the binding of name in the module file', () => {
  assert.deepEqual(definition('[uwsgi]\nmodule = site.w|eb:app\n'), [
    { origin: 'site.web:app', path: '/srv/app/site/web.py', symbol: 'app', line: 6 },
  ]);
  // A factory call names the function.
  assert.equal(definition('[uwsgi]\nmodule = site.web:create_app(|)\n')[0].line, 2);
  // Without :name uWSGI looks up `application` (or `callable`).
  assert.equal(definition('[uwsgi]\nmodule = |wsgi\n')[0].symbol, 'application');
  assert.equal(definition('[uwsgi]\ncallable = app\nmodule = |wsgi\n')[0].line, 6);
});

test('wsgi-file, mount and callable go to the Python file and the callable', () => {
  assert.deepEqual(definition('[uwsgi]\nwsgi-file = ws|gi.py\n'), [
    { origin: 'wsgi.py', path: '/srv/app/wsgi.py', symbol: 'application', line: 7 },
  ]);
  assert.equal(definition('[uwsgi]\nmount = /api=site.web:|app\n')[0].path, '/srv/app/site/web.py');
  assert.equal(definition('[uwsgi]\nmount = /api=wsgi.py|\n')[0].path, '/srv/app/wsgi.py');
  assert.deepEqual(definition('[uwsgi]\nwsgi-file = wsgi.py\ncallable = a|pp\n'), [
    { origin: 'app', path: '/srv/app/wsgi.py', symbol: 'app', line: 6 },
  ]);
});

test('module names resolve from chdir and expand placeholders', () => {
  assert.equal(definition('[uwsgi]\nchdir = /opt/code\nmodule = ma|in\n')[0].path, '/opt/code/main.py');
  assert.equal(definition('[uwsgi]\napp = site.web\nmodule = %(app):a|pp\n')[0].path, '/srv/app/site/web.py');
});

test('a file without the callable still resolves to the file start; unknown modules give nothing', () => {
  assert.deepEqual(definition('[uwsgi]\nmodule = site:ap|p\n'), [{ origin: 'site:app', path: '/srv/app/site/__init__.py', symbol: '', line: 0 }]);
  assert.deepEqual(definition('[uwsgi]\nmodule = nowhere:ap|p\n'), []);
  assert.deepEqual(definition('[uwsgi]\nmas|ter = true\n'), []);
});

test('%(name) goes to the first key that defines it, in an included file too', () => {
  const { text, offset } = cursor('[uwsgi]\nini = common.ini\nbase = /x\nchdir = %(ba|se)\n');
  const [d] = definitionAt(request(text, FILES), offset);
  assert.equal(d.path, '/srv/app/uwsgi.ini');
  assert.equal(slice(text, d.range), 'base');
  assert.equal(slice(text, d.originRange), '%(base)');
  const [inc] = definition('[uwsgi]\nini = common.ini\nlazy-apps = %(mas|ter)\n');
  assert.deepEqual([inc.path, inc.symbol], ['/srv/app/common.ini', 'master']);
  assert.deepEqual(definition('[uwsgi]\nchdir = %(nop|e)\n'), []);
});

test('a deploy-side chdir is mapped into the workspace through the Dockerfile (entry resolution)', () => {
  const files = { ...FILES, '/srv/app/Dockerfile': 'FROM python:3.12\nWORKDIR /app\nCOPY . /app\nCMD ["uwsgi", "--ini", "deploy/uwsgi.ini"]\n' };
  const { text, offset } = cursor('[uwsgi]\nchdir = /app\nmodule = site.web:a|pp\n');
  const path = '/srv/app/deploy/uwsgi.ini';
  const fs = new MemoryFileSystem({ ...files, [path]: text });
  const settings = { ...DEFAULT_SETTINGS, workspaceRoots: ['/srv/app'] };
  const [d] = definitionAt({ path, text, fs, settings }, offset);
  assert.equal(d?.path, '/srv/app/site/web.py');
  assert.equal(slice(APP, d.range), 'app');
});
