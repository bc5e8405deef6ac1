import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDockerfile } from '../../server/src/deploy/dockerfile';

test('WORKDIR chains relative paths and COPY dests resolve against it', () => {
  const text = [
    'FROM python:3.11-slim',
    'WORKDIR /srv',
    'WORKDIR app',
    'COPY --chown=app:app requirements.txt ./',
    'COPY . .',
    'ADD ["src/", "lib/", "code/"]',
    'CMD ["uwsgi", "--ini", "deploy/uwsgi.ini"]',
  ].join('\n');
  const df = readDockerfile('/ws/Dockerfile', text);
  const stage = df.runtime!;
  assert.equal(stage.workdir, '/srv/app');
  assert.deepEqual(
    stage.copies.map((c) => [c.sources, c.dest]),
    [
      [['requirements.txt'], '/srv/app/'],
      [['.'], '/srv/app/'],
      [['src/', 'lib/'], '/srv/app/code/'],
    ],
  );
  assert.equal(stage.uwsgi.runsUwsgi, true);
  assert.deepEqual(stage.uwsgi.inis.map((w) => w.text), ['deploy/uwsgi.ini']);
  const ini = stage.uwsgi.inis[0];
  assert.equal(text.slice(ini.start, ini.end), 'deploy/uwsgi.ini');
});

test('ENV in key=value form (quoted, several per line) and legacy form, with spans', () => {
  const text = 'FROM python\nENV UWSGI_PROCESSES=4 UWSGI_LAZY_APPS="true" \\\n    APP_HOME=/app\nENV UWSGI_MASTER 1\n';
  const stage = readDockerfile('/ws/Dockerfile', text).runtime!;
  assert.deepEqual(
    stage.env.map((e) => [e.name, e.value]),
    [
      ['UWSGI_PROCESSES', '4'],
      ['UWSGI_LAZY_APPS', 'true'],
      ['APP_HOME', '/app'],
      ['UWSGI_MASTER', '1'],
    ],
  );
  assert.equal(text.slice(stage.env[2].start, stage.env[2].end), 'APP_HOME=/app');
  assert.equal(text.slice(stage.env[3].start, stage.env[3].end), 'UWSGI_MASTER 1');
});

test('multi-stage: the stage that runs uwsgi is the runtime; --from copies are marked', () => {
  const text = [
    'FROM node:20 AS assets',
    'WORKDIR /build',
    'COPY frontend/ .',
    'FROM python:3.11 AS base',
    'ENV APP=/opt/app',
    'WORKDIR $APP',
    'COPY . .',
    'COPY --from=assets /build/dist ./static',
    'CMD exec uwsgi --ini=/opt/app/uwsgi.ini:prod --need-app',
    'FROM base AS tests',
    'CMD ["pytest"]',
  ].join('\n');
  const df = readDockerfile('/ws/Dockerfile', text);
  assert.equal(df.stages.length, 3);
  assert.equal(df.runtime?.name, 'base');
  assert.equal(df.runtime?.workdir, '/opt/app');
  assert.equal(df.runtime?.copies[1].fromStage, 'assets');
  assert.deepEqual(df.runtime?.uwsgi.inis.map((w) => w.text), ['/opt/app/uwsgi.ini']);
  assert.deepEqual(df.runtime?.uwsgi.options.map((o) => o.name), ['need-app']);
  assert.equal(df.stages[2].workdir, '/opt/app');
});

test('ENTRYPOINT + CMD, sh -c scripts and bare .ini arguments', () => {
  const a = readDockerfile('/ws/Dockerfile', 'FROM x\nENTRYPOINT ["/usr/local/bin/uwsgi"]\nCMD ["app.ini"]\n');
  assert.deepEqual(a.runtime?.uwsgi.inis.map((w) => w.text), ['app.ini']);
  const text = 'FROM x\nCMD ["sh", "-c", "python manage.py migrate && uwsgi --ini /app/uwsgi.ini"]\n';
  const b = readDockerfile('/ws/Dockerfile', text);
  const ini = b.runtime!.uwsgi.inis[0];
  assert.equal(ini.text, '/app/uwsgi.ini');
  assert.equal(text.slice(ini.start, ini.end), '/app/uwsgi.ini');
  const c = readDockerfile('/ws/Dockerfile', 'FROM x\nCMD gunicorn app:app\n');
  assert.equal(c.runtime?.uwsgi.runsUwsgi, false);
});

test('malformed Dockerfiles degrade: no FROM, empty lines, unterminated JSON, CRLF', () => {
  assert.doesNotThrow(() => readDockerfile('/ws/Dockerfile', 'WORKDIR /x\nCOPY\nENV\nCMD ["uwsgi", \n'));
  const df = readDockerfile('/ws/Dockerfile', 'FROM x\r\nWORKDIR /app\r\nCOPY . .\r\nCMD ["uwsgi", "--ini", "u.ini"\r\n');
  assert.equal(df.runtime?.workdir, '/app');
  assert.equal(df.runtime?.copies[0].dest, '/app/');
  assert.equal(readDockerfile('/ws/Dockerfile', '').runtime, undefined);
});

test('ENV values and WORKDIR/COPY paths substitute earlier ENV variables', () => {
  const stage = readDockerfile('/ws/Dockerfile', 'FROM x\nENV APP_HOME=/srv/app\nENV PYTHONPATH=${APP_HOME}/lib\nWORKDIR $APP_HOME\nCOPY src ${APP_HOME}/src\n').runtime!;
  assert.equal(stage.env[1].value, '/srv/app/lib');
  assert.equal(stage.workdir, '/srv/app');
  assert.equal(stage.copies[0].dest, '/srv/app/src');
});

test('bash -lc scripts and an entrypoint script before the uwsgi CMD', () => {
  const a = readDockerfile('/ws/Dockerfile', 'FROM x\nCMD ["bash", "-lc", "exec uwsgi --ini conf/app.ini"]\n');
  assert.deepEqual(a.runtime?.uwsgi.inis.map((w) => w.text), ['conf/app.ini']);
  const b = readDockerfile('/ws/Dockerfile', 'FROM x\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["uwsgi", "--ini", "/etc/uwsgi/app.ini"]\n');
  assert.deepEqual(b.runtime?.uwsgi.inis.map((w) => w.text), ['/etc/uwsgi/app.ini']);
});
