import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/core/settings';
import { WorkspaceLinter } from '../../server/src/core/workspaceLinter';
import type { Rule } from '../../server/src/rules/rule';

/** A rule that reads one file named in the config and reports on it, to observe dependencies. */
const readsTarget: Rule = {
  code: 'UW999',
  name: 'testRule',
  summary: 'test',
  defaultSeverity: 'warning',
  check(context) {
    const text = context.fs.readFile(context.rootPath) ?? '';
    const target = /target = (\S+)/.exec(text)?.[1];
    if (target && context.fs.readFile(target)?.includes('bad')) {
      context.report({ file: target, start: 0, end: 3, message: 'bad target' });
    }
  },
};

const throws: Rule = { ...readsTarget, code: 'UW998', name: 'broken', check: () => { throw new Error('boom'); } };

test('analysis records what it read, so dependents can be found in reverse', () => {
  const fs = new MemoryFileSystem({ '/w/a.ini': '[uwsgi]\ntarget = /w/app.py\n', '/w/app.py': 'bad' });
  const result = analyzeConfig({ path: '/w/a.ini', fs, settings: DEFAULT_SETTINGS, rules: [readsTarget] });
  assert.deepEqual(result.findings.map((f) => [f.file, f.code, f.severity]), [['/w/app.py', 'UW999', 'warning']]);
  assert.ok(result.dependencies.includes('/w/app.py'));
});

test('a failing rule becomes a finding instead of hiding the others', () => {
  const fs = new MemoryFileSystem({ '/w/a.ini': '[uwsgi]\ntarget = /w/app.py\n', '/w/app.py': 'bad' });
  const result = analyzeConfig({ path: '/w/a.ini', fs, settings: DEFAULT_SETTINGS, rules: [throws, readsTarget] });
  assert.deepEqual(result.findings.map((f) => f.code).sort(), ['UW000', 'UW999']);
  assert.match(result.findings.find((f) => f.code === 'UW000')!.message, /UW998.*boom/);
});

test('severity settings raise, lower or switch off a rule', () => {
  const fs = new MemoryFileSystem({ '/w/a.ini': '[uwsgi]\ntarget = /w/app.py\n', '/w/app.py': 'bad' });
  const raised = analyzeConfig({ path: '/w/a.ini', fs, settings: normalizeSettings({ severity: { uw999: 'error' } }), rules: [readsTarget] });
  assert.equal(raised.findings[0].severity, 'error');
  const off = analyzeConfig({ path: '/w/a.ini', fs, settings: normalizeSettings({ severity: { UW999: 'off' } }), rules: [readsTarget] });
  assert.equal(off.findings.length, 0);
});

test('the workspace linter re-checks only configs that read a changed file and reports shared files once', () => {
  const fs = new MemoryFileSystem({
    '/w/a.ini': '[uwsgi]\ntarget = /w/app.py\n',
    '/w/b.ini': '[uwsgi]\ntarget = /w/app.py\n',
    '/w/c.ini': '[uwsgi]\ntarget = /w/other.py\n',
    '/w/app.py': 'bad',
    '/w/other.py': 'fine',
  });
  const linter = new WorkspaceLinter(fs, [readsTarget]);
  for (const path of ['/w/a.ini', '/w/b.ini', '/w/c.ini']) linter.lint(path, DEFAULT_SETTINGS);
  assert.deepEqual(linter.configsDependingOn('/w/app.py'), ['/w/a.ini', '/w/b.ini']);
  assert.deepEqual(linter.configsDependingOn('/w/c.ini'), ['/w/c.ini']);
  assert.deepEqual([...linter.findingsByFile().keys()], ['/w/app.py']);
  assert.equal(linter.findingsByFile().get('/w/app.py')!.length, 1);
  linter.forget('/w/a.ini');
  assert.deepEqual(linter.configsDependingOn('/w/app.py'), ['/w/b.ini']);
});

test('settings from the editor are normalized: bad shapes fall back to defaults', () => {
  const settings = normalizeSettings({ uwsgiVersion: '1.9', buildKind: 'plugin', severity: { UW101: 'loud', uw102: 'off' }, exclude: ['a/**', 3] }, ['/w']);
  assert.equal(settings.uwsgiVersion, DEFAULT_SETTINGS.uwsgiVersion);
  assert.equal(settings.buildKind, 'plugin');
  assert.deepEqual(settings.severity, { UW102: 'off' });
  assert.deepEqual(settings.exclude, ['a/**']);
  assert.deepEqual(settings.workspaceRoots, ['/w']);
});

test('a folder an analysis listed counts as a dependency, so a file created there re-checks the config', () => {
  const listsFolder: Rule = {
    ...readsTarget,
    code: 'UW997',
    check(context) {
      const names = context.fs.readDirectory('/w/deploy') ?? [];
      if (!names.includes('Dockerfile')) context.report({ file: context.rootPath, start: 0, end: 1, message: 'no Dockerfile' });
    },
  };
  const fs = new MemoryFileSystem({ '/w/deploy/uwsgi.ini': '[uwsgi]\n' });
  const linter = new WorkspaceLinter(fs, [listsFolder]);
  linter.lint('/w/deploy/uwsgi.ini', DEFAULT_SETTINGS);
  assert.deepEqual(linter.configsDependingOn('/w/deploy'), ['/w/deploy/uwsgi.ini']);
});
