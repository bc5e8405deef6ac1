import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentSymbols } from '../../server/src/features/symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { LineIndex } from '../../server/src/core/lineIndex';
import { parseIni } from '../../server/src/ini/parser';
import type { SymbolEntry } from '../../server/src/features/types';

const TEXT = [
  '; deployment for the web app', // 0
  '; keep in sync with nginx', // 1
  '[uwsgi]', // 2
  'module = app:app', // 3
  'if-env = PRODUCTION', // 4
  'processes = 8', // 5
  'harakiri = 30', // 6
  'endif', // 7
  'master = true', // 8
  '', // 9
  '[dev]', // 10
  'processes = 1', // 11
  '; region sockets', // 12
  'socket = :8000', // 13
  '; endregion', // 14
  '', // 15
].join('\n');

function outline(symbols: SymbolEntry[], text: string): unknown[] {
  return symbols.map((s) => [s.kind, s.name, text.slice(s.selectionRange.start, s.selectionRange.end), ...(s.children.length ? [outline(s.children, text)] : [])]);
}

test('sections hold their entries; a logic block holds the entries it guards', () => {
  const symbols = documentSymbols(parseIni(TEXT));
  assert.deepEqual(outline(symbols, TEXT), [
    ['section', '[uwsgi]', '[uwsgi]', [
      ['entry', 'module', 'module'],
      ['block', 'if-env = PRODUCTION', 'if-env', [
        ['entry', 'processes', 'processes'],
        ['entry', 'harakiri', 'harakiri'],
      ]],
      ['entry', 'master', 'master'],
    ]],
    ['section', '[dev]', '[dev]', [
      ['entry', 'processes', 'processes'],
      ['entry', 'socket', 'socket'],
    ]],
  ]);
  assert.equal(symbols[0].children[0].detail, 'app:app');
});

test('ranges contain their selection and children; sections stop before trailing blank lines', () => {
  const symbols = documentSymbols(parseIni(TEXT));
  const check = (s: SymbolEntry, parent?: SymbolEntry): void => {
    assert.ok(s.range.start <= s.selectionRange.start && s.selectionRange.end <= s.range.end, s.name);
    if (parent) assert.ok(parent.range.start <= s.range.start && s.range.end <= parent.range.end, s.name);
    s.children.forEach((c) => check(c, s));
  };
  symbols.forEach((s) => check(s));
  assert.ok(TEXT.slice(symbols[0].range.start, symbols[0].range.end).endsWith('master = true'));
  const block = symbols[0].children[1];
  assert.ok(TEXT.slice(block.range.start, block.range.end).endsWith('endif'));
});

test('keys before any section are listed as ignored', () => {
  const [first] = documentSymbols(parseIni('master = true\n[uwsgi]\n'));
  assert.equal(first.detail, 'ignored by uWSGI');
  assert.equal(first.children[0].name, 'master');
});

test('folding: comment runs, sections, logic blocks (endif stays visible) and region markers', () => {
  const lines = new LineIndex(TEXT);
  const folds = foldingRanges(parseIni(TEXT)).map((f) => [lines.positionAt(f.start).line, lines.positionAt(f.end).line, f.kind ?? '']);
  assert.deepEqual(folds, [
    [0, 1, 'comment'],
    [2, 8, ''],
    [4, 6, ''],
    [10, 14, ''],
    [12, 14, 'region'],
  ]);
});

test('an unterminated block folds to its last line; single lines do not fold', () => {
  const text = '[uwsgi]\nif-env = X\na = 1\nb = 2\n';
  const lines = new LineIndex(text);
  const folds = foldingRanges(parseIni(text)).map((f) => [lines.positionAt(f.start).line, lines.positionAt(f.end).line]);
  assert.deepEqual(folds, [[0, 3], [1, 3]]);
  assert.deepEqual(foldingRanges(parseIni('[uwsgi]\n; one\n')), [{ start: 0, end: 8 }]);
});

test('CRLF files fold and outline on the same lines as LF files', () => {
  const crlf = TEXT.replace(/\n/g, '\r\n');
  const lf = new LineIndex(TEXT);
  const cr = new LineIndex(crlf);
  const lines = (index: LineIndex, text: string) =>
    foldingRanges(parseIni(text)).map((f) => [index.positionAt(f.start).line, index.positionAt(f.end).line, f.kind ?? '']);
  assert.deepEqual(lines(cr, crlf), lines(lf, TEXT));
  const symbols = documentSymbols(parseIni(crlf));
  assert.equal(crlf.slice(symbols[0].children[0].range.start, symbols[0].children[0].range.end), 'module = app:app');
});
