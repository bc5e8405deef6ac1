import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { PREFORK_APP } from './fixtures';
import { applyTextEdits, type LspTextEdit } from './support/applyTextEdits';
import { codes, LspSession, type LspDiagnostic } from './support/lspSession';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, LspTextEdit[]> };
}

const sessions: LspSession[] = [];
after(async () => {
  await Promise.all(sessions.map((s) => s.close()));
});

async function start(files: Record<string, string>, options?: { configuration?: boolean }): Promise<LspSession> {
  const session = await LspSession.start(files, options);
  sessions.push(session);
  return session;
}

const has = (code: string) => (d: LspDiagnostic[]) => d.some((x) => x.code === code);
const lacks = (code: string) => (d: LspDiagnostic[]) => !d.some((x) => x.code === code);

async function codeActions(session: LspSession, path: string, diagnostic: LspDiagnostic, only?: string[]): Promise<CodeAction[]> {
  return session.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: session.uri(path) },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
  });
}

describe('language server over stdio', () => {
  test('answers initialize with diagnostics-related capabilities', async () => {
    const session = new LspSession(LspSession.tempRoot());
    sessions.push(session);
    const result = (await session.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as {
      capabilities: { codeActionProvider: { codeActionKinds: string[] }; textDocumentSync: unknown };
      serverInfo: { name: string };
    };
    assert.equal(result.serverInfo.name, 'uwsgi-lint');
    assert.deepEqual(result.capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.uwsgiLint']);
  });

  test('reports UW301 on the ini and on the Python line with no file open', async () => {
    const session = await start(PREFORK_APP);
    const ini = await session.waitForDiagnostics('uwsgi.ini', has('UW301'));
    const py = await session.waitForDiagnostics('shop/__init__.py', has('UW301'));
    const onIni = ini.find((d) => d.code === 'UW301')!;
    const onPy = py.find((d) => d.code === 'UW301')!;
    assert.equal(onIni.source, 'uwsgi-lint');
    assert.match(onIni.codeDescription!.href, /docs\/rules\/UW301\.md$/);
    assert.match(onIni.message, /decryption failed or bad record mac/);
    assert.ok(onIni.relatedInformation!.some((r) => r.location.uri === session.uri('shop/__init__.py')), 'ini finding points at the Python line');
    assert.ok(onPy.relatedInformation!.some((r) => r.location.uri === session.uri('uwsgi.ini')), 'Python finding points at the ini');
    assert.ok(onPy.range.start.line >= 16, `the Python finding sits on the import-time query, not line ${onPy.range.start.line}`);
  });

  test('the preferred fix on the ini sets lazy-apps and clears UW301 on both sides', async () => {
    const session = await start(PREFORK_APP);
    const ini = await session.waitForDiagnostics('uwsgi.ini', has('UW301'));
    const actions = await codeActions(session, 'uwsgi.ini', ini.find((d) => d.code === 'UW301')!);
    assert.match(actions[0].title, /^Set lazy-apps = true/);
    assert.equal(actions[0].isPreferred, true);
    const edits = actions[0].edit!.changes![session.uri('uwsgi.ini')];
    const path = join(session.root, 'uwsgi.ini');
    const fixed = applyTextEdits(readFileSync(path, 'utf8'), edits);
    assert.match(fixed, /^lazy-apps = true$/m);
    writeFileSync(path, fixed);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('uwsgi.ini'), type: 2 }] });
    await session.waitForDiagnostics('uwsgi.ini', lacks('UW301'));
    await session.waitForDiagnostics('shop/__init__.py', lacks('UW301'));
  });

  test('editing an unopened Python file on disk re-checks the ini that imports it', async () => {
    const session = await start(PREFORK_APP);
    await session.waitForDiagnostics('uwsgi.ini', has('UW301'));
    const safe = PREFORK_APP['shop/__init__.py'].replace('        db.create_all()\n        _seed_roles()\n', '        pass\n');
    session.write('shop/__init__.py', safe);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('shop/__init__.py'), type: 2 }] });
    await session.waitForDiagnostics('uwsgi.ini', lacks('UW301'));
  });

  test('unsaved edits in an open ini are linted, with a did-you-mean fix for lazy_apps', async () => {
    const session = await start(PREFORK_APP);
    await session.waitForDiagnostics('uwsgi.ini', has('UW301'));
    const text = PREFORK_APP['uwsgi.ini'] + 'lazy_apps = true\n';
    await session.open('uwsgi.ini', text);
    const diagnostics = await session.waitForDiagnostics('uwsgi.ini', has('UW101'));
    assert.ok(diagnostics.some((d) => d.code === 'UW301'), 'the misspelt key does not make the app lazy');
    const unknown = diagnostics.find((d) => d.code === 'UW101')!;
    const actions = await codeActions(session, 'uwsgi.ini', unknown);
    const fix = actions.find((a) => /lazy-apps/.test(a.title));
    assert.ok(fix, `a did-you-mean fix, got ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = applyTextEdits(text, fix.edit!.changes![session.uri('uwsgi.ini')]);
    assert.match(fixed, /^lazy-apps = true$/m);
    await session.change('uwsgi.ini', 2, fixed);
    await session.waitForDiagnostics('uwsgi.ini', (d) => !d.some((x) => x.code === 'UW101' || x.code === 'UW301'));
  });

  test('source.fixAll.uwsgiLint applies the preferred fixes of the document', async () => {
    const session = await start(PREFORK_APP);
    const text = PREFORK_APP['uwsgi.ini'] + 'lazy_apps = true\n';
    await session.open('uwsgi.ini', text);
    const diagnostics = await session.waitForDiagnostics('uwsgi.ini', has('UW101'));
    const [action] = await codeActions(session, 'uwsgi.ini', diagnostics[0], ['source.fixAll.uwsgiLint']);
    assert.equal(action.kind, 'source.fixAll.uwsgiLint');
    const fixed = applyTextEdits(text, action.edit!.changes![session.uri('uwsgi.ini')]);
    assert.match(fixed, /^lazy-apps = true$/m);
    assert.doesNotMatch(fixed, /lazy_apps/);
  });

  test('severity settings are pulled per file; off drops a rule and enable=false clears everything', async () => {
    const session = await start({ ...PREFORK_APP, 'uwsgi.ini': PREFORK_APP['uwsgi.ini'] + 'lazy_apps = true\n' });
    await session.waitForDiagnostics('uwsgi.ini', has('UW101'));
    session.settings = { severity: { UW101: 'off', UW301: 'error' } };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await session.waitForDiagnostics('uwsgi.ini', lacks('UW101'));
    assert.equal(after.find((d) => d.code === 'UW301')?.severity, 1, 'UW301 raised to error');
    session.settings = { enable: false };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.waitForDiagnostics('uwsgi.ini', (d) => d.length === 0);
    assert.deepEqual(codes(session.diagnostics.get(session.uri('shop/__init__.py')) ?? []), []);
  });

  test('works without workspace/configuration support, with default settings', async () => {
    const session = await start(PREFORK_APP, { configuration: false });
    await session.waitForDiagnostics('uwsgi.ini', has('UW301'));
  });
  test('a uWSGI config created on disk is discovered from the file watcher event', async () => {
    const session = await start({ 'README.md': 'no configs yet\n' });
    session.write('deploy.ini', '[uwsgi]\nlazy_apps = true\n');
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('deploy.ini'), type: 1 }] });
    await session.waitForDiagnostics('deploy.ini', has('UW101'));
  });

  test('exclude globs stop linting the matching configs', async () => {
    const session = await start({ ...PREFORK_APP, 'uwsgi.ini': PREFORK_APP['uwsgi.ini'] + 'lazy_apps = true\n' });
    await session.waitForDiagnostics('uwsgi.ini', has('UW101'));
    session.settings = { exclude: ['*.ini'] };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.waitForDiagnostics('uwsgi.ini', (d) => d.length === 0);
  });

  test('"Disable UWxxx for this line" inserts a full-line suppression that silences the finding', async () => {
    const session = await start(PREFORK_APP);
    const text = PREFORK_APP['uwsgi.ini'] + 'lazy_apps = true\n';
    await session.open('uwsgi.ini', text);
    const diagnostics = await session.waitForDiagnostics('uwsgi.ini', has('UW101'));
    const actions = await codeActions(session, 'uwsgi.ini', diagnostics.find((d) => d.code === 'UW101')!);
    const disable = actions.find((a) => a.title === 'Disable UW101 for this line');
    assert.ok(disable, actions.map((a) => a.title).join(' | '));
    const fixed = applyTextEdits(text, disable.edit!.changes![session.uri('uwsgi.ini')]);
    assert.match(fixed, /^; uwsgi-lint: disable-next-line UW101\b.*\nlazy_apps = true$/m);
    await session.change('uwsgi.ini', 2, fixed);
    await session.waitForDiagnostics('uwsgi.ini', (d) => !d.some((x) => x.code === 'UW101' || x.code === 'UW009'));
  });
});
