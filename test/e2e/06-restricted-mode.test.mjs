// Scenario 6: a folder whose authors are not trusted. code-server is started without --disable-workspace-trust, the
// person answers "No, I don't trust the authors", the window runs in Restricted Mode, and the extension (which
// declares untrustedWorkspaces: supported, since it never executes workspace code) still lints.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasFinding, INI, PYTHON, step, useSession } from './harness/scenario.mjs';
import { waitFor } from './harness/wait.mjs';

const session = useSession({ trust: false });

test('in Restricted Mode (workspace not trusted) the extension still reports UW301', async () => {
  const s = session.current;
  const wb = s.workbench;
  const page = s.page;
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'Do you trust the authors' });
  await step(s, '06-trust-prompt', () => dialog.waitFor({ state: 'visible', timeout: 60_000 }));
  await dialog.getByRole('button', { name: "No, I don't trust the authors" }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  await waitFor('"Restricted Mode" in the status bar', 30_000, async () =>
    /Restricted Mode/.test((await wb.statusBarItem('status.workspaceTrust')) ?? ''),
  );

  const pyName = PYTHON.split('/').pop();
  const files = await step(s, '06-restricted-mode', () =>
    wb.waitForProblems('UW301 on uwsgi.ini and the Python file in Restricted Mode', (fs) =>
      hasFinding(fs, INI, 'UW301') && hasFinding(fs, pyName, 'UW301'),
    ),
  );
  assert.ok(files.length >= 2);
  assert.match((await wb.statusBarItem('status.workspaceTrust')) ?? '', /Restricted Mode/, 'still untrusted');
});
