// Measures the engine against the fork-safety ground truth (test/fixtures/fork-safety): per-code
// TP/FP/FN, precision and recall, and every mismatch. A report, so it exits 0 unless it crashes.
// Usage: node --import tsx scripts/eval.ts [--json] [fixture-name-substring…]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyzeConfig } from '../server/src/core/analyze';
import { MemoryFileSystem } from '../server/src/core/fileSystem';
import type { Finding } from '../server/src/core/finding';
import { LineIndex } from '../server/src/core/lineIndex';
import { DEFAULT_SETTINGS, type LintSettings } from '../server/src/core/settings';
import { initPythonParser } from '../server/src/python/parser';
import { applyFix } from '../test/unit/pythonTestKit';

export const FIXTURE_ROOT = join(__dirname, '..', 'test', 'fixtures', 'fork-safety');

/** Codes always compared: app loading (UW2xx), fork safety (UW3xx), and UW000 so rule crashes surface. */
const COMPARED = /^UW(2\d\d|3\d\d|000)$/;

export interface ExpectedFinding {
  file: string;
  line: number;
  code: string;
}

export interface Fixture {
  name: string;
  description: string;
  /** Workspace root in the in-memory file system, e.g. `/ws/01-fsa-seed`. */
  root: string;
  config: string;
  section?: string;
  settings: Partial<LintSettings>;
  alsoCompare: string[];
  findings: ExpectedFinding[];
  files: Record<string, string>;
}

export interface FixtureOutcome {
  fixture: Fixture;
  actual: (ExpectedFinding & { severity?: string })[];
  missing: ExpectedFinding[];
  unexpected: ExpectedFinding[];
  /** Set when analyzeConfig itself threw (it promises never to). */
  crash?: string;
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_ROOT)
    .filter((name) => statSync(join(FIXTURE_ROOT, name)).isDirectory())
    .sort();
}

