import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandLineOptionsOf } from '../../server/src/deploy/commandLineOptions';
import { envToOption, uwsgiEnvironmentOf } from '../../server/src/deploy/uwsgiEnvironment';
import { contextFor, spanText } from './appTestContext';

test('env_to_arg conversion and variables that are not options', () => {
  assert.equal(envToOption('UWSGI_LAZY_APPS'), 'lazy-apps');
  assert.equal(envToOption('UWSGI_PROCESSES'), 'processes');
  assert.equal(envToOption('UWSGI_PY_CALL_OSAFTERFORK'), 'py-call-osafterfork');
  assert.equal(envToOption('UWSGI_INI'), undefined);
  assert.equal(envToOption('UWSGI_RELOADS'), undefined);
  assert.equal(envToOption('UWSGI_'), undefined);
  assert.equal(envToOption('LAZY_APPS'), undefined);
});

test('Dockerfile ENV of the image whose CMD runs this ini', () => {
  const files = {
    '/ws/uwsgi.ini': '[uwsgi]\nmodule = app\n',
    '/ws/Dockerfile': 'FROM python\nWORKDIR /app\nCOPY . .\nENV UWSGI_LAZY_APPS=1 OTHER=x UWSGI_INI=/app/uwsgi.ini\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
  };
  const context = contextFor(files);
  const env = uwsgiEnvironmentOf(context);
  assert.deepEqual(env.map((e) => [e.variable, e.option, e.value, e.via]), [['UWSGI_LAZY_APPS', 'lazy-apps', '1', 'Dockerfile ENV']]);
  assert.equal(spanText(files, env[0].origin), 'UWSGI_LAZY_APPS=1');
});

test('compose environment overrides the Dockerfile ENV; only the service running this ini applies', () => {
  const files = {
    '/ws/deploy/web.ini': '[uwsgi]\n',
    '/ws/deploy/worker.ini': '[uwsgi]\n',
    '/ws/Dockerfile': 'FROM python\nWORKDIR /app\nCOPY . .\nENV UWSGI_PROCESSES=2 UWSGI_MASTER=1\n',
    '/ws/docker-compose.yml': [
      'services:',
      '  web:',
      '    build: .',
      '    command: uwsgi --ini deploy/web.ini',
      '    environment:',
      '      UWSGI_PROCESSES: "8"',
      '  worker:',
      '    build: .',
      '    command: uwsgi --ini /app/deploy/worker.ini',
      '    environment:',
      '      - UWSGI_LAZY_APPS=true',
    ].join('\n'),
  };
  const web = uwsgiEnvironmentOf(contextFor(files, { rootPath: '/ws/deploy/web.ini' }));
  assert.deepEqual(web.map((e) => [e.option, e.value, e.via]), [
    ['master', '1', 'Dockerfile ENV'],
    ['processes', '8', 'docker-compose.yml service web'],
  ]);
  const worker = uwsgiEnvironmentOf(contextFor(files, { rootPath: '/ws/deploy/worker.ini' }));
  assert.deepEqual(worker.map((e) => e.option), ['processes', 'master', 'lazy-apps']);
});

test('UWSGI_INI names the ini; a single service applies without naming it; another ini does not', () => {
  const byEnv = contextFor({
    '/ws/conf/app.ini': '',
    '/ws/compose.yaml': 'services:\n  app:\n    image: x\n    volumes: [".:/srv"]\n    environment:\n      - UWSGI_INI=/srv/conf/app.ini\n      - UWSGI_MASTER=1\n',
  }, { rootPath: '/ws/conf/app.ini' });
  assert.deepEqual(uwsgiEnvironmentOf(byEnv).map((e) => e.option), ['master']);
  const single = contextFor({ '/ws/uwsgi.ini': '', '/ws/Dockerfile': 'FROM x\nENV UWSGI_NEED_APP=true\n' });
  assert.deepEqual(uwsgiEnvironmentOf(single).map((e) => e.option), ['need-app']);
  const other = contextFor({ '/ws/uwsgi.ini': '', '/ws/other.ini': '', '/ws/Dockerfile': 'FROM x\nENV UWSGI_NEED_APP=true\nCMD uwsgi other.ini\n' });
  assert.deepEqual(uwsgiEnvironmentOf(other), []);
});

test('systemd Environment= and an EnvironmentFile in the workspace, matched by ExecStart suffix', () => {
  const files = {
    '/ws/etc/uwsgi/shop.ini': '[uwsgi]\n',
    '/ws/systemd/shop.service': '[Service]\nEnvironment=UWSGI_PROCESSES=3\nEnvironmentFile=../etc/default/shop\nExecStart=/usr/bin/uwsgi --ini /etc/uwsgi/shop.ini\n',
    '/ws/etc/default/shop': 'UWSGI_HARAKIRI=30\n',
  };
  const env = uwsgiEnvironmentOf(contextFor(files, { rootPath: '/ws/etc/uwsgi/shop.ini' }));
  assert.deepEqual(env.map((e) => [e.option, e.value, e.via]), [
    ['harakiri', '30', 'etc/default/shop'],
    ['processes', '3', 'systemd/shop.service Environment='],
  ]);
});

test('no deployment files: no environment', () => {
  assert.deepEqual(uwsgiEnvironmentOf(contextFor({ '/ws/uwsgi.ini': '' })), []);
});

