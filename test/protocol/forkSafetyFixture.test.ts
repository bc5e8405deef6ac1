import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';
import { applyTextEdits, type LspTextEdit } from './support/applyTextEdits';
import { LspSession, type LspDiagnostic } from './support/lspSession';

const FIXTURE = resolve(__dirname, '../fixtures/fork-safety/05-factory-called-in-wsgi');

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'expected.json') out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

let session: LspSession | undefined;
after(() => session?.close());

test('opening only the ini of a fixture shows UW301 with its import chain, and the preferred fix clears it', async () => {
  const files = filesOf(FIXTURE);
  session = await LspSession.start(files);
  await session.open('uwsgi.ini', files['uwsgi.ini']);
  const diagnostics = await session.waitForDiagnostics('uwsgi.ini', (d) => d.some((x) => x.code === 'UW301'));
  const finding = diagnostics.find((d) => d.code === 'UW301') as LspDiagnostic;
  assert.equal(finding.range.start.line, 5, 'on the module = line');
  const related = finding.relatedInformation ?? [];
  const relatedFiles = related.map((r) => r.location.uri);
  assert.ok(relatedFiles.includes(session.uri('shop/__init__.py')), 'points at the line that opens the connection');
  assert.ok(relatedFiles.includes(session.uri('wsgi.py')), 'the chain passes through wsgi.py');
  const py = await session.waitForDiagnostics('shop/__init__.py', (d) => d.some((x) => x.code === 'UW301'));
  assert.equal(py.find((d) => d.code === 'UW301')!.range.start.line, 13);

  const actions = (await session.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: session.uri('uwsgi.ini') },
    range: finding.range,
    context: { diagnostics: [finding] },
  })) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, LspTextEdit[]> } }[];
  const preferred = actions.find((a) => a.isPreferred)!;
  assert.match(preferred.title, /^Set lazy-apps = true/);
  const fixed = applyTextEdits(files['uwsgi.ini'], preferred.edit.changes[session.uri('uwsgi.ini')]);
  await session.change('uwsgi.ini', 2, fixed);
  await session.waitForDiagnostics('uwsgi.ini', (d) => !d.some((x) => x.code === 'UW301'));
  await session.waitForDiagnostics('shop/__init__.py', (d) => !d.some((x) => x.code === 'UW301'));
});
