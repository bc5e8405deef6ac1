// Scenario 2: hovering the UW301 squiggle in uwsgi.ini shows the message with the import chain that reaches the
// connection (module = wsgi:app -> wsgi.py -> shop/__init__.py) and a link to the rule's page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsWithCode, hasFinding, INI, PYTHON, step, useSession } from './harness/scenario.mjs';
import { waitFor } from './harness/wait.mjs';

const session = useSession();

test('hovering the UW301 squiggle in uwsgi.ini shows the message, the import chain and the rule link', async () => {
  const s = session.current;
  const wb = s.workbench;
  const files = await wb.waitForProblems('UW301 on uwsgi.ini', (fs) => hasFinding(fs, INI, 'UW301'));
  const line = Number(/Ln (\d+)/.exec(findingsWithCode(files, INI, 'UW301')[0].position)[1]);
  await wb.clickProblem(INI, 'UW301');
  await waitFor('uwsgi.ini to open at the finding', 15_000, async () => (await wb.activeTabTitle()) === INI);
  await wb.focusEditorKeepingCursor();
  const squiggle = await waitFor(`a squiggle on line ${line}`, 15_000, async () => (await wb.squigglesOnLine(line))[0]);
  // The hover is asked for with the mouse, as a person does; move the cursor away from the panel first.
  const hover = await step(s, '02-hover', () => wb.hover(squiggle, /UW301/));

  assert.match(hover.text, /opens a database connection before uWSGI forks/, 'the message');
  // The chain from the ini to the connection: module = wsgi:app -> wsgi.py create_app() -> shop/__init__.py.
  assert.match(hover.text, /import chain: create_app\(\) \(wsgi\.py:\d+\)/, `the import chain through wsgi.py:\n${hover.text}`);
  assert.match(hover.text, new RegExp(`Opened at ${PYTHON.replace(/[.]/g, '\\.')}:\\d+`), `where the connection opens:\n${hover.text}`);
  const rule = hover.links.find((l) => l.text === 'UW301');
  assert.ok(rule, `the hover links the rule code; links: ${JSON.stringify(hover.links)}`);
  assert.match(rule.href, /docs\/rules\/UW301\.md$/, 'the link goes to the rule page');
});
