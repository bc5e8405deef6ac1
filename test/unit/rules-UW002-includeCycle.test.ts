import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW002 } from '../../server/src/rules/UW002-includeCycle';
import { loadEffectiveConfig } from '../../server/src/config/effectiveConfig';
import { MAX_INCLUDED_FILES } from '../../server/src/config/includeWalker';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { runRules } from './helpers/runRule';

test('UW002: a cycle is reported once, at the include that closes it, with the chain', () => {
  const findings = runRules([UW002], {
    '/app/uwsgi.ini': '[uwsgi]\ninclude = a.ini\n',
    '/app/a.ini': '[uwsgi]\nini = b.ini\n',
    '/app/b.ini': '[uwsgi]\ninclude = a.ini\n',
  });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].file, '/app/b.ini');
  assert.match(findings[0].message, /a\.ini:uwsgi → b\.ini:uwsgi → a\.ini:uwsgi/);
});

test('UW002: including the same file twice, or another section of itself, is not a cycle', () => {
  assert.deepEqual(runRules([UW002], {
    '/app/uwsgi.ini': '[uwsgi]\ninclude = a.ini\ninclude = a.ini\nini = :extra\n[extra]\nmaster = 1\n',
    '/app/a.ini': '[uwsgi]\nprocesses = 2\n',
  }), []);
});

test('UW002: ini = :uwsgi inside [uwsgi] re-reads itself forever', () => {
  const findings = runRules([UW002], { '/app/uwsgi.ini': '[uwsgi]\nini = :uwsgi\n' });
  assert.equal(findings.length, 1);
});

test('UW002: includes that fan out (each file including the next three times) stop at a file budget, reported once', () => {
  // Found by fuzzing: depth is bounded, but 3^16 reads of 20 small files exhausted the heap.
  const files: Record<string, string> = { '/app/uwsgi.ini': '[uwsgi]\nini = c0.ini\nmodule = app\n', '/app/c20.ini': '[uwsgi]\nprocesses = 2\n' };
  for (let i = 0; i < 20; i++) files[`/app/c${i}.ini`] = `[uwsgi]\nini = c${i + 1}.ini\nini = c${i + 1}.ini\nini = c${i + 1}.ini\n`;
  const budget = runRules([UW002], files).filter((f) => /more than 1000 files/.test(f.message));
  assert.equal(budget.length, 1);
  assert.equal(budget[0].severity, 'warning');
  const config = loadEffectiveConfig({ rootPath: '/app/uwsgi.ini', fs: new MemoryFileSystem(files), settings: DEFAULT_SETTINGS });
  assert.ok(config.files.length <= MAX_INCLUDED_FILES + 1);
  assert.equal(config.first('module')?.value, 'app');
});
