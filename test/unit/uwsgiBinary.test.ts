// Cross-checks the option catalog and the truthiness/ini rules against a real uWSGI binary
// (Debian's uwsgi-core + uwsgi-plugin-python3, 2.0.21; `scripts/install-uwsgi.sh` installs it).
// Nothing is served: every probe fails at option parsing or at "socket option is missing"
// (stdin is not a socket), runs with a timeout, and is killed with its process group if late.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import type { Finding } from '../../server/src/core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../../server/src/core/settings';
import { isTruthy } from '../../server/src/config/truthiness';
import { lookupOption, optionsForVersion } from '../../server/src/options/catalog';
import { UW101 } from '../../server/src/rules/UW101-unknownOption';
import { UW102 } from '../../server/src/rules/UW102-invalidValue';
import { UW106 } from '../../server/src/rules/UW106-pythonPluginMissing';
import { UW107 } from '../../server/src/rules/UW107-versionMismatch';

// UWSGI_LINT_BINARY points the check at another build (or at nothing, to see the skip).
const UWSGI = process.env.UWSGI_LINT_BINARY ?? '/usr/bin/uwsgi';
const PLUGIN_DIR = '/usr/lib/uwsgi/plugins';
const TIMEOUT_MS = 10_000;

function missingReason(): string | undefined {
  if (!existsSync(UWSGI)) return `${UWSGI} is not installed (run scripts/install-uwsgi.sh as root)`;
  const plugins = existsSync(PLUGIN_DIR) ? readdirSync(PLUGIN_DIR) : [];
  if (!plugins.some((p) => /^python3\d*_plugin\.so$/.test(p))) return `no python3 plugin in ${PLUGIN_DIR} (apt-get install uwsgi-plugin-python3)`;
  return undefined;
}

const MISSING = missingReason();
if (MISSING) console.log(`uwsgiBinary.test.ts: NOT RUN, real-binary cross-check skipped: ${MISSING}`);

/** Skips (never passes) when the binary is absent, so CI without uWSGI cannot count this as verified. */
function requireBinary(t: TestContext): boolean {
  if (!MISSING) return true;
  t.skip(`not run: ${MISSING}`);
  return false;
}

interface RunResult {
  code: number | null;
  output: string;
  timedOut: boolean;
}

/** Runs uwsgi with a clean environment, stdin from /dev/null, a deadline, and no survivors. */
function runUwsgi(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(UWSGI, args, { cwd, env: { PATH: '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: size }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  });
  await Promise.all(workers);
  return results;
}

let scratch: string | undefined;
function scratchDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'uwsgi-lint-binary-'));
  return scratch;
}
test.after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

let iniCounter = 0;
async function runIni(text: string): Promise<RunResult> {
  const dir = scratchDir();
  const path = join(dir, `probe${iniCounter++}.ini`);
  writeFileSync(path, text);
  const result = await runUwsgi(['--ini', path], dir);
  assert.equal(result.timedOut, false, `uwsgi did not exit for:\n${text}\n${result.output}`);
  return result;
}

async function helpNamesWith(plugins: string | undefined): Promise<string[]> {
  const args = plugins ? ['--plugin', plugins, '--help'] : ['--help'];
  const { output } = await runUwsgi(args, scratchDir());
  return [...output.matchAll(/^\s+(?:-\S\|)?--(\S+)/gm)].map((m) => m[1]);
}

let helpNames: string[] | undefined;
async function helpOptionNames(): Promise<string[]> {
  helpNames ??= await helpNamesWith('python3,http');
  return helpNames;
}

test('every option in `uwsgi --plugin python3,http --help` is in the 2.0.21 catalog', async (t) => {
  if (!requireBinary(t)) return;
  const names = await helpOptionNames();
  const unknown = names.filter((name) => !lookupOption(name, '2.0.21'));
  t.diagnostic(`--help lists ${names.length} names; ${names.length - unknown.length} found in the 2.0.21 catalog`);
  assert.ok(names.length > 800, `only ${names.length} names parsed from --help`);
  assert.deepEqual(unknown, []);
  // The other direction: a core/python/http option the binary lacks must be compiled out (ifdef).
  const listed = new Set(names);
  const absent = optionsForVersion('2.0.21').filter((o) => ['core', 'python', 'http'].includes(o.plugin) && !listed.has(o.name));
  t.diagnostic(`${absent.length} catalog options (core/python/http, 2.0.21) are not in this build, all behind an ifdef: ${absent.map((o) => o.name).join(' ')}`);
  assert.deepEqual(absent.filter((o) => !o.ifdef).map((o) => o.name), []);
});

