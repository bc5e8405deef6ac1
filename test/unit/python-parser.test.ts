import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initPythonParser, parsePython, pythonParserState } from '../../server/src/python/parser';
import { blankCommentLines } from '../../server/src/python/commentLines';
import { dottedName, stringValue, type PyNode } from '../../server/src/python/pyNode';

function find(node: PyNode, type: string): PyNode[] {
  const out: PyNode[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === type) out.push(n);
    stack.push(...n.children);
  }
  return out;
}

test('parser loads from node_modules and reports ready', async () => {
  assert.equal(await initPythonParser(), 'ready');
  assert.equal(pythonParserState(), 'ready');
});

test('offsets are UTF-16 indices into the JS string, also after non-ASCII text', async () => {
  await initPythonParser();
  const text = "s = 'héllo 😀 ünïcode'\nx = db.create_all()\n";
  const parsed = parsePython('/w/a.py', text)!;
  const call = find(parsed.root, 'call')[0];
  assert.equal(call.start, text.indexOf('db.create_all'));
  assert.equal(call.text, 'db.create_all()');
  assert.equal(dottedName(call.get('function')), 'db.create_all');
});

test('syntax errors still yield the statements that parsed', async () => {
  await initPythonParser();
  const parsed = parsePython('/w/b.py', 'def f(:\n  pass\nengine.connect()\n')!;
  assert.equal(parsed.hasErrors, true);
  assert.ok(find(parsed.root, 'call').some((c) => c.text === 'engine.connect()'));
});

test('results are cached by path and text', async () => {
  await initPythonParser();
  const a = parsePython('/w/c.py', 'x = 1\n');
  assert.equal(parsePython('/w/c.py', 'x = 1\n'), a);
  assert.notEqual(parsePython('/w/c.py', 'x = 2\n'), a);
});

test('string literal values and deep nesting do not overflow', async () => {
  await initPythonParser();
  const parsed = parsePython('/w/d.py', "u = 'sqlite:///x.db'\n")!;
  assert.equal(stringValue(find(parsed.root, 'string')[0]), 'sqlite:///x.db');
  const deep = 'x = ' + '('.repeat(3000) + '1' + ')'.repeat(3000) + '\n';
  assert.ok(parsePython('/w/e.py', deep));
});

test('whole-line comments are hidden from the scanner without moving offsets or changing strings', async () => {
  await initPythonParser();
  // A long commented-out block after a def used to cost the scanner quadratic time (10,000 lines: 7 s).
  const block = '# old = create_engine("x")\n    # don\'t\n'.repeat(3000);
  const text = `def f():\n    return 1\n${block}s = """\n# not a comment\n"""\nt = '#'\n# """\nu = 2\n`;
  assert.equal(blankCommentLines(text).length, text.length);
  assert.equal(blankCommentLines(text).split('\n').length, text.split('\n').length);
  const parsed = parsePython('/w/comments.py', text)!;
  const assignments = find(parsed.root, 'assignment').sort((a, b) => a.start - b.start);
  assert.deepEqual(assignments.map((a) => a.text), ['s = """\n# not a comment\n"""', "t = '#'", 'u = 2']);
  assert.equal(assignments[2].start, text.indexOf('u = 2'));
  const s = find(parsed.root, 'string').find((n) => n.text.startsWith('"""'))!;
  assert.equal(stringValue(s), '\n# not a comment\n');
  assert.equal(parsed.hasErrors, false);
});
