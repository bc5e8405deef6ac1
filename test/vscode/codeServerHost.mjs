// `npm run test:vscode -- --code-server`: runs the same API suite (suite/index.cjs) inside code-server's extension
// host (VS Code 1.100.3's, the one `npm run test:e2e` drives), for machines where no desktop build can be downloaded.
// A real extension host and the real `vscode` API, but not the desktop app: it is reported as such, and only when
// asked for, so the default `npm run test:vscode` never passes off this run as the desktop one.
//
// code-server cannot take --extensionTestsPath from a browser client, so a tiny runner extension, packaged and
// installed next to the extension under test, calls the suite when the window starts and writes the outcome to a file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = process.env.E2E_CACHE ?? join(ROOT, '.cache');
const SUITE = join(ROOT, 'test', 'vscode', 'suite', 'index.cjs');

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}\n${r.stdout ?? ''}`);
  return r.stdout;
}

function runnerExtension(dir, resultFile) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'api-suite-runner',
    publisher: 'uwsgi-lint-tests',
    version: '0.0.1',
    engines: { vscode: '^1.91.0' },
    activationEvents: ['onStartupFinished'],
    main: './extension.js',
    capabilities: { untrustedWorkspaces: { supported: true } },
  }, null, 2));
  writeFileSync(join(dir, 'extension.js'), `const fs = require('fs');
exports.activate = () => {
  const lines = [];
  require(${JSON.stringify(SUITE)}).run((line) => lines.push(line))
    .then(() => ({ ok: true }), (error) => ({ ok: false, error: String(error && error.message || error) }))
    .then((outcome) => fs.writeFileSync(${JSON.stringify(resultFile)}, JSON.stringify({ ...outcome, lines })));
};
`);
  writeFileSync(join(dir, '.vscodeignore'), '*.vsix\n');
  const vsix = join(dir, 'runner.vsix');
  run(join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository', '--skip-license', '--no-dependencies', '--out', vsix], { cwd: dir });
  return vsix;
}

export async function runInCodeServer() {
  const codeServer = run('bash', [join(ROOT, 'scripts/e2e/install.sh')], { env: { ...process.env, E2E_CACHE: CACHE } }).trim().split('\n').pop();
  run('npm', ['run', 'package']);
  const runDir = mkdtempSync(join(tmpdir(), 'uwsgi-lint-api-'));
  const resultFile = join(runDir, 'result.json');
  let session;
  try {
    const extensionsDir = join(runDir, 'extensions');
    for (const vsix of [join(ROOT, 'uwsgi-lint-0.1.0.vsix'), runnerExtension(join(runDir, 'runner'), resultFile)]) {
      run(codeServer, ['--user-data-dir', join(runDir, 'install-user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix]);
    }
    Object.assign(process.env, {
      E2E_CODE_SERVER: codeServer,
      E2E_PLAYWRIGHT_DIR: join(CACHE, 'playwright'),
      E2E_EXTENSIONS_DIR: extensionsDir,
      E2E_RUN_DIR: runDir,
      E2E_ROOT: ROOT,
    });
    const { openSession } = await import('../e2e/harness/session.mjs');
    const { waitFor } = await import('../e2e/harness/wait.mjs');
    session = await openSession();
    const result = await waitFor('the API suite to finish in the extension host', 300_000, () =>
      existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined,
    );
    console.log("API suite in code-server's extension host (VS Code 1.100.3 server, not the desktop build):");
    for (const line of result.lines) console.log(line);
    if (!result.ok) console.error(result.error);
    return result.ok ? 0 : 1;
  } finally {
    await session?.close();
    rmSync(runDir, { recursive: true, force: true });
  }
}