test('plugin attribution: what python3 and http add to --help is exactly their catalog options', async (t) => {
  if (!requireBinary(t)) return;
  const bare = new Set(await helpNamesWith(undefined));
  const nonCore = [...bare].filter((name) => lookupOption(name, '2.0.21')?.plugin !== 'core');
  assert.deepEqual(nonCore, [], 'a bare Debian uwsgi-core lists only core options');
  for (const plugin of ['python', 'http']) {
    const added = (await helpNamesWith(plugin === 'python' ? 'python3' : plugin)).filter((name) => !bare.has(name));
    const catalog = optionsForVersion('2.0.21').filter((o) => o.plugin === plugin).map((o) => o.name);
    assert.deepEqual([...added].sort(), [...catalog].sort(), plugin);
    t.diagnostic(`${plugin}: the plugin adds ${added.length} names, the catalog has ${catalog.length} ${plugin} options for 2.0.21`);
  }
  t.diagnostic(`bare uwsgi-core: ${bare.size} names, all core`);
});

test('argument kinds match getopt: none rejects =x, required demands a value, optional takes =x', async (t) => {
  if (!requireBinary(t)) return;
  const names = (await helpOptionNames()).filter((n) => n !== 'exit'); // `--exit=x` exits on its own
  const probes = names.map((name) => ({ name, kind: lookupOption(name, '2.0.21')!.argument }));
  const results = await pool(probes, 8, async ({ name, kind }) => {
    const dir = scratchDir();
    const base = ['--plugin', 'python3,http'];
    if (kind === 'none') {
      const r = await runUwsgi([...base, `--${name}=x`], dir);
      return { name, kind, ok: r.output.includes(`option '--${name}' doesn't allow an argument`), output: r.output };
    }
    if (kind === 'required') {
      const r = await runUwsgi([...base, `--${name}`], dir);
      return { name, kind, ok: r.output.includes(`option '--${name}' requires an argument`), output: r.output };
    }
    // Optional: the value is accepted, then the unknown option after it stops uWSGI.
    const r = await runUwsgi([...base, `--${name}=x`, '--zz-not-an-option'], dir);
    const ok = !r.output.includes("doesn't allow an argument") && r.output.includes('--zz-not-an-option');
    return { name, kind, ok, output: r.output };
  });
  const counts = { none: 0, required: 0, optional: 0 };
  for (const r of results) counts[r.kind]++;
  const failed = results.filter((r) => !r.ok);
  t.diagnostic(`probed ${results.length} options (none ${counts.none}, required ${counts.required}, optional ${counts.optional}); ${results.length - failed.length} matched`);
  assert.deepEqual(failed.map((f) => `${f.name} (${f.kind}): ${f.output.trim().split('\n').pop()}`), []);
});

const TRUTH_VALUES = ['false', 'False', 'FALSE', '0', 'no', 'No', 'off', 'OFF', 'true', '1', 'yes', 'on', 'n', 'none', 'disabled', '0.0', '00', '"false"', "'no'", '', 'false ; comment', 'false # note'];

test('truthiness: strict = <v> agrees with isTruthy and with UW102 for every value', async (t) => {
  if (!requireBinary(t)) return;
  for (const value of [...TRUTH_VALUES, undefined]) {
    const line = value === undefined ? 'strict' : `strict = ${value}`;
    const text = `[uwsgi]\n${line}\nzz-unknown-key = 1\n`;
    const binaryOn = (await runIni(text)).output.includes('[strict-mode] unknown config directive: zz-unknown-key');
    assert.equal(isTruthy(value ?? ''), binaryOn, `isTruthy disagrees with uWSGI for '${line}'`);
    const flagged = lint(text, [UW102]).some((f) => /as true/.test(f.message));
    if (flagged) assert.equal(binaryOn, true, `UW102 says '${line}' is true, uWSGI disagrees`);
  }
  t.diagnostic(`${TRUTH_VALUES.length + 1} strict values checked`);
});