test('a deploy-side EnvironmentFile path is found in the workspace by its suffix', () => {
  const files = {
    '/ws/uwsgi.ini': '',
    '/ws/deploy/shop.service': '[Service]\nEnvironmentFile=/etc/default/shop-env\nExecStart=/usr/bin/uwsgi --ini /srv/uwsgi.ini\n',
    '/ws/deploy/etc/default/shop-env': 'UWSGI_LAZY_APPS=true\n',
  };
  const env = uwsgiEnvironmentOf(contextFor(files));
  assert.deepEqual(env.map((e) => [e.option, e.origin.file]), [['lazy-apps', '/ws/deploy/etc/default/shop-env']]);
});

test("compose command: replaces the image's CMD but keeps its ENTRYPOINT", () => {
  const files = {
    '/ws/conf/web.ini': '',
    '/ws/Dockerfile': 'FROM python\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["uwsgi"]\nCMD ["--ini", "conf/other.ini"]\nENV UWSGI_MASTER=1\n',
    '/ws/docker-compose.yml': 'services:\n  web:\n    build: .\n    command: ["--ini", "conf/web.ini"]\n',
  };
  const env = uwsgiEnvironmentOf(contextFor(files, { rootPath: '/ws/conf/web.ini' }));
  assert.deepEqual(env.map((e) => e.option), ['master']);
  const other = uwsgiEnvironmentOf(contextFor({ ...files, '/ws/conf/other.ini': '' }, { rootPath: '/ws/conf/other.ini' }));
  assert.deepEqual(other, []);
});

test('command-line options of the service running this ini, before and after --ini', () => {
  const files = {
    '/ws/uwsgi.ini': '',
    '/ws/Dockerfile': 'FROM x\nWORKDIR /app\nCOPY . .\nCMD ["uwsgi", "--master", "--ini", "uwsgi.ini", "--lazy-apps", "--processes", "4"]\n',
  };
  const options = commandLineOptionsOf(contextFor(files));
  assert.deepEqual(options.map((o) => [o.option, o.value, o.afterIni]), [
    ['master', '', false],
    ['lazy-apps', '', true],
    ['processes', '4', true],
  ]);
  assert.equal(spanText(files, options[2].origin), '4');
  assert.equal(options[0].via, 'Dockerfile command line');
  const bare = commandLineOptionsOf(contextFor({ '/ws/app.ini': '', '/ws/x.service': '[Service]\nExecStart=/usr/bin/uwsgi --die-on-term /srv/app.ini\n' }, { rootPath: '/ws/app.ini' }));
  assert.deepEqual(bare.map((o) => [o.option, o.value, o.afterIni]), [['die-on-term', '', false]]);
});

test('a start script from the workspace that runs uwsgi makes its image the target: ENV and the options on that line count', () => {
  const files = {
    '/ws/uwsgi.ini': '[uwsgi]\nmodule = app\n',
    '/ws/Dockerfile': 'FROM python\nWORKDIR /srv\nCOPY . .\nENV UWSGI_MASTER=1\nENTRYPOINT ["/srv/docker/entrypoint.sh"]\n',
    '/ws/docker/entrypoint.sh': '#!/bin/sh\nset -e\n# uwsgi --ini other.ini\nexec uwsgi \\\n  --ini uwsgi.ini --lazy-apps "$@"\n',
  };
  const context = contextFor(files);
  assert.deepEqual(uwsgiEnvironmentOf(context).map((e) => e.variable), ['UWSGI_MASTER']);
  const options = commandLineOptionsOf(context);
  assert.deepEqual(options.map((o) => [o.option, o.afterIni]), [['lazy-apps', true]]);
  assert.equal(options[0].origin.file, '/ws/docker/entrypoint.sh');
  assert.equal(spanText(files, options[0].origin), '--lazy-apps');
});

test('sh start.sh in compose, relative to the build context; a script that does not run uwsgi changes nothing', () => {
  const files = {
    '/ws/uwsgi.ini': '[uwsgi]\nmodule = app\n',
    '/ws/compose.yml': 'services:\n  web:\n    build: .\n    command: sh start.sh\n    environment:\n      UWSGI_PROCESSES: "4"\n',
    '/ws/start.sh': 'python manage.py migrate\nuwsgi --ini uwsgi.ini\n',
  };
  assert.deepEqual(uwsgiEnvironmentOf(contextFor(files)).map((e) => e.variable), ['UWSGI_PROCESSES']);
  const tini = {
    ...files,
    '/ws/compose.yml': files['/ws/compose.yml'].replace('sh start.sh', '["tini", "--", "./start.sh"]'),
    '/ws/start.sh': 'uwsgi --ini uwsgi.ini --master\n',
  };
  assert.deepEqual(commandLineOptionsOf(contextFor(tini)).map((o) => o.option), ['master'], 'an init wrapper in front still runs the script');
  const other = { ...files, '/ws/start.sh': 'gunicorn app:app\n', '/ws/worker.ini': '[uwsgi]\n' };
  assert.deepEqual(uwsgiEnvironmentOf(contextFor(other)).map((e) => e.variable), ['UWSGI_PROCESSES'], 'the lone service with UWSGI_* still applies');
});

test('a 250,000-line env_file is read without overflowing the stack', () => {
  // Found by fuzzing: push(...list) of every variable threw "Maximum call stack size exceeded" in every rule.
  const context = contextFor({
    '/ws/uwsgi.ini': '[uwsgi]\nmodule = app\n',
    '/ws/docker-compose.yml': 'services:\n  web:\n    command: uwsgi --ini uwsgi.ini\n    env_file: .env\n',
    '/ws/.env': 'A=1\n'.repeat(250_000) + 'UWSGI_LAZY_APPS=1\n',
  });
  assert.deepEqual(uwsgiEnvironmentOf(context).map((s) => s.option), ['lazy-apps']);
});
