import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/core/lineIndex';

test('positions count UTF-16 units and treat \\r\\n as one line ending', () => {
  const text = '[uwsgi]\r\nmodule = café:app\r\nmaster = true';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 3);
  assert.deepEqual(index.positionAt(text.indexOf('master')), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(text.indexOf(':app')), { line: 1, character: 13 });
  assert.equal(index.offsetAt({ line: 1, character: 13 }), text.indexOf(':app'));
});

test('characters beyond a line clamp to its end and lines beyond the text to its length', () => {
  const index = new LineIndex('ab\ncd');
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 3);
  assert.equal(index.offsetAt({ line: 7, character: 0 }), 5);
  assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
});

test('astral characters take two units, as LSP positions do', () => {
  const text = '# 🚀\nx';
  assert.deepEqual(new LineIndex(text).positionAt(text.indexOf('x')), { line: 1, character: 0 });
  assert.deepEqual(new LineIndex(text).positionAt(4), { line: 0, character: 4 });
});