test('truthiness: master = <v> turns the master on exactly when isTruthy says so', async (t) => {
  if (!requireBinary(t)) return;
  for (const value of TRUTH_VALUES) {
    const result = await runIni(`[uwsgi]\nmaster = ${value}\n`);
    const masterOff = result.output.includes('without its master process manager');
    assert.ok(result.output.includes('socket option is missing'), `probe did not reach the socket check:\n${result.output}`);
    assert.equal(isTruthy(value), !masterOff, `master = ${value}`);
  }
});

function lint(text: string, rules: Parameters<typeof analyzeConfig>[0]['rules'], settings: Partial<LintSettings> = {}): Finding[] {
  const fs = new MemoryFileSystem({ '/ws/uwsgi.ini': text });
  const all = { ...DEFAULT_SETTINGS, uwsgiVersion: '2.0.21' as const, buildKind: 'plugin' as const, ...settings };
  return analyzeConfig({ path: '/ws/uwsgi.ini', fs, settings: all, rules }).findings;
}

test('keys uWSGI rejects under strict are exactly the keys UW101/UW106/UW107 flag', async (t) => {
  if (!requireBinary(t)) return;
  const withPlugins = '[uwsgi]\nstrict = true\nplugins = python3,http\n';
  const cases: { text: string; key: string }[] = [
    ...['lazy_apps = true', 'Master = true', 'lazyapps = true', 'enable_threads = true', 'lazy-apps = true', 'workers = 2',
      'dynamic-apps = true', 'harakiri-graceful-timeout = 5', 'py-call-osafterfork = true', 'http-timeout = 30',
      'wsgi_file = app.py', 'callable = app', 'need-app = true', 'vacuum = true', 'single-interpreter = true']
      .map((line) => ({ text: `${withPlugins}${line}\n`, key: line.split(' ')[0] })),
    { text: `${withPlugins}base = /srv\nchdir = %(base)\n`, key: 'base' },
    { text: `${withPlugins}set-placeholder = base=/srv\npythonpath = %(base)\n`, key: 'pythonpath' },
    { text: '[uwsgi]\nstrict = true\nmodule = zz_no_such_module\n', key: 'module' },
    { text: '[uwsgi]\nstrict = true\nmodule = zz_no_such_module\nplugins = python3\n', key: 'module' },
    { text: '[uwsgi]\nstrict = true\nplugins = python3\nhttp-timeout = 30\n', key: 'http-timeout' },
  ];
  let rejected = 0;
  for (const { text, key } of cases) {
    const result = await runIni(text);
    const binaryRejects = result.output.includes(`[strict-mode] unknown config directive: ${key}`);
    if (binaryRejects) rejected++;
    const ours = lint(text, [UW101, UW106, UW107]).filter((f) => text.slice(f.start, f.end) === key);
    assert.equal(ours.length > 0, binaryRejects, `${key}: uWSGI ${binaryRejects ? 'rejects' : 'accepts'} it, we ${ours.length ? 'flag' : 'do not flag'} it\n${text}`);
  }
  t.diagnostic(`${cases.length} configs; uWSGI rejected ${rejected}, and our rules flagged exactly those`);
});

test('chmod-socket, empty socket and log-date values: UW102 agrees with what uWSGI does', async (t) => {
  if (!requireBinary(t)) return;
  for (const value of ['660', '666', '1', '777', '0660', 'true', '', '66', '6600', 'false']) {
    const text = `[uwsgi]\nchmod-socket = ${value}\n`;
    const binaryRejects = (await runIni(text)).output.includes('invalid chmod value');
    const ours = lint(text, [UW102]).some((f) => f.severity === 'error');
    assert.equal(ours, binaryRejects, `chmod-socket = ${value}`);
  }
  const logDate = '[uwsgi]\nlog-date = false\n';
  assert.match((await runIni(logDate)).output, /^false - \*\*\* Starting uWSGI/m);
  assert.ok(lint(logDate, [UW102]).some((f) => /starts with 'false - '/.test(f.message)));
  const empty = '[uwsgi]\nsocket =\n';
  assert.ok((await runIni(empty)).output.includes('invalid/empty uwsgi socket name'));
  assert.ok(lint(empty, [UW102]).some((f) => f.severity === 'error'));
});
