import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFixes, describeMismatch, fixtureNames, loadFixture, prepareEngine, runFixture } from '../../scripts/eval';

// One test per ground-truth workspace: the exact set of UW2xx/UW3xx (+ alsoCompare) findings,
// as (file, line, code), must equal expected.json. The facts docs decide the answers, not the engine.
before(async () => {
  await prepareEngine();
});

const names = fixtureNames();

test('the fork-safety ground truth has at least 40 workspaces', () => {
  assert.ok(names.length >= 40, `only ${names.length} fixtures`);
});

for (const name of names) {
  test(`fork-safety fixture ${name}`, () => {
    const outcome = runFixture(loadFixture(name));
    const diff = describeMismatch(outcome);
    assert.ok(diff === '', `${name}: ${outcome.fixture.description}\n${diff}`);
  });
}

// Every quick fix offered on a fork-safety finding must clear it when applied (workspaces that expect UW3xx).
for (const name of names.filter((n) => loadFixture(n).findings.some((f) => f.code.startsWith('UW3')))) {
  test(`quick fixes clear the fork-safety findings of ${name}`, () => {
    const failed = checkFixes(loadFixture(name)).filter((c) => !c.cleared);
    assert.deepEqual(failed.map((c) => `${c.code}: ${c.title}`), []);
  });
}
