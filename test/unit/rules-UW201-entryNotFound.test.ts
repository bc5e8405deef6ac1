import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW201 } from '../../server/src/rules/UW201-entryNotFound';
import { ROOT, runRule } from './rules-UW2-helpers';

test('a module that is not in the workspace is reported as information, saying what was searched', () => {
  const files = { [ROOT]: '[uwsgi]\nchdir = /srv/shop\nmodule = shop.wsgi:app\n' };
  const [finding, ...rest] = runRule(UW201, files);
  assert.equal(rest.length, 0);
  assert.equal(finding.code, 'UW201');
  assert.equal(finding.severity, 'information');
  assert.equal(files[ROOT].slice(finding.start, finding.end), 'shop.wsgi:app');
  assert.match(finding.message, /Module 'shop\.wsgi' \(module\) was not found in the workspace/);
  assert.match(finding.message, /\/srv\/shop \(not in the workspace\)/);
  assert.match(finding.message, /installed elsewhere/);
});

test('a wsgi-file and a mount file that are missing are reported with their paths', () => {
  const files = { [ROOT]: '[uwsgi]\nwsgi-file = /var/www/app.wsgi\nmount = /api=api/main.py\n' };
  const findings = runRule(UW201, files);
  assert.deepEqual(findings.map((f) => files[ROOT].slice(f.start, f.end)), ['/var/www/app.wsgi', '/api=api/main.py']);
  assert.match(findings[0].message, /File '\/var\/www\/app\.wsgi'/);
  assert.match(findings[1].message, /File 'api\/main\.py'/);
});

test('found entries, pinned dependencies and stdlib imports are not reported', () => {
  const files = {
    [ROOT]: '[uwsgi]\nmodule = app\nimport = newrelic.agent\nshared-import = logging.config\nimport = Flask_Caching\n',
    '/ws/app.py': 'application = None\n',
    '/ws/requirements.txt': 'newrelic==9.0\nflask-caching\n',
  };
  assert.deepEqual(runRule(UW201, files), []);
});

test('an import of an unknown module is reported', () => {
  const files = { [ROOT]: '[uwsgi]\nmodule = app\nimport = tasks.warmup\n', '/ws/app.py': '' };
  const [finding] = runRule(UW201, files);
  assert.match(finding.message, /Module 'tasks\.warmup' \(import\)/);
  assert.match(finding.message, /ImportError at startup/);
});
