import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIni } from '../../server/src/ini/parser';
import { entriesOf, sectionsNamed, sectionInsertionPoint, lineAt } from '../../server/src/ini/query';

const keysOf = (text: string, section = 'uwsgi') => entriesOf(parseIni(text), section).map((e) => [e.key, e.value]);

test('lines split on \\n and blanks/\\r are trimmed from both ends', () => {
  const doc = parseIni('[uwsgi]\r\n\t  master = true \t\r\n');
  const entry = doc.entries[0];
  assert.equal(entry.key, 'master');
  assert.equal(entry.value, 'true');
  assert.equal(doc.text.slice(entry.keySpan.start, entry.keySpan.end), 'master');
  assert.equal(doc.text.slice(entry.valueSpan.start, entry.valueSpan.end), 'true');
  assert.equal(doc.lines[1].indent, '\t  ');
});

test('a line whose first non-blank character is ; or # is a comment', () => {
  const doc = parseIni('[uwsgi]\n  ; one\n# two\nmaster = 1\n');
  assert.deepEqual(doc.lines.map((l) => l.kind), ['header', 'comment', 'comment', 'entry']);
  assert.equal(doc.lines[1].kind === 'comment' && doc.lines[1].text, 'one');
  assert.equal(doc.entries.length, 1);
});

test('there are no inline comments: the value keeps ; and # text', () => {
  assert.deepEqual(keysOf('[uwsgi]\nlazy-apps = false ; TODO\nsocket = :3031 # x\n'), [
    ['lazy-apps', 'false ; TODO'],
    ['socket', ':3031 # x'],
  ]);
});

test('section name is everything after [ minus the last character of the line', () => {
  const doc = parseIni('[uwsgi] ; main\nmaster = 1\n[UWSGI]\n[uwsgi ]\n[uwsgi\n');
  assert.deepEqual(doc.sections.map((s) => s.name), ['uwsgi] ; mai', 'UWSGI', 'uwsgi ', 'uwsg']);
  assert.equal(sectionsNamed(doc, 'uwsgi').length, 0);
  assert.ok(doc.problems.some((p) => p.kind === 'unclosedHeader'));
});

test('section names are case-sensitive and not trimmed', () => {
  assert.deepEqual(keysOf('[UWSGI]\nmaster = 1\n'), []);
  assert.deepEqual(keysOf('[ uwsgi]\nmaster = 1\n'), []);
  assert.deepEqual(keysOf('[uwsgi]\nmaster = 1\n'), [['master', '1']]);
});

test('keys before the first header belong to the section ""', () => {
  const doc = parseIni('master = 1\n[uwsgi]\nprocesses = 2\n');
  assert.deepEqual(doc.sections.map((s) => s.name), ['', 'uwsgi']);
  assert.deepEqual(entriesOf(doc, '').map((e) => e.key), ['master']);
  assert.equal(doc.sections[0].header, undefined);
});

test('the first = splits key and value: key6 = a = b gives a = b', () => {
  assert.deepEqual(keysOf('[uwsgi]\nkey6 = a = b\n'), [['key6', 'a = b']]);
});

test('a bare key and an empty value both give ""', () => {
  const doc = parseIni('[uwsgi]\nmaster\nlazy-apps =\n');
  assert.deepEqual(doc.entries.map((e) => [e.key, e.value, e.eqOffset >= 0]), [
    ['master', '', false],
    ['lazy-apps', '', true],
  ]);
});

test('there is no quoting: "false" keeps its quotes', () => {
  assert.deepEqual(keysOf('[uwsgi]\nmaster = "false"\n'), [['master', '"false"']]);
});

test('option names are kept as written: _ is not turned into -', () => {
  assert.deepEqual(keysOf('[uwsgi]\nlazy_apps = true\n'), [['lazy_apps', 'true']]);
});

test('repeated keys are all kept, in order', () => {
  assert.deepEqual(keysOf('[uwsgi]\nprocesses = 3\nsocket = a\nprocesses = 4\n'), [
    ['processes', '3'],
    ['socket', 'a'],
    ['processes', '4'],
  ]);
});

test('a section may appear several times and every block is read', () => {
  assert.deepEqual(keysOf('[uwsgi]\na = 1\n[other]\nb = 2\n[uwsgi]\nc = 3\n').map(([k]) => k), ['a', 'c']);
});

test('CRLF line endings are kept per line and spans exclude them', () => {
  const doc = parseIni('[uwsgi]\r\nmaster = true\r\nx = 1');
  assert.equal(doc.eol, '\r\n');
  assert.deepEqual(doc.lines.map((l) => l.eol), ['\r\n', '\r\n', '']);
  const last = doc.entries[1];
  assert.equal(doc.text.slice(last.valueSpan.start, last.valueSpan.end), '1');
});