export function loadFixture(name: string): Fixture {
  const dir = join(FIXTURE_ROOT, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Partial<Fixture> & {
    findings: ExpectedFinding[];
    workspace?: string;
  };
  const root = `/ws/${name}`;
  // `workspace` points at a folder kept elsewhere (the bundled example), so it is checked without a copy.
  const source = expected.workspace ? resolve(dir, expected.workspace) : dir;
  const files: Record<string, string> = {};
  for (const path of walk(source)) {
    const rel = relative(source, path).split('\\').join('/');
    if (rel !== 'expected.json') files[`${root}/${rel}`] = readFileSync(path, 'utf8');
  }
  return {
    name,
    description: expected.description ?? '',
    root,
    config: expected.config ?? 'uwsgi.ini',
    section: expected.section,
    settings: expected.settings ?? {},
    alsoCompare: expected.alsoCompare ?? [],
    findings: expected.findings,
    files,
  };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

export function runFixture(fixture: Fixture): FixtureOutcome {
  const fs = new MemoryFileSystem(fixture.files);
  const settings = settingsOf(fixture);
  let actual: FixtureOutcome['actual'] = [];
  let crash: string | undefined;
  try {
    const result = analyzeConfig({ path: `${fixture.root}/${fixture.config}`, section: fixture.section, fs, settings });
    const compared = (code: string) => COMPARED.test(code) || fixture.alsoCompare.includes(code);
    actual = result.findings
      .filter((f) => compared(f.code))
      .map((f) => {
        const text = fs.readFile(f.file) ?? '';
        const line = new LineIndex(text).positionAt(f.start).line + 1;
        const file = f.file.startsWith(fixture.root + '/') ? f.file.slice(fixture.root.length + 1) : f.file;
        return { file, line, code: f.code, severity: f.severity };
      });
  } catch (error) {
    crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  const key = (f: ExpectedFinding) => `${f.file}:${f.line} ${f.code}`;
  const actualKeys = new Set(actual.map(key));
  const expectedKeys = new Set(fixture.findings.map(key));
  return {
    fixture,
    actual: sortFindings(dedupe(actual, key)),
    missing: sortFindings(fixture.findings.filter((f) => !actualKeys.has(key(f)))),
    unexpected: sortFindings(dedupe(actual, key).filter((f) => !expectedKeys.has(key(f)))),
    crash,
  };
}

function settingsOf(fixture: Fixture): LintSettings {
  return { ...DEFAULT_SETTINGS, workspaceRoots: [fixture.root], ...fixture.settings };
}

export interface FixCheck {
  fixture: string;
  code: string;
  title: string;
  /** The re-analysis after applying the fix has fewer findings of `code`. */
  cleared: boolean;
  /** Codes present after the fix that were absent before (e.g. UW306 once lazy-apps runs a DDL per worker). */
  newCodes: string[];
}

/** Applies every distinct fix offered on a UW3xx finding to a copy of the workspace and re-analyses it. */
export function checkFixes(fixture: Fixture): FixCheck[] {
  const path = `${fixture.root}/${fixture.config}`;
  const run = (files: Record<string, string>) =>
    analyzeConfig({ path, section: fixture.section, fs: new MemoryFileSystem(files), settings: settingsOf(fixture) }).findings;
  const before = run(fixture.files);
  const count = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).length;
  const seen = new Set<string>();
  const checks: FixCheck[] = [];
  for (const finding of before.filter((f) => /^UW3\d\d$/.test(f.code))) {
    for (const fix of finding.fixes ?? []) {
      const id = `${finding.code}\0${fix.title}\0${JSON.stringify(fix.edits)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const after = run(applyFix(fixture.files, fix));
      const had = new Set(before.map((f) => f.code));
      checks.push({
        fixture: fixture.name,
        code: finding.code,
        title: fix.title,
        cleared: count(after, finding.code) < count(before, finding.code),
        newCodes: [...new Set(after.map((f) => f.code))].filter((c) => !had.has(c)).sort(),
      });
    }
  }
  return checks;
}


function dedupe(findings: ExpectedFinding[], key: (f: ExpectedFinding) => string): ExpectedFinding[] {
  const seen = new Map<string, ExpectedFinding>();
  for (const f of findings) if (!seen.has(key(f))) seen.set(key(f), f);
  return [...seen.values()];
}

function sortFindings(findings: ExpectedFinding[]): ExpectedFinding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
}

/** The readable diff shared by the test's failure message and the eval report. */
export function describeMismatch(outcome: FixtureOutcome): string {
  const lines: string[] = [];
  if (outcome.crash) lines.push(`  crashed: ${outcome.crash.split('\n')[0]}`);
  for (const f of outcome.missing) lines.push(`  - missing    ${f.code} ${f.file}:${f.line}  ${sourceLine(outcome.fixture, f)}`);
  for (const f of outcome.unexpected) lines.push(`  + unexpected ${f.code} ${f.file}:${f.line}  ${sourceLine(outcome.fixture, f)}`);
  return lines.join('\n');
}

function sourceLine(fixture: Fixture, f: ExpectedFinding): string {
  const text = fixture.files[`${fixture.root}/${f.file}`];
  return text === undefined ? '' : `| ${(text.split('\n')[f.line - 1] ?? '').trim().slice(0, 70)}`;
}

export async function prepareEngine(): Promise<void> {
  const state = await initPythonParser();
  if (state !== 'ready') throw new Error(`Python parser is ${state}; fork-safety fixtures need it`);
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function report(outcomes: FixtureOutcome[]): string {
  const perCode = new Map<string, Tally>();
  const tally = (code: string) => perCode.get(code) ?? perCode.set(code, { tp: 0, fp: 0, fn: 0 }).get(code)!;
  for (const o of outcomes) {
    const missing = new Set(o.missing);
    for (const f of o.fixture.findings) if (!missing.has(f)) tally(f.code).tp++;
    for (const f of o.missing) tally(f.code).fn++;
    for (const f of o.unexpected) tally(f.code).fp++;
  }
  const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const row = (code: string, t: Tally) =>
    `${code.padEnd(8)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}   ${pct(t.tp, t.tp + t.fp)}  ${pct(t.tp, t.tp + t.fn)}`;
  const total: Tally = { tp: 0, fp: 0, fn: 0 };
  const out = ['code       TP   FP   FN   precision  recall'];
  for (const code of [...perCode.keys()].sort()) {
    const t = perCode.get(code)!;
    out.push(row(code, t));
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
  }
  out.push(row('overall', total));
  const severities = new Map<string, Map<string, number>>();
  for (const f of outcomes.flatMap((o) => o.actual)) {
    const bySeverity = severities.get(f.code) ?? severities.set(f.code, new Map()).get(f.code)!;
    bySeverity.set(f.severity ?? '?', (bySeverity.get(f.severity ?? '?') ?? 0) + 1);
  }
  const severityText = [...severities].sort().map(([code, m]) => `${code} ${[...m].map(([sv, n]) => `${sv}×${n}`).join('/')}`);
  out.push('', `severities reported: ${severityText.join(', ')}`);
  const failing = outcomes.filter((o) => o.crash || o.missing.length > 0 || o.unexpected.length > 0);
  const exact = outcomes.length - failing.length;
  out.push('', `fixtures: ${outcomes.length}, exact: ${exact}, mismatched: ${failing.length}`);
  for (const o of failing) out.push('', `✗ ${o.fixture.name}`, describeMismatch(o));
  return out.join('\n');
}

function fixReport(checks: FixCheck[]): string {
  const failed = checks.filter((c) => !c.cleared);
  const out = [`quick fixes on UW3xx findings: ${checks.length} applied, ${checks.length - failed.length} cleared their finding`];
  for (const c of failed) out.push(`  ✗ ${c.fixture}: '${c.title}' left ${c.code}`);
  for (const c of checks.filter((x) => x.newCodes.length > 0)) out.push(`  note ${c.fixture}: '${c.title}' adds ${c.newCodes.join(', ')}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const filters = args.filter((a) => !a.startsWith('--'));
  await prepareEngine();
  const names = fixtureNames().filter((n) => filters.length === 0 || filters.some((f) => n.includes(f)));
  const outcomes = names.map((name) => runFixture(loadFixture(name)));
  if (args.includes('--json')) {
    const rows = outcomes.map((o) => ({ name: o.fixture.name, missing: o.missing, unexpected: o.unexpected, crash: o.crash }));
    console.log(JSON.stringify(rows, null, 2));
  } else {
    console.log(report(outcomes));
    console.log('\n' + fixReport(names.map((name) => checkFixes(loadFixture(name))).flat()));
  }
}

// Run only as a script; the fixture test imports the harness above.
if (/eval\.ts$/.test(process.argv[1] ?? '')) {
  // `npm run eval | head` closes the pipe early; that is not a failure of the report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
