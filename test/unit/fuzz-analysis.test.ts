import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureNames, loadFixture, prepareEngine } from '../../scripts/eval';
import { applyFixEdits, checkCase, type FuzzCase } from './helpers/fuzzInvariants';
import { mutateWorkspace, seeded } from './helpers/fuzzMutations';

// Mutation fuzzing of whole workspaces: the fork-safety fixtures plus the bundled example, with ini and
// Python texts broken in the ways editors and generators break them. The promise under test: bad input
// gets a diagnostic, never a throw, an internal error (UW000), a span outside its file or a fix that
// cannot be applied. Reproduce one case with FUZZ_SEED=<seed> (and FUZZ_CASES=1).
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const CASES = Number(process.env.FUZZ_CASES ?? 250);

before(async () => {
  await prepareEngine();
});

interface Generated {
  seed: number;
  fixture: string;
  mutations: string[];
  fuzzCase: FuzzCase;
}

function generate(seed: number, names: string[]): Generated {
  const next = seeded(seed);
  const fixture = names[Math.floor(next() * names.length)];
  const loaded = loadFixture(fixture);
  const fuzzCase: FuzzCase = {
    root: loaded.root,
    config: loaded.config,
    section: loaded.section,
    settings: loaded.settings,
    files: { ...loaded.files },
  };
  const mutations = mutateWorkspace(next, fuzzCase);
  return { seed, fixture, mutations, fuzzCase };
}

/** Enough of the input to see what broke; the seed regenerates it exactly. */
function describeInput(g: Generated): string {
  const files = Object.entries(g.fuzzCase.files).map(([path, text]) => {
    const shown = text.length > 2000 ? `${text.slice(0, 1000)}…[${text.length} chars]…${text.slice(-500)}` : text;
    return `--- ${path}\n${JSON.stringify(shown)}`;
  });
  return `seed ${g.seed} (FUZZ_SEED=${g.seed} FUZZ_CASES=1), fixture ${g.fixture}, mutations ${g.mutations.join(' ')}\n${files.join('\n')}`;
}

test('mutated workspaces analyse without throwing, internal errors, stray spans or broken fixes', (t) => {
  const names = fixtureNames();
  assert.ok(names.includes('00-bundled-example'), 'the bundled example is among the fuzzed workspaces');
  const failures: string[] = [];
  const timings: Array<{ ms: number; label: string }> = [];
  let analyses = 0;
  for (let seed = FIRST_SEED; seed < FIRST_SEED + CASES; seed++) {
    const generated = generate(seed, names);
    const outcome = checkCase(generated.fuzzCase);
    analyses += outcome.analyses;
    timings.push({ ms: outcome.worstMs, label: `seed ${seed} ${generated.fixture} ${generated.mutations.join(' ')}` });
    if (outcome.problems.length > 0) failures.push(`${outcome.problems.join('\n')}\n${describeInput(generated)}`);
  }
  // Timings are information for `npm run bench` work, never a pass/fail criterion here.
  timings.sort((a, b) => b.ms - a.ms);
  t.diagnostic(`${CASES} workspaces, ${analyses} analyses; slowest: ${timings.slice(0, 3).map((x) => `${x.ms.toFixed(0)} ms ${x.label}`).join('; ')}`);
  assert.equal(failures.length, 0, `${failures.length} failing cases; first:\n${failures.slice(0, 2).join('\n\n')}`);
});

test('the fuzzer is deterministic: one seed always yields the same workspace', () => {
  const names = fixtureNames();
  const a = generate(FIRST_SEED + 7, names);
  const b = generate(FIRST_SEED + 7, names);
  assert.deepEqual(a.mutations, b.mutations);
  assert.deepEqual(a.fuzzCase.files, b.fuzzCase.files);
  assert.ok(a.mutations.length > 0 || generate(FIRST_SEED + 8, names).mutations.length > 0);
});

test('the invariant check catches a throw, a stray span and overlapping fix edits', () => {
  const broken = checkCase({ root: '/ws', config: 'missing.ini', files: {} });
  // A missing root config is a finding, not a crash: the check itself must pass on it.
  assert.deepEqual(broken.problems, []);
  const problems: string[] = [];
  const edits = [
    { file: '/ws/a', start: 0, end: 3, newText: 'x' },
    { file: '/ws/a', start: 2, end: 4, newText: 'y' },
  ];
  assert.equal(applyFixEdits({ '/ws/a': 'abcdef' }, edits, 'overlap', problems), undefined);
  assert.equal(applyFixEdits({ '/ws/a': 'ab' }, [{ file: '/ws/a', start: 1, end: 9, newText: '' }], 'outside', problems), undefined);
  assert.equal(problems.length, 2);
});
