import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt } from '../../server/src/features/completion';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { cursor, request, slice } from './featuresFixture';

function complete(marked: string, files: Record<string, string> = {}, settings = {}) {
  const { text, offset } = cursor(marked);
  const items = completionsAt(request(text, files, settings), offset);
  return { text, offset, items, labels: items.map((i) => i.label) };
}

test('option names on a new line, with details, insertion of " = " and an empty replace range', () => {
  const { items, offset } = complete('[uwsgi]\n|\n');
  const lazy = items.find((i) => i.label === 'lazy-apps');
  assert.ok(lazy);
  assert.equal(lazy.kind, 'option');
  assert.match(lazy.detail!, /core · boolean flag/);
  assert.equal(lazy.insertText, 'lazy-apps = true');
  assert.equal(lazy.option, 'lazy-apps');
  assert.deepEqual(lazy.replace, { start: offset, end: offset });
  assert.equal(items.find((i) => i.label === 'processes')?.insertText, 'processes = ');
});

test('the replace range covers the partial key, and only the name is inserted before an existing =', () => {
  const { items, text } = complete('[uwsgi]\nlazy-a|p = true\n');
  const lazy = items.find((i) => i.label === 'lazy-apps')!;
  assert.equal(slice(text, lazy.replace), 'lazy-ap');
  assert.equal(lazy.insertText, 'lazy-apps');
});

test('options are filtered by the configured uWSGI version', () => {
  assert.ok(!complete('[uwsgi]\n|', {}, { uwsgiVersion: '2.0.30' }).labels.includes('dynamic-apps'));
  assert.ok(complete('[uwsgi]\n|', {}, { uwsgiVersion: '2.1' }).labels.includes('dynamic-apps'));
});

test('options are filtered by the plugins the file loads', () => {
  // A monolithic (pip) build has python and http built in, but not php.
  const mono = complete('[uwsgi]\n|').labels;
  assert.ok(mono.includes('module') && mono.includes('http') && !mono.includes('php-docroot'));
  // A plugin build with only python3 loaded: no http router options.
  const plugin = complete('[uwsgi]\nplugins = python3\n|').labels;
  assert.ok(plugin.includes('module') && !plugin.includes('http-to'));
  assert.ok(complete('[uwsgi]\nplugin = php\n|').labels.includes('php-docroot'));
  assert.ok(!complete('[uwsgi]\n|', {}, { buildKind: 'plugin' }).labels.includes('module'));
});

test('core options sort before plugin options, canonical names before aliases', () => {
  const { items } = complete('[uwsgi]\n|');
  const sort = (label: string) => items.find((i) => i.label === label)!.sortText!;
  assert.ok(sort('processes') < sort('workers'));
  assert.ok(sort('master') < sort('module'));
});

test('no completion in comments or in a section header', () => {
  assert.equal(complete('[uwsgi]\n; ma|').items.length, 0);
  assert.equal(complete('[uw|sgi]\n').items.length, 0);
});

test('booleans for flag options, replacing the whole value', () => {
  const { items, text } = complete('[uwsgi]\nmaster = t|ru\n');
  assert.deepEqual(items.map((i) => i.label), ['true', 'false']);
  assert.equal(slice(text, items[0].replace), 'tru');
});

test('known enumerations: cheaper-algo and protocol (and its alias)', () => {
  assert.ok(complete('[uwsgi]\ncheaper-algo = |\n').labels.includes('busyness'));
  assert.ok(complete('[uwsgi]\nprotocol = h|\n').labels.includes('http'));
  assert.ok(complete('[uwsgi]\nsocket-protocol = |\n').labels.includes('fastcgi'));
});

test('plugin names complete the comma-separated item being typed', () => {
  const { items, text } = complete('[uwsgi]\nplugins = http,py|\n');
  const python = items.find((i) => i.label === 'python3');
  assert.ok(python);
  assert.equal(slice(text, python.replace), 'py');
});

