import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { LspSession } from './support/lspSession';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const INI = [
  '[uwsgi]', // 0
  'ini = common.ini', // 1
  'chdir = %d', // 2
  'module = site.web:app', // 3
  'lazy_apps = true', // 4
  'master = true', // 5
  'if-env = PRODUCTION', // 6
  'processes = 8', // 7
  'endif', // 8
  '', // 9
].join('\n');

const FILES: Record<string, string> = {
  'uwsgi.ini': INI,
  'common.ini': '[uwsgi]\nsocket = /run/app.sock\n',
  'site/__init__.py': '',
  'site/web.py': 'from flask import Flask\n\napp = Flask(__name__)\n',
};

const sessions: LspSession[] = [];
after(async () => {
  await Promise.all(sessions.map((s) => s.close()));
});

let shared: Promise<LspSession> | undefined;
/** One server for the whole file, with uwsgi.ini open. */
function session(): Promise<LspSession> {
  shared ??= (async () => {
    const s = await LspSession.start(FILES);
    sessions.push(s);
    await s.open('uwsgi.ini', INI);
    return s;
  })();
  return shared;
}

/** A request with a deadline, so a server that never answers fails the test instead of hanging it. */
async function request<T>(method: string, params: object, timeoutMs = 10000): Promise<T> {
  const s = await session();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} got no answer in ${timeoutMs} ms\n${s.stderr}`)), timeoutMs);
  });
  try {
    return await Promise.race([s.connection.sendRequest(method, params) as Promise<T>, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function at(line: number, character: number): Promise<object> {
  const s = await session();
  return { textDocument: { uri: s.uri('uwsgi.ini') }, position: { line, character } };
}

describe('editor features over stdio', () => {
  test('initialize advertises the feature providers', async () => {
    // An empty workspace of its own: closing a session deletes its root folder.
    const probe = new LspSession(mkdtempSync(join(tmpdir(), 'uwsgi-lint-features-')));
    sessions.push(probe);
    const result = (await probe.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as {
      capabilities: Record<string, unknown>;
    };
    for (const provider of ['hoverProvider', 'completionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'documentLinkProvider', 'definitionProvider']) {
      assert.ok(result.capabilities[provider], `${provider} in ${JSON.stringify(result.capabilities)}`);
    }
  });

  test('hover on a key describes the option; on an unknown key it suggests the real name', async () => {
    const hover = await request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', await at(5, 2));
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /\*\*master\*\*/);
    assert.deepEqual(hover.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 6 } });
    const unknown = await request<{ contents: { value: string } }>('textDocument/hover', await at(4, 3));
    assert.match(unknown.contents.value, /Did you mean `lazy-apps`/);
  });

  test('hover on a magic variable shows its value for this file', async () => {
    const s = await session();
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', await at(2, 9));
    assert.ok(hover.contents.value.includes(s.root.replace(/\\/g, '/') + '/'), hover.contents.value);
  });

  test('completion offers option names with a replace range over the partial key, and resolves their docs', async () => {
    const s = await session();
    await s.change('uwsgi.ini', 2, INI.replace('master = true', 'mast = true'));
    const list = await request<{ items: Array<{ label: string; textEdit: { range: Range; newText: string }; data?: unknown }> }>(
      'textDocument/completion',
      await at(5, 4),
    );
    const master = list.items.find((i) => i.label === 'master');
    assert.ok(master, 'master offered');
    assert.deepEqual(master.textEdit.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } });
    assert.equal(master.textEdit.newText, 'master');
    const resolved = await request<{ documentation?: { value: string } }>('completionItem/resolve', master);
    assert.match(resolved.documentation?.value ?? '', /master/);
    await s.change('uwsgi.ini', 3, INI);
  });

  test('completion of a boolean value', async () => {
    const list = await request<{ items: Array<{ label: string }> }>('textDocument/completion', await at(5, 9));
    assert.deepEqual(list.items.map((i) => i.label), ['true', 'false']);
  });

  test('definition from module = goes to the callable in the Python file', async () => {
    const s = await session();
    const result = await request<Array<{ uri: string; range: Range }>>('textDocument/definition', await at(3, 12));
    assert.equal(result.length, 1);
    assert.equal(result[0].uri, s.uri('site/web.py'));
    assert.deepEqual(result[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
  });

  test('document symbols: the section with its entries and the logic block', async () => {
    const symbols = await request<Array<{ name: string; children: Array<{ name: string; children?: Array<{ name: string }> }> }>>(
      'textDocument/documentSymbol',
      { textDocument: { uri: (await session()).uri('uwsgi.ini') } },
    );
    assert.equal(symbols[0].name, '[uwsgi]');
    const names = symbols[0].children.map((c) => c.name);
    assert.deepEqual(names, ['ini', 'chdir', 'module', 'lazy_apps', 'master', 'if-env = PRODUCTION']);
    assert.deepEqual(symbols[0].children[5].children?.map((c) => c.name), ['processes']);
  });

  test('folding ranges: the section and the logic block', async () => {
    const folds = await request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', {
      textDocument: { uri: (await session()).uri('uwsgi.ini') },
    });
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]),
      [[0, 8], [6, 7]],
    );
  });

  test('document links: the included ini, without a link for the folder value', async () => {
    const s = await session();
    const links = await request<Array<{ range: Range; target: string }>>('textDocument/documentLink', { textDocument: { uri: s.uri('uwsgi.ini') } });
    assert.deepEqual(links.map((l) => [l.range.start.line, l.target]), [[1, s.uri('common.ini')]]);
  });

  test('plain ini documents without a [uwsgi] section get no answers', async () => {
    const s = await session();
    await s.open('other/setup.ini', '[metadata]\nname = x\n', 'ini');
    const hover = await request<unknown>('textDocument/hover', { textDocument: { uri: s.uri('other/setup.ini') }, position: { line: 1, character: 1 } });
    assert.equal(hover, null);
  });
});
