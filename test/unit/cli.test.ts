import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { parseCliArguments, UsageError } from '../../server/src/cli/cliArguments';
import { runCli } from '../../server/src/cli/runCli';

const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'uwsgi-lint-cli-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function run(argv: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), version: '9.9.9' });
  return { status, stdout, stderr };
}

const TYPO = { 'deploy/uwsgi.ini': '[uwsgi]\nmodule = app:application\nlazy_apps = true\n', 'app.py': 'application = None\n' };

test('usage errors exit 2 with a message', async () => {
  assert.throws(() => parseCliArguments(['--format', 'xml']), UsageError);
  assert.throws(() => parseCliArguments(['--fail-on']), UsageError);
  const result = await run(['--bogus'], tmpdir());
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown option --bogus/);
  assert.equal((await run(['no/such/path'], tmpdir())).status, 2);
});

test('--version and --help exit 0', async () => {
  assert.equal((await run(['--version'], tmpdir())).stdout, '9.9.9\n');
  assert.match((await run(['--help'], tmpdir())).stdout, /Usage: uwsgi-lint/);
});

test('JSON output has the documented shape and findings exit 1', async () => {
  const root = workspace(TYPO);
  const result = await run(['--format', 'json', '.'], root);
  assert.equal(result.status, 1, result.stderr);
  const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
  const typo = findings.find((f) => f.code === 'UW101');
  assert.ok(typo, result.stdout);
  assert.equal(typo.file, 'deploy/uwsgi.ini');
  assert.deepEqual(typo.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
  assert.equal(typo.source, 'uwsgi-lint');
  assert.equal(typo.severity, 'warning');
  assert.ok(Array.isArray(typo.related));
  const fixes = typo.fixes as { title: string; edits: { file: string; newText: string }[] }[];
  assert.ok(fixes.some((f) => f.edits.some((e) => e.file === 'deploy/uwsgi.ini' && e.newText === 'lazy-apps')));
});

test('text output gives file:line:col, and --fail-on none exits 0 despite findings', async () => {
  const root = workspace(TYPO);
  const result = await run(['--fail-on', 'none', 'deploy/uwsgi.ini'], root);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^deploy\/uwsgi\.ini:3:1: warning UW101 /m);
  assert.match(result.stdout, /problems? in 1 file/);
});

test('a clean config exits 0 and says so', async () => {
  const root = workspace({ 'uwsgi.ini': '[uwsgi]\nmodule = app:application\nneed-app = true\n', 'app.py': 'application = None\n' });
  const result = await run(['--fail-on', 'warning', '.'], root);
  assert.equal(result.status, 0, result.stdout);
});