const TREE = {
  '/srv/app/wsgi.py': 'application = None\n',
  '/srv/app/notes.txt': '',
  '/srv/app/pkg/__init__.py': '',
  '/srv/app/pkg/views.py': '',
  '/srv/app/conf/base.ini': '[uwsgi]\n',
  '/srv/app/.hidden.py': '',
};

test('workspace paths for wsgi-file: .py files and folders relative to the ini', () => {
  const { items, text } = complete('[uwsgi]\nwsgi-file = |\n', TREE);
  const labels = items.map((i) => i.label).sort();
  assert.deepEqual(labels, ['conf/', 'pkg/', 'wsgi.py']);
  const folder = items.find((i) => i.label === 'pkg/')!;
  assert.equal(folder.retrigger, true);
  assert.equal(slice(text, folder.replace), '');
});

test('path completion continues inside a folder and replaces only the segment', () => {
  const { items, text } = complete('[uwsgi]\nwsgi-file = pkg/vi|ew\n', TREE);
  assert.deepEqual(items.map((i) => i.label).sort(), ['__init__.py', 'views.py']);
  assert.equal(slice(text, items[0].replace), 'view');
  assert.deepEqual(complete('[uwsgi]\nini = %d/conf/|\n', TREE).labels, ['base.ini']);
});

test('folder options offer folders only', () => {
  assert.deepEqual(complete('[uwsgi]\nchdir = |\n', TREE).labels.sort(), ['conf/', 'pkg/']);
});

test('python module names for module =, stopping at :callable', () => {
  const { items, text } = complete('[uwsgi]\nmodule = pk|:app\n', TREE);
  assert.deepEqual(items.map((i) => i.label), ['pkg', 'pkg.views', 'wsgi']);
  assert.equal(slice(text, items[0].replace), 'pk');
  assert.equal(complete('[uwsgi]\nmodule = wsgi:|\n', TREE).items.length, 0);
});

test('module names also come from chdir', () => {
  const files = { '/opt/code/site/app.py': '' };
  assert.ok(complete('[uwsgi]\nchdir = /opt/code\nmodule = |\n', files).labels.includes('site.app'));
});

test('no value completion for free-form options', () => {
  assert.equal(complete('[uwsgi]\nsocket = |\n').items.length, 0);
});

test('module names come from the folders entry resolution maps from the deployment', () => {
  const files = {
    '/srv/Dockerfile': 'FROM python:3.12\nWORKDIR /app\nCOPY src/ /app\nCMD ["uwsgi", "--ini", "/app/uwsgi.ini"]\n',
    '/srv/src/shop/__init__.py': '',
  };
  const { text, offset } = cursor('[uwsgi]\nchdir = /app\nmodule = |\n');
  const fs = new MemoryFileSystem({ ...files, '/srv/deploy/uwsgi.ini': text });
  const items = completionsAt({ path: '/srv/deploy/uwsgi.ini', text, fs, settings: { ...DEFAULT_SETTINGS, workspaceRoots: ['/srv'] } }, offset);
  assert.ok(items.some((i) => i.label === 'shop'), JSON.stringify(items.map((i) => i.label)));
});

test('inside %( the names uWSGI can substitute, with the first value, closing the parenthesis', () => {
  const { items, text } = complete('[uwsgi]\nbase = /srv\nbase = /other\nset-ph = tag=v1\nchdir = %(b|\n');
  const base = items.find((i) => i.label === 'base')!;
  assert.equal(base.detail, '/srv');
  assert.equal(base.insertText, 'base)');
  assert.equal(slice(text, base.replace), 'b');
  assert.ok(items.some((i) => i.label === 'tag'));
  assert.equal(items.filter((i) => i.label === 'base').length, 1);
  const closed = complete('[uwsgi]\nbase = /srv\nchdir = %(ba|se)/x\n').items.find((i) => i.label === 'base')!;
  assert.equal(closed.insertText, 'base');
});
