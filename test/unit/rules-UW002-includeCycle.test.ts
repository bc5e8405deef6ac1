import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW002 } from '../../server/src/rules/UW002-includeCycle';
import { runRules } from './helpers/runRule';

test('UW002: a cycle is reported once, at the include that closes it, with the chain', () => {
  const findings = runRules([UW002], {
    '/app/uwsgi.ini': '[uwsgi]\ninclude = a.ini\n',
    '/app/a.ini': '[uwsgi]\nini = b.ini\n',
    '/app/b.ini': '[uwsgi]\ninclude = a.ini\n',
  });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].file, '/app/b.ini');
  assert.match(findings[0].message, /a\.ini:uwsgi → b\.ini:uwsgi → a\.ini:uwsgi/);
});

test('UW002: including the same file twice, or another section of itself, is not a cycle', () => {
  assert.deepEqual(runRules([UW002], {
    '/app/uwsgi.ini': '[uwsgi]\ninclude = a.ini\ninclude = a.ini\nini = :extra\n[extra]\nmaster = 1\n',
    '/app/a.ini': '[uwsgi]\nprocesses = 2\n',
  }), []);
});

test('UW002: ini = :uwsgi inside [uwsgi] re-reads itself forever', () => {
  const findings = runRules([UW002], { '/app/uwsgi.ini': '[uwsgi]\nini = :uwsgi\n' });
  assert.equal(findings.length, 1);
});
