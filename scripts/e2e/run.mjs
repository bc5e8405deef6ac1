// `npm run test:e2e`: proves the packaged extension in a real VS Code workbench (code-server 4.100.3) driven through
// Debian's Chromium by playwright-core, the way a person uses it. From nothing (CI's fresh clone as root) it installs
// what it needs; when everything is installed the install step costs well under a second.
//
//   1. scripts/e2e/install.sh            Debian packages, code-server and playwright-core into .cache/
//   2. npm run package                   the .vsix a user installs (a stale one is removed first)
//   3. code-server --install-extension   into a fresh extensions folder
//   4. node --test test/e2e/*.test.mjs   each scenario starts its own code-server on a copy of examples/prefork-db
//
// Every process started here runs in its own process group and is stopped on success, failure, Ctrl+C or SIGTERM.
// Screenshots land in test-results/e2e/; outside CI, the Problems panel and Quick Fix pictures of scenarios that
// passed refresh docs/images/ for the README.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = process.env.E2E_CACHE ?? join(ROOT, '.cache');
const RESULTS = join(ROOT, 'test-results', 'e2e');
const VSIX_NAME = 'uwsgi-lint-0.1.0.vsix';
const EXTENSION_ID = 'uwsgi-lint.uwsgi-lint';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (msg) => console.log(`[e2e] ${msg} (${elapsed()})`);

let runDir;
let suite;

function sweep() {
  // Whatever a test process left behind (it was killed before its own handlers ran) is recorded in pids/.
  if (!runDir) return;
  const pidDir = join(runDir, 'pids');
  if (!existsSync(pidDir)) return;
  for (const name of readdirSync(pidDir)) {
    try {
      process.kill(-Number(name), 'SIGKILL');
      console.log(`[e2e] stopped leftover process group ${name}`);
    } catch {
      // already gone
    }
    rmSync(join(pidDir, name), { force: true });
  }
}

function cleanup() {
  if (suite?.pid) {
    try {
      process.kill(-suite.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  sweep();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`[e2e] ${signal}: stopping everything this run started`);
    cleanup();
    if (runDir) rmSync(runDir, { recursive: true, force: true });
    process.exit(130);
  });
}
process.once('exit', cleanup);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
  return result;
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  for (const name of readdirSync(RESULTS)) rmSync(join(RESULTS, name), { recursive: true, force: true });

  log('install: Debian packages, code-server, playwright-core');
  const install = spawnSync('bash', [join(ROOT, 'scripts/e2e/install.sh')], {
    cwd: ROOT,
    env: { ...process.env, E2E_CACHE: CACHE },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (install.status !== 0) throw new Error(`scripts/e2e/install.sh exited with ${install.status}`);
  const codeServer = install.stdout.trim().split('\n').pop();

  log('package: npm run package');
  rmSync(join(ROOT, VSIX_NAME), { force: true });
  run('npm', ['run', 'package']);
  if (!existsSync(join(ROOT, VSIX_NAME))) throw new Error(`npm run package did not produce ${VSIX_NAME}`);

  runDir = mkdtempSync(join(tmpdir(), 'uwsgi-lint-e2e-'));
  // Other work in this tree may repackage while the suite runs: test the vsix as built now.
  const vsix = join(runDir, VSIX_NAME);
  copyFileSync(join(ROOT, VSIX_NAME), vsix);
  const extensionsDir = join(runDir, 'extensions');
  mkdirSync(extensionsDir);
  log(`install the vsix into a fresh extensions folder ${extensionsDir}`);
  const installed = run(codeServer, [
    '--user-data-dir', join(runDir, 'install-user-data'),
    '--extensions-dir', extensionsDir,
    '--install-extension', vsix,
  ]);
  process.stdout.write(installed.stdout);
  const listed = run(codeServer, ['--extensions-dir', extensionsDir, '--list-extensions', '--show-versions']);
  if (!listed.stdout.toLowerCase().includes(EXTENSION_ID)) {
    throw new Error(`${EXTENSION_ID} is not listed after installing the vsix:\n${listed.stdout}`);
  }

  log('scenarios: node --test test/e2e/*.test.mjs');
  const files = readdirSync(join(ROOT, 'test/e2e'))
    .filter((f) => f.endsWith('.test.mjs'))
    .sort()
    .map((f) => join('test/e2e', f));
  const only = process.argv.slice(2);
  const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
  suite = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-timeout=180000', ...selected],
    {
      cwd: ROOT,
      detached: true,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_CODE_SERVER: codeServer,
        E2E_PLAYWRIGHT_DIR: join(CACHE, 'playwright'),
        E2E_EXTENSIONS_DIR: extensionsDir,
        E2E_RUN_DIR: runDir,
        E2E_ROOT: ROOT,
      },
    },
  );
  const code = await new Promise((res) => suite.once('exit', (c, s) => res(c ?? (s ? 1 : 0))));
  suite = undefined;
  sweep();
  log(`scenarios finished with exit code ${code}`);

  // README pictures: each scenario offers its screenshot only after all its assertions held (docs-images.txt).
  // Not in CI, whose clone is thrown away.
  const offers = join(runDir, 'docs-images.txt');
  if (!process.env.CI && existsSync(offers)) {
    const images = join(ROOT, 'docs', 'images');
    mkdirSync(images, { recursive: true });
    for (const line of readFileSync(offers, 'utf8').trim().split('\n')) {
      const [from, to] = line.split(' ');
      if (existsSync(join(RESULTS, from))) {
        copyFileSync(join(RESULTS, from), join(images, to));
        log(`docs/images/${to} <- test-results/e2e/${from}`);
      }
    }
  }
  if (code !== 0) {
    // Keep the code-server logs (extension host, server output channel) next to the screenshots for the reviewer.
    for (const name of readdirSync(runDir)) {
      if (name.startsWith('user-data-') && existsSync(join(runDir, name, 'logs'))) {
        cpSync(join(runDir, name, 'logs'), join(RESULTS, 'logs', name), { recursive: true });
      }
    }
    log(`failed; screenshots and code-server logs are in ${RESULTS}`);
  }
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[e2e] ${error.message}`);
  exitCode = 1;
} finally {
  cleanup();
  if (runDir) rmSync(runDir, { recursive: true, force: true });
  log(`done, exit code ${exitCode}`);
}
process.exit(exitCode);
