import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapDeployPath, targetOfIni } from '../../server/src/deploy/pathMapping';
import { contextFor } from './appTestContext';

test('Dockerfile WORKDIR + COPY . . maps the image folder onto the build context', () => {
  const context = contextFor({
    '/ws/uwsgi.ini': '',
    '/ws/shop/wsgi.py': '',
    '/ws/Dockerfile': 'FROM python\nWORKDIR /app\nCOPY requirements.txt .\nCOPY . .\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
  });
  const mapped = mapDeployPath(context, '/app/shop/wsgi.py');
  assert.equal(mapped.path, '/ws/shop/wsgi.py');
  assert.equal(mapped.exists, true);
  assert.match(mapped.note ?? '', /\/app\/shop\/wsgi\.py → shop\/wsgi\.py \(Dockerfile: COPY \. \/app\/\)/);
  assert.equal(targetOfIni(context)?.label, 'Dockerfile');
});

test('COPY of a subfolder and of single files; the longest prefix wins', () => {
  const context = contextFor({
    '/ws/uwsgi.ini': '',
    '/ws/src/shop/__init__.py': '',
    '/ws/deploy/app.wsgi': '',
    '/ws/Dockerfile': 'FROM python\nCOPY src/ /srv/code/\nCOPY deploy/app.wsgi /var/www/\n',
  });
  assert.equal(mapDeployPath(context, '/srv/code/shop/__init__.py').path, '/ws/src/shop/__init__.py');
  assert.equal(mapDeployPath(context, '/srv/code').path, '/ws/src');
  assert.equal(mapDeployPath(context, '/var/www/app.wsgi').path, '/ws/deploy/app.wsgi');
});

test('compose volumes map with the build context', () => {
  const context = contextFor({
    '/ws/backend/uwsgi.ini': '',
    '/ws/backend/app.py': '',
    '/ws/docker-compose.yml': 'services:\n  web:\n    image: python\n    volumes:\n      - ./backend:/code\n    command: uwsgi --ini /code/uwsgi.ini\n',
  }, { rootPath: '/ws/backend/uwsgi.ini' });
  const mapped = mapDeployPath(context, '/code/app.py');
  assert.equal(mapped.path, '/ws/backend/app.py');
  assert.match(mapped.note ?? '', /volume backend:\/code/);
});

test('suffix fallback without deployment files, with a note', () => {
  const context = contextFor({ '/ws/uwsgi.ini': '', '/ws/www/shop/app.wsgi': '' });
  const mapped = mapDeployPath(context, '/var/www/shop/app.wsgi');
  assert.equal(mapped.path, '/ws/www/shop/app.wsgi');
  assert.match(mapped.note ?? '', /matched by the path suffix www\/shop\/app\.wsgi/);
});

test('paths already in the workspace are used as written; missing ones report not found', () => {
  const context = contextFor({ '/ws/uwsgi.ini': '', '/ws/app.py': '' });
  assert.deepEqual(mapDeployPath(context, '/ws/app.py'), { path: '/ws/app.py', exists: true });
  assert.equal(mapDeployPath(context, '/opt/nothing/here.py').exists, false);
});
