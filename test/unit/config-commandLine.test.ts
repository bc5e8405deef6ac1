import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveConfigOf } from '../../server/src/config/effectiveConfigOf';
import { contextFor } from './appTestContext';

const INI = '[uwsgi]\nmodule = wsgi:app\nmaster = true\nprocesses = 4\nlazy-apps = false\n';

test('an option after --ini on the container command line overrides the ini (uWSGI expands --ini in place)', () => {
  const context = contextFor({
    '/ws/uwsgi.ini': INI,
    '/ws/Dockerfile': 'FROM python:3.11\nWORKDIR /app\nCOPY . /app\nCMD ["uwsgi", "--ini", "/app/uwsgi.ini", "--lazy-apps"]\n',
  });
  const config = effectiveConfigOf(context);
  assert.equal(config.truthy('lazy-apps'), true);
  const winner = config.get('lazy-apps')!;
  assert.equal(winner.environment?.variable, '--lazy-apps');
  assert.equal(winner.file, '/ws/Dockerfile');
});

test('an option before --ini is overridden by the ini', () => {
  const context = contextFor({
    '/ws/uwsgi.ini': INI,
    '/ws/Dockerfile': 'FROM python:3.11\nWORKDIR /app\nCOPY . /app\nCMD uwsgi --lazy-apps --ini /app/uwsgi.ini\n',
  });
  assert.equal(effectiveConfigOf(context).truthy('lazy-apps'), false);
});