test('a BOM is kept in offsets and reported, since uWSGI does not skip it', () => {
  const text = '\uFEFF[uwsgi]\nmaster = true\n';
  const doc = parseIni(text);
  assert.equal(doc.bom, true);
  assert.equal(doc.lines[0].start, 1);
  const entry = doc.entries[0];
  assert.equal(text.slice(entry.keySpan.start, entry.keySpan.end), 'master');
  assert.ok(doc.problems.some((p) => p.kind === 'bom'));
});

test('value tokens: placeholders with math, magic, unknown magic, escapes, env and readers', () => {
  const text = '[uwsgi]\nx = %(a + 1) %(base) %d %z %% $(HOME) $(P:-8000) @(exec://cat f) @(/etc/x)\n';
  const doc = parseIni(text);
  const tokens = doc.entries[0].tokens;
  assert.deepEqual(tokens.map((t) => [t.kind, t.name]), [
    ['placeholder', 'a + 1'],
    ['placeholder', 'base'],
    ['magic', 'd'],
    ['unknownMagic', 'z'],
    ['escape', '%'],
    ['env', 'HOME'],
    ['env', 'P'],
    ['reader', 'exec://cat f'],
    ['reader', '/etc/x'],
  ]);
  assert.equal(tokens[0].isMath, true);
  assert.equal(tokens[6].defaultValue, '8000');
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('%Y in a log format is unknown magic; %%Y is an escape', () => {
  const [a, b] = parseIni('[uwsgi]\nlog-date = %Y\nlogdate = %%Y\n').entries;
  assert.deepEqual(a.tokens.map((t) => t.kind), ['unknownMagic']);
  assert.deepEqual(b.tokens.map((t) => t.kind), ['escape']);
});

test('logic blocks: entries inside are conditional, the block has spans', () => {
  const text = '[uwsgi]\nif-env = DEBUG\npy-autoreload = 1\nendif\nmaster = 1\n';
  const doc = parseIni(text);
  assert.equal(doc.blocks.length, 1);
  const block = doc.blocks[0];
  assert.equal(block.kind, 'if');
  assert.equal(block.close?.key, 'endif');
  assert.equal(text.slice(block.span.start, block.span.end), 'if-env = DEBUG\npy-autoreload = 1\nendif\n');
  assert.deepEqual(doc.entries.map((e) => e.conditional), [false, true, false, false]);
  assert.equal(doc.problems.length, 0);
});

test('for loops close with endfor or end-for', () => {
  const doc = parseIni('[uwsgi]\nfor = a b\nenv = X=%(_)\nend-for\n');
  assert.equal(doc.blocks[0].kind, 'for');
  assert.equal(doc.blocks[0].close?.key, 'end-for');
});

test('unterminated, nested and stray logic are problems, never exceptions', () => {
  const doc = parseIni('[uwsgi]\nendif\nif-env = A\nif-exists = /x\nmaster = 1\n');
  assert.deepEqual(doc.problems.map((p) => p.kind), ['strayEnd', 'unterminatedBlock', 'nestedBlock']);
  const nested = doc.problems.find((p) => p.kind === 'nestedBlock')!;
  assert.match(nested.message, /recursive logic/);
  assert.ok(nested.related);
});

test('else outside an if block is a problem', () => {
  assert.deepEqual(parseIni('[uwsgi]\nelse\n').problems.map((p) => p.kind), ['strayElse']);
});

test('malformed input never throws', () => {
  for (const text of ['', '[', '=', '= x', '%(', '$(', '[]\n=\n;\n#', '\r\r\n\n', '\uFEFF']) {
    assert.doesNotThrow(() => parseIni(text));
  }
  assert.deepEqual(parseIni('').lines, []);
  assert.ok(parseIni('[uwsgi]\nx = %(oops\n').problems.some((p) => p.kind === 'unclosedToken'));
});

test('insertion point is after the last non-blank line of the section, with its indentation', () => {
  const text = '[uwsgi]\n  master = 1\n  ; note\n\n[other]\n';
  const doc = parseIni(text);
  const at = sectionInsertionPoint(doc, sectionsNamed(doc, 'uwsgi')[0]);
  assert.equal(at.offset, text.indexOf('\n\n[other]') + 1);
  assert.equal(at.indent, '  ');
  assert.equal(at.prefix, '');
  const noEol = parseIni('[uwsgi]\nmaster = 1');
  assert.equal(sectionInsertionPoint(noEol, noEol.sections[0]).prefix, '\n');
});

test('lineAt finds the line of an offset', () => {
  const doc = parseIni('[uwsgi]\nmaster = 1\n');
  assert.equal(lineAt(doc, 9)?.index, 1);
  assert.equal(lineAt(doc, 0)?.index, 0);
});

test('endif works with or without =', () => {
  for (const close of ['endif', 'endif =', 'end-if = ']) {
    const doc = parseIni(`[uwsgi]\nif-env = A\nx = 1\n${close}\n`);
    assert.equal(doc.blocks[0].close?.key, close.split(' ')[0], close);
    assert.deepEqual(doc.problems, []);
  }
});
