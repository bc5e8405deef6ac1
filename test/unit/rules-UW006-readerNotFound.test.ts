import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW006 } from '../../server/src/rules/UW006-readerNotFound';
import { runRules } from './helpers/runRule';

test('UW006: @(file) of a missing absolute path stops uWSGI', () => {
  const [finding] = runRules([UW006], { '/app/uwsgi.ini': '[uwsgi]\nprocesses = @(/etc/app/workers)\n' });
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /does not exist/);
});

test('UW006: an existing file and exec:// readers are fine', () => {
  assert.deepEqual(runRules([UW006], {
    '/app/uwsgi.ini': '[uwsgi]\nprocesses = @(/etc/app/workers)\nchdir = @(exec://pwd)\n',
    '/etc/app/workers': '4\n',
  }), []);
});
