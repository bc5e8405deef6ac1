// Scenario 5: uwsgi.ini opens in the extension's language mode ("uWSGI ini"), and its grammar colours a section
// name, a key, a placeholder and a comment each in a colour of its own (read from the rendered .mtk* spans, in the
// default Dark Modern theme), none of them the editor's plain foreground.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INI, readWorkspaceFile, step, useSession } from './harness/scenario.mjs';
import { waitFor } from './harness/wait.mjs';

const session = useSession();

test('uwsgi.ini is in "uWSGI ini" mode and section, key, placeholder and comment get distinct colours', async () => {
  const s = session.current;
  const wb = s.workbench;
  await wb.openFile(INI);
  await waitFor('the language mode "uWSGI ini" in the status bar', 15_000, async () =>
    (await wb.statusBarItem('status.editor.mode')) === 'uWSGI ini',
    { describe: () => wb.statusBarItem('status.editor.mode') },
  );

  // The example has a section, keys and a comment; a placeholder is typed in (left unsaved) so all four are shown.
  const lines = readWorkspaceFile(s, INI).split('\n');
  const chdirLine = lines.findIndex((l) => /^\s*chdir\s*=/.test(l)) + 1;
  assert.ok(chdirLine > 0, 'the example sets chdir');
  await wb.goToLine(chdirLine + 1, 1);
  await wb.page.keyboard.type('logto = %(chdir)/uwsgi.log');
  await wb.page.keyboard.press('Enter');

  await step(s, '05-grammar', async () => {
    const colours = await waitFor('tokenised spans for section, key, placeholder and comment', 15_000, async () => {
      const lines = await wb.tokenLines();
      const lineStartingWith = (re) => lines.find((l) => re.test(l.map((t) => t.text).join('')));
      const header = lineStartingWith(/^\s*\[uwsgi\]/) ?? [];
      const typed = lineStartingWith(/^logto\s=\s%\(chdir\)/) ?? [];
      const comment = lineStartingWith(/^\s*[;#]/) ?? [];
      const found = {
        section: header.find((t) => t.text.includes('uwsgi')),
        key: typed.find((t) => t.text.includes('logto')),
        placeholder: typed.find((t) => t.text.includes('chdir')),
        comment: comment.find((t) => t.text.trim().length > 1),
        plain: typed.find((t) => t.text.trim() === '='),
      };
      return Object.values(found).every(Boolean) ? found : undefined;
    }, { describe: async () => JSON.stringify((await wb.tokenLines()).slice(0, 6)) });
    const seen = Object.fromEntries(Object.entries(colours).map(([k, t]) => [k, `${t.color} (${t.className.split(' ')[0]}: "${t.text.trim().slice(0, 20)}")`]));
    const kinds = ['section', 'key', 'placeholder', 'comment'];
    for (const kind of kinds) {
      assert.notEqual(colours[kind].color, colours.plain.color, `the ${kind} is coloured, not plain text: ${JSON.stringify(seen)}`);
    }
    assert.equal(new Set(kinds.map((k) => colours[k].color)).size, 4, `four distinct colours: ${JSON.stringify(seen)}`);
  });
});
