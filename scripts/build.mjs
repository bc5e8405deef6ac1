// Bundles the extension client, the language server and the CLI with esbuild,
// and copies the runtime assets (tree-sitter wasm files) next to the bundles.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { version } = require('../package.json');
const release = process.argv.includes('--release');
const outdir = 'dist';

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: release,
  sourcemap: release ? false : 'linked',
  logLevel: 'warning',
  logOverride: { 'import-is-undefined': 'error' },
  define: { UWSGI_LINT_VERSION: JSON.stringify(version) },
};

await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir, external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir, external: ['tree-sitter-python'] }),
  build({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir, external: ['tree-sitter-python'], banner: { js: '#!/usr/bin/env node' } }),
]);

const assets = [
  require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
  join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm'),
];
for (const asset of assets) copyFileSync(asset, join(outdir, asset.split('/').pop()));
console.log(`built ${outdir}/extension.js, ${outdir}/server.js, ${outdir}/cli.js${release ? ' (release)' : ''}`);
