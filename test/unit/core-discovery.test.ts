import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverConfigs, isUwsgiConfig } from '../../server/src/core/configDiscovery';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { matchesGlob } from '../../server/src/core/globMatch';

test('any .ini with a [uwsgi] section is a config, whatever its name; other ini files are not', () => {
  assert.equal(isUwsgiConfig('/w/deploy/shop.ini', '; shop\n[uwsgi]\nmodule = x\n'), true);
  assert.equal(isUwsgiConfig('/w/setup.ini', '[metadata]\nname = x\n'), false);
  assert.equal(isUwsgiConfig('/w/tox.ini', '[tox]\n'), false);
  assert.equal(isUwsgiConfig('/w/app.cfg', '[uwsgi]\n'), false);
});

test('conventional names are configs even without the section, so a missing header is reported', () => {
  for (const path of ['/w/uwsgi.ini', '/w/shop.uwsgi.ini', '/w/uwsgi/app.ini', '/etc/uwsgi/vassals/a.ini', '/w/apps-enabled/b.ini']) {
    assert.equal(isUwsgiConfig(path, '[UWSGI]\n'), true, path);
  }
});

test('discovery walks the tree, skips virtualenvs and node_modules, and caps the walk', () => {
  const fs = new MemoryFileSystem({
    '/w/uwsgi.ini': '[uwsgi]\n',
    '/w/deploy/prod.ini': '[uwsgi]\nmaster = true\n',
    '/w/setup.ini': '[metadata]\n',
    '/w/.venv/lib/site.ini': '[uwsgi]\n',
    '/w/node_modules/x/uwsgi.ini': '[uwsgi]\n',
    '/w/app/wsgi.py': 'app = None\n',
  });
  assert.deepEqual(discoverConfigs(fs, ['/w']), { configs: ['/w/deploy/prod.ini', '/w/uwsgi.ini'], truncated: false });
  assert.equal(discoverConfigs(fs, ['/w'], 2).truncated, true);
});

test('exclude globs match workspace-relative paths like .gitignore patterns', () => {
  assert.equal(matchesGlob('legacy/uwsgi.ini', 'legacy/**'), true);
  assert.equal(matchesGlob('deploy/legacy/uwsgi.ini', 'legacy/**'), false);
  assert.equal(matchesGlob('deploy/old.ini', '*.ini'), true);
  assert.equal(matchesGlob('deploy/old.ini', '**/{old,stale}.ini'), true);
  assert.equal(matchesGlob('deploy/new.ini', '**/{old,stale}.ini'), false);
});

test('the in-memory file system implies folders from paths and follows changes', () => {
  const fs = new MemoryFileSystem({ '/w/a/b.py': '', '/w/c.ini': '' });
  assert.equal(fs.kind('/w'), 'directory');
  assert.equal(fs.kind('/w/a'), 'directory');
  assert.equal(fs.kind('/w/a/b.py'), 'file');
  assert.equal(fs.kind('/w/zz'), undefined);
  assert.deepEqual(fs.readDirectory('/w'), ['a', 'c.ini']);
  assert.deepEqual(fs.readDirectory('/'), ['w']);
  fs.set('/w/d/e.py', '');
  assert.deepEqual(fs.readDirectory('/w'), ['a', 'c.ini', 'd']);
  fs.delete('/w/a/b.py');
  assert.equal(fs.kind('/w/a'), undefined);
});
