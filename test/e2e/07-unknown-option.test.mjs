// Scenario 7: typing the common typo `lazy_apps = true` (uWSGI only knows `lazy-apps`) shows UW101 with a
// did-you-mean, while the file is still unsaved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsWithCode, INI, readWorkspaceFile, step, useSession } from './harness/scenario.mjs';

const session = useSession();

test('typing lazy_apps = true in uwsgi.ini shows UW101 "did you mean lazy-apps"', async () => {
  const s = session.current;
  const wb = s.workbench;
  const line = readWorkspaceFile(s, INI).split('\n').findIndex((l) => /^\s*processes\s*=/.test(l)) + 1;
  assert.ok(line > 0, 'the example has a processes line');
  await wb.openFile(INI);
  await wb.goToLine(line, 1);
  await wb.page.keyboard.type('lazy_apps = true');
  await wb.page.keyboard.press('Enter');

  const files = await step(s, '07-unknown-option', () =>
    wb.waitForProblems('UW101 for lazy_apps in uwsgi.ini', (fs) =>
      findingsWithCode(fs, INI, 'UW101').some((m) => /lazy_apps/.test(m.message)),
    ),
  );
  const marker = findingsWithCode(files, INI, 'UW101').find((m) => /lazy_apps/.test(m.message));
  assert.match(marker.message, /did you mean .?lazy-apps/i);
  assert.equal(marker.position, `[Ln ${line}, Col 1]`, 'reported on the typed line');
});
