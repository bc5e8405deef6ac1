// Scenario 3: Ctrl+. on the UW301 squiggle in uwsgi.ini offers "Set lazy-apps = true" first; choosing it and saving
// writes `lazy-apps = true` into the file on disk, and both UW301 entries leave the Problems panel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasFinding, INI, offerForDocs, PYTHON, readWorkspaceFile, step, useSession } from './harness/scenario.mjs';
import { waitFor } from './harness/wait.mjs';

const session = useSession();
const FIX = 'Set lazy-apps = true';

test('Ctrl+. lists "Set lazy-apps = true" first; choosing it writes the file and clears UW301', async () => {
  const s = session.current;
  const wb = s.workbench;
  const pyName = PYTHON.split('/').pop();
  await wb.waitForProblems('UW301 on uwsgi.ini and the Python file', (fs) => hasFinding(fs, INI, 'UW301') && hasFinding(fs, pyName, 'UW301'));
  await wb.clickProblem(INI, 'UW301');
  await waitFor('uwsgi.ini to open at the finding', 15_000, async () => (await wb.activeTabTitle()) === INI);
  await wb.focusEditorKeepingCursor();

  const actions = await step(s, '03-quick-fix-menu', () => wb.openQuickFix());
  assert.ok(actions[0].startsWith(FIX), `the first Quick Fix starts with "${FIX}"; the menu lists: ${JSON.stringify(actions)}`);

  const before = readWorkspaceFile(s, INI);
  assert.doesNotMatch(before, /^\s*lazy-apps\s*=/m, 'the example starts without lazy-apps');
  await wb.chooseQuickFix(FIX);
  await wb.save();
  const after = await waitFor('lazy-apps = true on disk', 15_000, async () => {
    const text = readWorkspaceFile(s, INI);
    return /^lazy-apps = true$/m.test(text) ? text : undefined;
  }, { describe: () => Promise.resolve(readWorkspaceFile(s, INI)) });
  // Nothing else in the file changed: the fix adds exactly one line.
  assert.deepEqual(
    after.split('\n').filter((l) => !/^lazy-apps = true$/.test(l)),
    before.split('\n'),
    'the fix only adds the lazy-apps line',
  );

  await step(s, '03-after-fix', () =>
    wb.waitForProblems('UW301 to leave the Problems panel', (fs) => !hasFinding(fs, INI, 'UW301') && !hasFinding(fs, pyName, 'UW301')),
  );
  offerForDocs('03-quick-fix-menu', 'quick-fix.png');
});
