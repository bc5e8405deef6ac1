import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW003 } from '../../server/src/rules/UW003-includeNotFound';
import { runRules } from './helpers/runRule';

test('UW003: a missing include is an error at its value', () => {
  const text = '[uwsgi]\ninclude = conf/missing.ini\n';
  const [finding] = runRules([UW003], { '/app/uwsgi.ini': text });
  assert.equal(finding.severity, 'error');
  assert.equal(text.slice(finding.start, finding.end), 'conf/missing.ini');
  assert.match(finding.message, /\/app\/conf\/missing\.ini/);
});

test('UW003: an existing include (yaml too) is fine', () => {
  assert.deepEqual(runRules([UW003], {
    '/app/uwsgi.ini': '[uwsgi]\ninclude = x.ini\nyaml = y.yml\n',
    '/app/x.ini': '[uwsgi]\n',
    '/app/y.yml': 'uwsgi:\n',
  }), []);
});

test('UW003: a missing include inside a logic block is a warning', () => {
  const [finding] = runRules([UW003], { '/app/uwsgi.ini': '[uwsgi]\nif-exists = /etc/x\ninclude = /etc/x/local.ini\nendif\n' });
  assert.equal(finding.severity, 'warning');
});

test('UW003: a placeholder in an include path explains that includes are read before expansion', () => {
  const [finding] = runRules([UW003], { '/app/uwsgi.ini': '[uwsgi]\nset-ph = d=conf\ninclude = %(d)/x.ini\n', '/app/conf/x.ini': '[uwsgi]\n' });
  assert.match(finding.message, /looks for this path literally/);
});
