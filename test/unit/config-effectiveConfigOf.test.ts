import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveConfigOf } from '../../server/src/config/effectiveConfig';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { RuleContext } from '../../server/src/rules/rule';

function context(files: Record<string, string>, section = 'uwsgi'): RuleContext {
  const memos = new Map<string, unknown>();
  return {
    rootPath: '/app/uwsgi.ini',
    section,
    fs: new MemoryFileSystem(files),
    settings: DEFAULT_SETTINGS,
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
    report() {},
  };
}

test('effectiveConfigOf builds the configuration once per analysis', () => {
  const ctx = context({ '/app/uwsgi.ini': '[uwsgi]\nprocesses = 4\n' });
  const first = effectiveConfigOf(ctx);
  assert.equal(effectiveConfigOf(ctx), first);
  assert.equal(first.intValue('processes'), 4);
});

test('effectiveConfigOf reads the section of the analysis', () => {
  const ctx = context({ '/app/uwsgi.ini': '[uwsgi]\nprocesses = 4\n[dev]\nprocesses = 1\n' }, 'dev');
  assert.equal(effectiveConfigOf(ctx).intValue('processes'), 1);
});

test('$(VAR) reads every ENV of the Dockerfile running this ini, not only UWSGI_*', () => {
  const ctx = context({
    '/app/uwsgi.ini': '[uwsgi]\nlazy-apps = $(LAZY_APPS)\nchdir = $(APP_HOME)\n',
    '/app/Dockerfile': 'FROM python:3.11\nENV LAZY_APPS=0\nCMD ["uwsgi", "--ini", "/app/uwsgi.ini"]\n',
  });
  const config = effectiveConfigOf(ctx);
  assert.equal(config.truthy('lazy-apps'), false);
  assert.equal(config.get('lazy-apps')?.variables?.[0].via, 'Dockerfile ENV');
  assert.equal(config.get('chdir')?.unknown, true);
});
