import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCompose } from '../../server/src/deploy/compose';
import { readYaml } from '../../server/src/deploy/yamlLite';

const COMPOSE = `version: "3.9"
services:
  web:
    build:
      context: ./backend
      dockerfile: docker/Dockerfile
    command: ["uwsgi", "--ini", "/app/uwsgi.ini"]
    environment:
      - UWSGI_PROCESSES=4
      - "UWSGI_LAZY_APPS=false"   # prefork on purpose
      - FROM_HOST
    volumes:
      - ./backend:/app:ro
      - static:/app/static
      - type: bind
        source: ./conf
        target: /etc/uwsgi
  worker:
    image: shop:latest
    command: uwsgi --ini /app/worker.ini
    environment:
      UWSGI_MASTER: "true"
      OTHER: x
    env_file: .env
  db:
    image: postgres:15
volumes:
  static:
`;

test('services with build, list/map environment, short and long volumes, command forms', () => {
  const file = readCompose('/ws/docker-compose.yml', COMPOSE);
  assert.deepEqual(file.services.map((s) => s.name), ['web', 'worker', 'db']);
  const [web, worker, db] = file.services;
  assert.deepEqual(web.build, { context: '/ws/backend', dockerfile: '/ws/backend/docker/Dockerfile' });
  assert.deepEqual(web.environment.map((e) => [e.name, e.value]), [['UWSGI_PROCESSES', '4'], ['UWSGI_LAZY_APPS', 'false']]);
  assert.equal(COMPOSE.slice(web.environment[1].start, web.environment[1].end), 'UWSGI_LAZY_APPS=false');
  assert.deepEqual(web.volumes.map((v) => [v.host, v.container]), [['/ws/backend', '/app'], ['/ws/conf', '/etc/uwsgi']]);
  assert.deepEqual(web.uwsgi.inis.map((w) => COMPOSE.slice(w.start, w.end)), ['/app/uwsgi.ini']);
  assert.deepEqual(worker.environment.map((e) => [e.name, e.value]), [['UWSGI_MASTER', 'true'], ['OTHER', 'x']]);
  assert.deepEqual(worker.envFiles, ['/ws/.env']);
  assert.deepEqual(worker.uwsgi.inis.map((w) => COMPOSE.slice(w.start, w.end)), ['/app/worker.ini']);
  assert.equal(db.uwsgi.runsUwsgi, false);
  assert.equal(db.build, undefined);
});

test('build as a string, block-list command and environment list at the key indent', () => {
  const text = 'services:\n  app:\n    build: .\n    command:\n    - uwsgi\n    - --ini\n    - uwsgi.ini\n    environment:\n    - UWSGI_NEED_APP=1\n';
  const [app] = readCompose('/ws/compose.yaml', text).services;
  assert.deepEqual(app.build, { context: '/ws', dockerfile: '/ws/Dockerfile' });
  assert.deepEqual(app.uwsgi.inis.map((w) => w.text), ['uwsgi.ini']);
  assert.deepEqual(app.environment.map((e) => e.name), ['UWSGI_NEED_APP']);
});

test('YAML subset: block scalars, flow maps, comments with quotes', () => {
  const doc = readYaml('a: |\n  line one\n  line two\nb: {x: 1, "y": "two"}\nc: "has # no comment" # comment\n');
  assert.equal(doc?.kind, 'map');
  const entries = doc?.kind === 'map' ? doc.entries : [];
  assert.deepEqual(entries.map((e) => e.key), ['a', 'b', 'c']);
  assert.deepEqual(entries[0].value.kind === 'scalar' && entries[0].value.value, 'line one\nline two');
  assert.deepEqual(entries[1].value.kind === 'map' && entries[1].value.entries.map((e) => e.key), ['x', 'y']);
  assert.equal(entries[2].value.kind === 'scalar' && entries[2].value.value, 'has # no comment');
});

test('malformed compose files never throw', () => {
  for (const text of ['', 'services', 'services:\n  - a\n  - b', 'services:\n  web:\n    environment: [', ':\n  :\n', 'services:\n\tweb: {']) {
    assert.doesNotThrow(() => readCompose('/ws/docker-compose.yml', text), text);
  }
});
