import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../server/src/features/hover';
import { cursor, request, slice } from './featuresFixture';

function hover(marked: string, files: Record<string, string> = {}, settings = {}) {
  const { text, offset } = cursor(marked);
  const result = hoverAt(request(text, files, settings), offset);
  return result && { ...result, covered: slice(text, result.range) };
}

test('hover on a key: description, argument kind, plugin, versions, aliases, docs link', () => {
  const h = hover('[uwsgi]\nwork|ers = 4\n');
  assert.ok(h);
  assert.equal(h.covered, 'workers');
  assert.match(h.contents, /\*\*workers\*\*/);
  assert.match(h.contents, /core · takes a value/);
  assert.match(h.contents, /Alias of `processes`/);
  assert.match(h.contents, /2\.0\.21, 2\.0\.30, 2\.1/);
  assert.match(h.contents, /uwsgi-docs\.readthedocs\.io.*#processes/);
});

test('hover on a boolean flag explains uWSGI truthiness and on a python option its plugin', () => {
  assert.match(hover('[uwsgi]\nlazy-app|s = true\n')!.contents, /boolean flag[\s\S]*Off only for `false`/);
  assert.match(hover('[uwsgi]\n|module = app:app\n')!.contents, /python plugin[\s\S]*plugin = python3/);
});

test('hover on an option the configured version lacks says so', () => {
  const h = hover('[uwsgi]\ndynamic-ap|ps = true\n', {}, { uwsgiVersion: '2.0.21' });
  assert.match(h!.contents, /Not in uWSGI 2\.0\.21/);
});

test('hover on an unknown key says uWSGI ignores it and suggests the real name', () => {
  const h = hover('[uwsgi]\nlazy_a|pps = true\n');
  assert.equal(h!.covered, 'lazy_apps');
  assert.match(h!.contents, /not a uWSGI option/);
  assert.match(h!.contents, /Did you mean `lazy-apps`/);
});

test('hover on a boolean value tells how uWSGI reads it, inline "comment" included', () => {
  const h = hover('[uwsgi]\nmaster = fal|se ; off for now\n');
  assert.equal(h!.covered, 'false ; off for now');
  assert.match(h!.contents, /as \*\*on\*\*/);
  assert.match(hover('[uwsgi]\nmaster = O|FF\n')!.contents, /as \*\*off\*\*/);
});

test('hover on %(placeholder) shows its value and where the first occurrence is', () => {
  const h = hover('[uwsgi]\nbase = /srv/app\nbase = /other\nchdir = %(ba|se)/src\n');
  assert.equal(h!.covered, '%(base)');
  assert.match(h!.contents, /`%\(base\)` → `\/srv\/app`/);
  assert.match(h!.contents, /uwsgi\.ini:2/);
  assert.match(h!.contents, /first occurrence/);
});

test('hover on a placeholder defined in an included file points there', () => {
  const h = hover('[uwsgi]\nini = common.ini\nchdir = %(ro|ot)\n', { '/srv/app/common.ini': '[uwsgi]\nroot = /opt/x\n' });
  assert.match(h!.contents, /→ `\/opt\/x`/);
  assert.match(h!.contents, /common\.ini:2/);
});

test('hover on an undefined placeholder says it stays verbatim; %(_) is the loop item', () => {
  assert.match(hover('[uwsgi]\nchdir = %(nop|e)\n')!.contents, /leaves the text `%\(nope\)`/);
  assert.match(hover('[uwsgi]\nfor = a b\nenv = X=%(|_)\nendfor\n')!.contents, /current item/);
});

test('hover on magic variables shows their value for this file', () => {
  assert.match(hover('[uwsgi]\nchdir = %|d\n')!.contents, /In this file: `\/srv\/app\/`/);
  assert.match(hover('[uwsgi]\nprocname = %|n\n')!.contents, /`uwsgi`/);
  assert.match(hover('[uwsgi]\nprocesses = %|k\n')!.contents, /CPU core count[\s\S]*only when uWSGI starts/);
  assert.match(hover('[uwsgi]\nlog-date = %|Y\n')!.contents, /empty string/);
  assert.match(hover('[uwsgi]\nlog-date = %|%Y\n')!.contents, /literal `%`/);
});

test('hover on $(ENV) says it is read at runtime, and that defaults need 2.1', () => {
  const h = hover('[uwsgi]\nhome = $(VE|NV)\n');
  assert.equal(h!.covered, '$(VENV)');
  assert.match(h!.contents, /when uWSGI starts \(not read by uwsgi-lint\)/);
  assert.match(hover('[uwsgi]\nhome = $(VENV:-|/x)\n')!.contents, /2\.0\.30 has no `:-default` syntax/);
  assert.match(hover('[uwsgi]\nhome = $(VENV:-|/x)\n', {}, { uwsgiVersion: '2.1' })!.contents, /Falls back to `\/x`/);
});

test('hover on @(file) resolves the file and warns when it is missing', () => {
  assert.match(hover('[uwsgi]\nsocket = @(so|ck.txt)\n', { '/srv/app/sock.txt': 'x' })!.contents, /contents of `\/srv\/app\/sock\.txt`/);
  assert.match(hover('[uwsgi]\nsocket = @(/nope|)\n')!.contents, /does not exist: uWSGI exits/);
  assert.match(hover('[uwsgi]\nsocket = @(exec://ca|t x)\n')!.contents, /command runs/);
});

test('no hover on comments, blank lines or plain values of string options', () => {
  assert.equal(hover('[uwsgi]\n; mas|ter\n'), undefined);
  assert.equal(hover('[uwsgi]\n|\n'), undefined);
  assert.equal(hover('[uwsgi]\nsocket = :80|00\n'), undefined);
});

test('hover on a section header explains which section uWSGI reads', () => {
  assert.match(hover('[uw|sgi]\n')!.contents, /reads this section by default/);
  assert.match(hover('[pro|d]\n')!.contents, /file:prod/);
});

test('hover on an app value shows the Python file uWSGI loads and where the callable is', () => {
  const files = { '/srv/app/site/__init__.py': '', '/srv/app/site/web.py': 'from flask import Flask\n\napp = Flask(__name__)\n' };
  const h = hover('[uwsgi]\nmodule = site.w|eb:app\n', files);
  assert.equal(h!.covered, 'site.web:app');
  assert.match(h!.contents, /imports this module: `site\/web\.py`/);
  assert.match(h!.contents, /WSGI callable: `app` \(line 3\)/);
  const missing = hover('[uwsgi]\nwsgi-file = wsgi.py|\n', files);
  assert.match(missing!.contents, /could not find `wsgi\.py`/);
  assert.match(hover('[uwsgi]\nmodule = sit|e.web\n', files)!.contents, /`application`, uWSGI's default name \(\*\*not found at module level\*\*\)/);
  assert.match(hover('[uwsgi]\nshared-import = si|te\n', files)!.contents, /in the master, before forking/);
});

test('CRLF line endings do not leak into hover ranges or values', () => {
  const h = hover('[uwsgi]\r\nbase = /srv\r\nchdir = %(ba|se)\r\n');
  assert.equal(h!.covered, '%(base)');
  assert.match(h!.contents, /→ `\/srv`/);
});
