import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertLineAbove, removeLineEdit, setOptionEdits } from '../../server/src/fixes/iniEdits';
import { parseIni } from '../../server/src/ini/parser';
import { applyEdits } from './helpers/applyEdits';

const P = '/app/uwsgi.ini';

function setOption(text: string, option = 'lazy-apps', value = 'true', section = 'uwsgi'): string {
  return applyEdits(text, setOptionEdits(parseIni(text), P, section, option, value));
}

test('setOptionEdits replaces a falsy value in place', () => {
  assert.equal(setOption('[uwsgi]\nlazy-apps = false\nmaster = true\n'), '[uwsgi]\nlazy-apps = true\nmaster = true\n');
});

test('setOptionEdits gives a bare key a value', () => {
  assert.equal(setOption('[uwsgi]\nlazy-apps\n'), '[uwsgi]\nlazy-apps = true\n');
  assert.equal(setOption('[uwsgi]\nlazy-apps =\n'), '[uwsgi]\nlazy-apps = true\n');
});

test('setOptionEdits inserts at the end of the section with its indentation, before blank lines', () => {
  const text = '[uwsgi]\n  master = true\n  processes = 4\n\n[other]\nx = 1\n';
  assert.equal(setOption(text), '[uwsgi]\n  master = true\n  processes = 4\n  lazy-apps = true\n\n[other]\nx = 1\n');
});

test('setOptionEdits keeps CRLF and handles a last line without a line ending', () => {
  assert.equal(setOption('[uwsgi]\r\nmaster = true'), '[uwsgi]\r\nmaster = true\r\nlazy-apps = true\r\n');
  assert.equal(setOption('[uwsgi]\r\nmaster = true\r\n'), '[uwsgi]\r\nmaster = true\r\nlazy-apps = true\r\n');
});

test('setOptionEdits adds the section when the file has none', () => {
  assert.equal(setOption('[app]\nx = 1\n'), '[app]\nx = 1\n\n[uwsgi]\nlazy-apps = true\n');
  assert.equal(setOption(''), '[uwsgi]\nlazy-apps = true\n');
});

test('setOptionEdits is idempotent', () => {
  for (const text of ['[uwsgi]\nlazy-apps = false\n', '[uwsgi]\r\nmaster = 1\r\n', '[uwsgi]\nmaster = 1']) {
    const once = setOption(text);
    assert.equal(setOption(once), once);
    assert.deepEqual(setOptionEdits(parseIni(once), P, 'uwsgi', 'lazy-apps', 'true'), []);
  }
});

test('setOptionEdits ignores entries inside logic blocks (they may not apply)', () => {
  const text = '[uwsgi]\nif-env = X\nlazy-apps = false\nendif\n';
  assert.equal(setOption(text), '[uwsgi]\nif-env = X\nlazy-apps = false\nendif\nlazy-apps = true\n');
});

test('removeLineEdit removes a line with its ending, and the last line with the previous ending', () => {
  const text = '[uwsgi]\r\nlazy = true\r\nmaster = 1';
  const doc = parseIni(text);
  assert.equal(applyEdits(text, [removeLineEdit(doc, P, doc.lines[1])]), '[uwsgi]\r\nmaster = 1');
  assert.equal(applyEdits(text, [removeLineEdit(doc, P, doc.lines[2])]), '[uwsgi]\r\nlazy = true');
});

test('insertLineAbove keeps indentation and the line ending', () => {
  const text = '[uwsgi]\r\n    master = 1';
  const doc = parseIni(text);
  assert.equal(applyEdits(text, [insertLineAbove(doc, P, doc.lines[1], '; note')]), '[uwsgi]\r\n    ; note\r\n    master = 1');
});

test('setOptionEdits counts aliases as the existing entry', () => {
  const text = '[uwsgi]\nworkers = 2\n';
  const edits = setOptionEdits(parseIni(text), P, 'uwsgi', 'processes', '4', ['processes', 'workers']);
  assert.equal(applyEdits(text, edits), '[uwsgi]\nworkers = 4\n');
});
