// The core scenarios through the `vscode` API, run inside a desktop VS Code's extension host by @vscode/test-electron
// (test/vscode/run.mjs). Same workspace and the same expectations as the code-server tier in test/e2e/, read through
// the API instead of the DOM. Plain CommonJS: the extension host loads it with require().
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'uwsgi-lint.uwsgi-lint';
const workspace = process.env.UWSGI_LINT_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
const iniUri = vscode.Uri.file(path.join(workspace, 'uwsgi.ini'));
const pyUri = vscode.Uri.file(path.join(workspace, 'shop', '__init__.py'));
const FIX = 'Set lazy-apps = true';

async function waitFor(what, timeoutMs, probe, describe) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `; last seen: ${describe()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codeOf = (d) => String(typeof d.code === 'object' ? d.code.value : d.code);
const withCode = (uri, code) => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
const seen = () =>
  JSON.stringify(
    vscode.languages.getDiagnostics().map(([uri, ds]) => [vscode.workspace.asRelativePath(uri), ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`)]),
  );
const readDisk = (uri) => fs.readFileSync(uri.fsPath, 'utf8');
const lineOf = (text, re) => text.split('\n').findIndex((l) => re.test(l));

async function bothUW301() {
  return waitFor('UW301 on uwsgi.ini and shop/__init__.py', 60_000, () => withCode(iniUri, 'UW301').length && withCode(pyUri, 'UW301').length, seen);
}

async function noUW301() {
  return waitFor('UW301 to clear', 30_000, () => !withCode(iniUri, 'UW301').length && !withCode(pyUri, 'UW301').length, seen);
}

async function replaceAll(uri, text) {
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await doc.save());
}

const scenarios = [
  ['the workspace lists UW301 for uwsgi.ini and the Python line without the Python file being opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    await bothUW301();
    const [ini] = withCode(iniUri, 'UW301');
    assert.equal(ini.range.start.line, lineOf(readDisk(iniUri), /^\s*module\s*=/), 'on `module = ...`');
    const [py] = withCode(pyUri, 'UW301');
    assert.match(readDisk(pyUri).split('\n')[py.range.start.line], /db\.create_all\(\)/);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === pyUri.fsPath), 'the Python file was not opened');
  }],
  ['the ini finding carries the import chain and the rule link', async () => {
    const [ini] = withCode(iniUri, 'UW301');
    assert.match(ini.message, /opens a database connection before uWSGI forks/);
    assert.match(ini.message, /Opened at shop\/__init__\.py:\d+/, 'where the connection opens');
    const related = (ini.relatedInformation ?? []).map((r) => `${path.basename(r.location.uri.fsPath)}: ${r.message}`);
    assert.ok(related.some((r) => /^wsgi\.py: import chain: create_app\(\)/.test(r)), `the import chain through wsgi.py: ${JSON.stringify(related)}`);
    assert.equal(typeof ini.code, 'object', 'the code carries a link');
    assert.match(ini.code.target.toString(), /UW301(\.md)?$/);
  }],
  ['uwsgi.ini opens in the uwsgi-ini language', async () => {
    const doc = await vscode.workspace.openTextDocument(iniUri);
    await vscode.window.showTextDocument(doc);
    await waitFor('language uwsgi-ini', 10_000, () => doc.languageId === 'uwsgi-ini', () => doc.languageId);
  }],
  ['typing lazy_apps = true shows UW101 with "did you mean lazy-apps"', async () => {
    const doc = await vscode.workspace.openTextDocument(iniUri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = lineOf(doc.getText(), /^\s*processes\s*=/);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'lazy_apps = true\n')));
    const [d] = await waitFor('UW101 on lazy_apps', 30_000, () => withCode(iniUri, 'UW101').filter((x) => x.range.start.line === line).length && withCode(iniUri, 'UW101'), seen);
    assert.match(d.message, /did you mean .?lazy-apps/i);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the typo to be reverted', 10_000, () => !doc.isDirty && !withCode(iniUri, 'UW101').length, seen);
  }],
  ['removing the import-time block from the Python file clears UW301 without touching the ini', async () => {
    await bothUW301();
    const iniBefore = readDisk(iniUri);
    const pyBefore = readDisk(pyUri);
    const lines = pyBefore.split('\n');
    const start = lineOf(pyBefore, /^\s*with app\.app_context\(\):/);
    let end = start + 1;
    while (end < lines.length && (lines[end].trim() === '' || /^\s{8}/.test(lines[end]))) end++;
    const doc = await vscode.workspace.openTextDocument(pyUri);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(pyUri, new vscode.Range(start, 0, end, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    assert.doesNotMatch(readDisk(pyUri), /create_all/);
    await noUW301();
    assert.equal(readDisk(iniUri), iniBefore, 'the ini on disk is unchanged');
    await replaceAll(pyUri, pyBefore);
    await bothUW301();
  }],
  ['Quick Fix "Set lazy-apps = true" comes first and applying it writes the file and clears UW301', async () => {
    const [d] = (await bothUW301()) && withCode(iniUri, 'UW301');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', iniUri, d.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions[0]?.title.startsWith(FIX), `the first action starts with "${FIX}"; actions: ${JSON.stringify(actions.map((a) => a.title))}`);
    if (actions[0].edit) assert.ok(await vscode.workspace.applyEdit(actions[0].edit));
    if (actions[0].command) await vscode.commands.executeCommand(actions[0].command.command, ...(actions[0].command.arguments ?? []));
    const doc = await vscode.workspace.openTextDocument(iniUri);
    assert.ok(await doc.save());
    assert.match(readDisk(iniUri), /^lazy-apps = true$/m);
    await noUW301();
  }],
];

// `log` defaults to console.log, which test-electron forwards to the terminal; the parameter has a default so
// run.length stays 0 and VS Code uses the promise form of the test-runner API.
exports.run = async function run(log = (line) => console.log(line)) {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of scenarios) {
    const started = Date.now();
    try {
      await fn();
      passed++;
      log(`ok - ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      log(`not ok - ${name} (${Date.now() - started} ms)\n${error?.stack ?? error}`);
    }
  }
  log(`${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${scenarios.length} desktop scenarios failed`);
};
