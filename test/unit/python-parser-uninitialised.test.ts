import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePython, pythonParserProblem, pythonParserState } from '../../server/src/python/parser';

// Its own file: the parser is process-wide, and every other test initialises it.
test('before initPythonParser the parser says so instead of throwing', () => {
  assert.equal(pythonParserState(), 'uninitialised');
  assert.equal(parsePython('/w/a.py', 'x = 1\n'), undefined);
  assert.match(pythonParserProblem(), /not initialised/);
});
