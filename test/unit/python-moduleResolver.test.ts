import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { moduleNameOf, resolveModule, resolveRelative } from '../../server/src/python/moduleResolver';

const fs = new MemoryFileSystem({
  '/w/wsgi.py': '',
  '/w/shop/__init__.py': '',
  '/w/shop/db.py': '',
  '/w/shop/models/__init__.py': '',
  '/w/shop/models/user.py': '',
  '/w/ns/part.py': '',
  '/w/other/ns/more.py': '',
  '/w/both.py': '',
  '/w/both/__init__.py': '',
});

test('plain module and package __init__ chain', () => {
  assert.deepEqual(resolveModule(fs, ['/w'], 'wsgi'), {
    dotted: 'wsgi', file: '/w/wsgi.py', packageInits: [], packageDirs: [], isPackage: false,
  });
  const user = resolveModule(fs, ['/w'], 'shop.models.user')!;
  assert.equal(user.file, '/w/shop/models/user.py');
  assert.deepEqual(user.packageInits, ['/w/shop/__init__.py', '/w/shop/models/__init__.py']);
  assert.equal(resolveModule(fs, ['/w'], 'shop.models')!.file, '/w/shop/models/__init__.py');
});

test('a regular package wins over a module of the same name, as in Python', () => {
  assert.equal(resolveModule(fs, ['/w'], 'both')!.file, '/w/both/__init__.py');
});

test('namespace packages merge folders across the search path', () => {
  const ns = resolveModule(fs, ['/w', '/w/other'], 'ns')!;
  assert.equal(ns.file, undefined);
  assert.deepEqual(ns.packageDirs, ['/w/ns', '/w/other/ns']);
  assert.equal(resolveModule(fs, ['/w', '/w/other'], 'ns.more')!.file, '/w/other/ns/more.py');
});

test('missing and third-party modules are not found', () => {
  assert.equal(resolveModule(fs, ['/w'], 'flask'), undefined);
  assert.equal(resolveModule(fs, ['/w'], 'shop.nope'), undefined);
  assert.equal(resolveModule(fs, ['/w'], 'wsgi.sub'), undefined);
  assert.equal(resolveModule(fs, ['/w'], 'bad-name'), undefined);
});

test('relative imports from modules and packages', () => {
  assert.equal(resolveRelative(fs, ['/w'], 'shop.models.user', false, 2, 'db')!.file, '/w/shop/db.py');
  assert.equal(resolveRelative(fs, ['/w'], 'shop', true, 1, 'db')!.file, '/w/shop/db.py');
  assert.equal(resolveRelative(fs, ['/w'], 'shop.models', true, 1, '')!.file, '/w/shop/models/__init__.py');
  assert.equal(resolveRelative(fs, ['/w'], 'wsgi', false, 1, 'x'), undefined);
  assert.equal(resolveRelative(fs, ['/w'], undefined, false, 1, 'db'), undefined);
  assert.equal(resolveRelative(fs, ['/w'], 'shop', true, 3, 'db'), undefined);
});

test('module names of files', () => {
  assert.equal(moduleNameOf(['/w'], '/w/shop/models/__init__.py'), 'shop.models');
  assert.equal(moduleNameOf(['/w'], '/w/shop/db.py'), 'shop.db');
  assert.equal(moduleNameOf(['/w/shop'], '/x/y.py'), undefined);
});
