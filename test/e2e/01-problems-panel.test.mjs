// Scenario 1: a person opens the example workspace and looks at the Problems panel. UW301 is listed for uwsgi.ini
// (on `module = ...`) and for the Python line that opens the connection, although no Python file was opened.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsWithCode, INI, offerForDocs, PYTHON, readWorkspaceFile, step, useSession } from './harness/scenario.mjs';

const session = useSession();

test('opening the example workspace lists UW301 for uwsgi.ini and the Python line, no Python file opened', async () => {
  const s = session.current;
  const pyName = PYTHON.split('/').pop();
  const files = await step(s, '01-problems-panel', () =>
    s.workbench.waitForProblems('UW301 on uwsgi.ini and on the Python file', (fs) =>
      findingsWithCode(fs, INI, 'UW301').length > 0 && findingsWithCode(fs, pyName, 'UW301').length > 0,
    ),
  );

  const [ini] = findingsWithCode(files, INI, 'UW301');
  const moduleLine = readWorkspaceFile(s, INI).split('\n').findIndex((l) => /^\s*module\s*=/.test(l)) + 1;
  assert.match(ini.position, new RegExp(`^\\[Ln ${moduleLine}, `), 'the ini finding sits on `module = ...`');
  assert.equal(ini.source, 'uwsgi-lint');

  const pyFile = files.find((f) => f.name === pyName);
  assert.ok(pyFile.path.endsWith(PYTHON), `the Python entry is ${PYTHON}, got ${pyFile.path}`);
  const [py] = findingsWithCode(files, pyName, 'UW301');
  const pyLine = Number(/Ln (\d+)/.exec(py.position)?.[1]);
  assert.match(readWorkspaceFile(s, PYTHON).split('\n')[pyLine - 1], /db\.create_all\(\)/, 'the Python finding is on the first DB I/O');

  const tabs = await s.workbench.openTabTitles();
  assert.ok(!tabs.includes(pyName), `the Python file must not have been opened; open tabs: ${tabs.join(', ')}`);
  offerForDocs('01-problems-panel', 'problems-panel.png');
});
