import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { zipEntries } from './zipEntries';

const ROOT = resolve(__dirname, '../..');
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(extension|server|cli)\.js$/,
  /^extension\/dist\/[a-z-]+\.wasm$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/images\/icon\.png$/,
];
const REQUIRED = [
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/cli.js',
  'extension/dist/web-tree-sitter.wasm',
  'extension/dist/tree-sitter-python.wasm',
  'extension/syntaxes/uwsgi.tmLanguage.json',
  'extension/images/icon.png',
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
];

let dir = '';
let vsix = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'uwsgi-lint-vsix-'));
  vsix = join(dir, 'uwsgi-lint.vsix');
  // Packages the current build (`npm test` builds first), as `npm run package` does after its own build.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], {
    cwd: ROOT,
    stdio: 'pipe',
  });
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the vsix holds only allow-listed files', () => {
  const unexpected = zipEntries(vsix).filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
  assert.deepEqual(unexpected, []);
});

test('the vsix holds the bundles, wasm assets, grammar, icon and docs', () => {
  const names = new Set(zipEntries(vsix));
  assert.deepEqual(REQUIRED.filter((name) => !names.has(name)), []);
});

test('the vsix stays under 3 MB', () => {
  const size = statSync(vsix).size;
  assert.ok(size < 3 * 1024 * 1024, `vsix is ${(size / 1024 / 1024).toFixed(2)} MB`);
});
