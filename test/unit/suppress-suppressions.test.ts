import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import type { Finding } from '../../server/src/core/finding';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { UW103 } from '../../server/src/rules/UW103-inlineComment';
import { UW104 } from '../../server/src/rules/UW104-lazy';
import { applySuppressions } from '../../server/src/suppress/applySuppressions';
import { disableForLineFix } from '../../server/src/suppress/disableForLineFix';
import { parseSuppressions } from '../../server/src/suppress/suppressionComments';
import { applyEdits } from './helpers/applyEdits';
import { applyFix } from './helpers/runRule';

const PY = '/app/app.py';
const finding = (file: string, text: string, needle: string, code = 'UW301'): Finding => {
  const start = text.indexOf(needle);
  return { file, start, end: start + needle.length, code, severity: 'warning', message: 'm' };
};

test('ini: a full-line disable-next-line comment suppresses the named code on the next line', () => {
  const text = '[uwsgi]\n; uwsgi-lint: disable-next-line UW104 -- kept for the old reload behaviour\nlazy = true\n';
  const findings = analyzeConfig({ path: '/app/uwsgi.ini', fs: new MemoryFileSystem({ '/app/uwsgi.ini': text }), settings: DEFAULT_SETTINGS, rules: [UW104] }).findings;
  assert.deepEqual(findings, []);
});

test('ini: a trailing comment is not a suppression (uWSGI reads it as the value)', () => {
  assert.deepEqual(parseSuppressions('/a.ini', '[uwsgi]\nlazy = true ; uwsgi-lint: disable-line UW104\n', 'ini'), []);
});

test('ini: # comments, several codes and stacked comments', () => {
  const text = '[uwsgi]\n# uwsgi-lint: disable-next-line UW101,UW108\n; uwsgi-lint: disable-next-line UW103\nmaster = 1\n';
  const list = parseSuppressions('/a.ini', text, 'ini');
  assert.deepEqual(list.map((s) => s.codes), [['UW101', 'UW108'], ['UW103']]);
  for (const s of list) assert.equal(text.slice(s.target!.start, s.target!.end), 'master = 1');
});

test('disable-file without codes suppresses everything in that file only', () => {
  const text = '; uwsgi-lint: disable-file\n[uwsgi]\nlazy = true\n';
  const fs = new MemoryFileSystem({ '/app/a.ini': text });
  const kept = applySuppressions([finding('/app/a.ini', text, 'lazy'), finding('/app/b.ini', 'lazy', 'lazy')], fs);
  assert.deepEqual(kept.map((f) => f.file), ['/app/b.ini']);
});

test('python: disable-next-line on its own line and a trailing disable-line', () => {
  const text = 'import db\n# uwsgi-lint: disable-next-line UW301\nengine = db.connect()\nconn = db.connect()  # uwsgi-lint: disable-line UW301\nother = db.connect()\n';
  const fs = new MemoryFileSystem({ [PY]: text });
  const kept = applySuppressions([finding(PY, text, 'db.connect()\nconn'), finding(PY, text, 'db.connect()  #'), finding(PY, text, 'other = db.connect()', 'UW301')], fs, { files: [PY] });
  assert.equal(kept.length, 1);
  assert.equal(text.slice(kept[0].start, kept[0].end), 'other = db.connect()');
});

test('unused suppressions are UW009 hints tagged unnecessary, with a removal fix', () => {
  const text = '[uwsgi]\n; uwsgi-lint: disable-next-line UW104\nmaster = true\n';
  const findings = analyzeConfig({ path: '/app/uwsgi.ini', fs: new MemoryFileSystem({ '/app/uwsgi.ini': text }), settings: DEFAULT_SETTINGS, rules: [UW104] }).findings;
  assert.equal(findings.length, 1);
  const [unused] = findings;
  assert.equal(unused.code, 'UW009');
  assert.equal(unused.severity, 'hint');
  assert.deepEqual(unused.tags, ['unnecessary']);
  assert.equal(applyFix(text, unused), '[uwsgi]\nmaster = true\n');
});

test('only the unused code of a suppression is reported, and its fix keeps the rest', () => {
  const text = '[uwsgi]\n; uwsgi-lint: disable-next-line UW103, UW104\nlazy = true\n';
  const findings = analyzeConfig({ path: '/app/uwsgi.ini', fs: new MemoryFileSystem({ '/app/uwsgi.ini': text }), settings: DEFAULT_SETTINGS, rules: [UW103, UW104] }).findings;
  assert.equal(findings.length, 1);
  assert.equal(text.slice(findings[0].start, findings[0].end), 'UW103');
  assert.equal(applyFix(text, findings[0]), '[uwsgi]\n; uwsgi-lint: disable-next-line UW104\nlazy = true\n');
});

test('a suppression for a rule that did not run, or was turned off, is not unused', () => {
  const text = '[uwsgi]\n; uwsgi-lint: disable-next-line UW301\nlazy = true\n';
  const fs = new MemoryFileSystem({ '/app/uwsgi.ini': text });
  assert.equal(analyzeConfig({ path: '/app/uwsgi.ini', fs, settings: DEFAULT_SETTINGS, rules: [UW104] }).findings.length, 1);
  const off = '[uwsgi]\n; uwsgi-lint: disable-next-line UW104\nlazy = true\n';
  const settings = { ...DEFAULT_SETTINGS, severity: { UW104: 'off' as const } };
  assert.deepEqual(analyzeConfig({ path: '/app/uwsgi.ini', fs: new MemoryFileSystem({ '/app/uwsgi.ini': off }), settings, rules: [UW104] }).findings, []);
});

test('disableForLineFix inserts a full-line comment above with indentation and CRLF, then extends it', () => {
  const text = '[uwsgi]\r\n  lazy = true\r\n';
  const f = finding('/a.ini', text, 'lazy', 'UW104');
  const once = applyEdits(text, disableForLineFix(text, '/a.ini', f, 'ini').edits);
  assert.equal(once, '[uwsgi]\r\n  ; uwsgi-lint: disable-next-line UW104\r\n  lazy = true\r\n');
  const again = disableForLineFix(once, '/a.ini', finding('/a.ini', once, 'lazy = true', 'UW104'), 'ini');
  assert.deepEqual(again.edits, []);
  const more = applyEdits(once, disableForLineFix(once, '/a.ini', finding('/a.ini', once, 'lazy = true', 'UW108'), 'ini').edits);
  assert.equal(more, '[uwsgi]\r\n  ; uwsgi-lint: disable-next-line UW104,UW108\r\n  lazy = true\r\n');
});

test('disableForLineFix uses # in Python', () => {
  const text = 'def f():\n    engine = connect()\n';
  const fix = disableForLineFix(text, PY, finding(PY, text, 'connect()'), 'python');
  assert.equal(applyEdits(text, fix.edits), 'def f():\n    # uwsgi-lint: disable-next-line UW301\n    engine = connect()\n');
});
