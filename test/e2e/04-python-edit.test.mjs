// Scenario 4: the other fix, in the Python code. Removing the import-time database work (the
// `with app.app_context():` block that runs create_all() and the role seed inside create_app()) and saving clears
// UW301 on both files, without the ini being touched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsWithCode, hasFinding, INI, PYTHON, readWorkspaceFile, step, useSession } from './harness/scenario.mjs';
import { waitFor } from './harness/wait.mjs';

const session = useSession();

/** The lines a person deletes: the enclosing `with ...app_context():` block of the reported line (1-based, inclusive). */
function blockAround(text, line) {
  const lines = text.split('\n');
  const indent = (l) => l.match(/^\s*/)[0].length;
  let start = line - 1;
  for (let i = line - 2; i >= 0; i--) {
    if (lines[i].trim() && indent(lines[i]) < indent(lines[line - 1])) {
      if (/^\s*with .*app_context\(\)\s*:/.test(lines[i])) start = i;
      break;
    }
  }
  let end = start;
  for (let i = start + 1; i < lines.length && (!lines[i].trim() || indent(lines[i]) > indent(lines[start])); i++) {
    if (lines[i].trim()) end = i;
  }
  return { first: start + 1, last: end + 1 };
}

test('removing the import-time query from the Python file clears UW301 without touching the ini', async () => {
  const s = session.current;
  const wb = s.workbench;
  const pyName = PYTHON.split('/').pop();
  const iniBefore = readWorkspaceFile(s, INI);
  const files = await wb.waitForProblems('UW301 on uwsgi.ini and the Python file', (fs) => hasFinding(fs, INI, 'UW301') && hasFinding(fs, pyName, 'UW301'));
  const reported = Number(/Ln (\d+)/.exec(findingsWithCode(files, pyName, 'UW301')[0].position)[1]);
  const pyBefore = readWorkspaceFile(s, PYTHON);
  const { first, last } = blockAround(pyBefore, reported);
  assert.match(pyBefore.split('\n')[first - 1], /with app\.app_context\(\):/, 'the query runs inside an app context block');

  await wb.openFile(PYTHON);
  await wb.goToLine(first, 1);
  for (let i = first; i <= last; i++) await wb.page.keyboard.press('Shift+ArrowDown');
  await wb.page.keyboard.press('Delete');
  await wb.save();
  const pyAfter = await waitFor('the edited Python file on disk', 15_000, async () => {
    const text = readWorkspaceFile(s, PYTHON);
    return text !== pyBefore ? text : undefined;
  });
  assert.doesNotMatch(pyAfter, /app_context\(\)|create_all\(\)/, 'the import-time block is gone');
  assert.equal(pyAfter.split('\n').length, pyBefore.split('\n').length - (last - first + 1), 'only that block was deleted');

  await step(s, '04-python-edit', () =>
    wb.waitForProblems('UW301 to leave the Problems panel', (fs) => !hasFinding(fs, INI, 'UW301') && !hasFinding(fs, pyName, 'UW301')),
  );
  assert.equal(readWorkspaceFile(s, INI), iniBefore, 'the ini on disk is unchanged');
  const tabs = await wb.openTabTitles();
  assert.ok(!tabs.includes(INI), `the ini was never opened; tabs: ${tabs.join(', ')}`);
});
