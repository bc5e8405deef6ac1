import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePython, pythonParserProblem, pythonParserState } from '../../server/src/python/parser';

// Its own file: the parser is process-wide, and every other test initialises it.
test('before initPythonParser the parser says so instead of throwing', () => {
  assert.equal(pythonParserState(), 'uninitialised');
  assert.equal(parsePython('/w/a.py', 'x = 1\n'), undefined);
  assert.match(pythonParserProblem(), /not initialised/);
});

test('UW301 says the Python side was not analysed instead of reporting nothing', async () => {
  const { UW301 } = await import('../../server/src/rules/UW301-connectionBeforeFork');
  const { analyze } = await import('./pythonTestKit');
  const findings = analyze({ '/w/uwsgi.ini': '[uwsgi]\nmaster = true\nmodule = app:app\n', '/w/app.py': 'import psycopg2\nc = psycopg2.connect()\n' }, [UW301]);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'information');
  assert.match(findings[0].message, /not initialised/);
});
