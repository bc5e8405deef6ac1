import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { moduleDefinitionsOf } from '../../server/src/app/moduleDefinitions';
import { initPythonParser } from '../../server/src/python/parser';
import { contextFor } from './appTestContext';

before(async () => {
  assert.equal(await initPythonParser(), 'ready');
});

function defsOf(text: string) {
  return moduleDefinitionsOf(contextFor({ '/ws/m.py': text }), '/ws/m.py')!;
}

test('top-level names from assignments, def/class, imports and compound blocks; not from function bodies', () => {
  const defs = defsOf(
    [
      'import os.path, sys as system',
      'from shop import app as web, db',
      'x, (y, z) = 1, 2',
      'a = b = 3',
      'cfg: dict = {}',
      '@decorator',
      'def handler(): inner = 1',
      'class Model: pass',
      'if os.environ.get("X"):',
      '    cond = 1',
      'else:',
      '    other = 2',
      'try:',
      '    import fast',
      'except ImportError:',
      '    fast = None',
      'with open("f") as fh:',
      '    loaded = fh.read()',
    ].join('\n'),
  );
  const names = [...defs.names.keys()].sort();
  assert.deepEqual(names, ['Model', 'a', 'b', 'cfg', 'cond', 'db', 'fast', 'handler', 'loaded', 'os', 'other', 'system', 'web', 'x', 'y', 'z'].sort());
  assert.equal(defs.names.has('inner'), false);
  assert.equal(defs.opaque, false);
  assert.equal(defs.definesApplications, false);
});

test('app candidates: a Flask object first, then factory results, then app-like imports', () => {
  const defs = defsOf('from shop import application as imported_app\nfrom .web import app\napi = create_app()\nserver = flask.Flask(__name__)\n');
  assert.deepEqual(defs.appCandidates, ['server', 'api', 'app']);
  const wrapped = defsOf('from werkzeug.middleware.proxy_fix import ProxyFix\nfrom shop import make_app\nwsgi = ProxyFix(make_app())\n');
  assert.deepEqual(wrapped.appCandidates, ['wsgi']);
});

test('opaque modules and applications dicts are flagged', () => {
  assert.equal(defsOf('from shop import *\n').opaque, true);
  assert.equal(defsOf('globals().update(x)\n').opaque, true);
  assert.equal(defsOf('import sys\nsys.modules[__name__] = X()\n').opaque, true);
  assert.equal(defsOf('def __getattr__(name):\n    return 1\n').opaque, true);
  assert.equal(defsOf('applications = {"/": app}\n').definesApplications, true);
  assert.equal(defsOf('import uwsgi\nuwsgi.applications = {}\n').definesApplications, true);
});

test('syntax errors still yield what parsed; missing files yield undefined', () => {
  const defs = defsOf('app = Flask(__name__)\ndef broken(:\n');
  assert.ok(defs.names.has('app'));
  assert.equal(moduleDefinitionsOf(contextFor({}), '/ws/none.py'), undefined);
});
