import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeMismatch, fixtureNames, loadFixture, prepareEngine, runFixture } from '../../scripts/eval';

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
