import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW401 } from '../../server/src/rules/UW401-protocolMismatch';
import { applyFix, runRules } from './helpers/runRule';

const INI = '/app/uwsgi.ini';
const NGINX = '/app/nginx/app.conf';
const site = (line: string) => `server {\n  listen 80;\n  location / {\n    ${line}\n  }\n}\n`;
const run = (ini: string, nginx: string, extra: Record<string, string> = {}) =>
  runRules([UW401], { [INI]: ini, [NGINX]: nginx, ...extra });

test('UW401: proxy_pass (HTTP) to a uwsgi-protocol socket is reported on the ini entry and the nginx line', () => {
  const ini = '[uwsgi]\r\nmodule = app:app\r\nsocket = /run/app.sock\r\n';
  const nginx = site('proxy_pass http://unix:/run/app.sock:/;');
  const findings = run(ini, nginx);
  assert.equal(findings.length, 2);
  const onIni = findings.find((f) => f.file === INI)!;
  const onNginx = findings.find((f) => f.file === NGINX)!;
  assert.equal(ini.slice(onIni.start, onIni.end), 'socket = /run/app.sock');
  assert.match(onIni.message, /invalid request block size: 21573/);
  assert.match(onIni.message, /502/);
  assert.equal(nginx.slice(onIni.related![0].start, onIni.related![0].end), 'proxy_pass http://unix:/run/app.sock:/;');
  assert.equal(nginx.slice(onNginx.start, onNginx.end), 'proxy_pass http://unix:/run/app.sock:/;');
  assert.equal(ini.slice(onNginx.related![0].start, onNginx.related![0].end), 'socket = /run/app.sock');
  assert.equal(onIni.fixes![0].preferred, undefined, 'offered, not preferred');
  const fixed = applyFix(ini, onIni);
  assert.equal(fixed, '[uwsgi]\r\nmodule = app:app\r\nhttp-socket = /run/app.sock\r\n');
  assert.deepEqual(run(fixed, nginx), [], 'idempotent: the fixed config is clean');
  assert.equal(onNginx.fixes, undefined);
});

test('UW401: uwsgi_pass through an upstream to an http-socket on the same port', () => {
  const ini = '[uwsgi]\nhttp-socket = 0.0.0.0:8000\n';
  const nginx = 'upstream app {\n  server 127.0.0.1:8000;\n}\n' + site('uwsgi_pass app;');
  const findings = run(ini, nginx);
  const onIni = findings.find((f) => f.file === INI)!;
  assert.match(onIni.message, /speaks HTTP, but nginx sends uwsgi packets/);
  assert.equal(nginx.slice(onIni.related![1].start, onIni.related![1].end), 'server 127.0.0.1:8000;');
  assert.equal(applyFix(ini, onIni), '[uwsgi]\nsocket = 0.0.0.0:8000\n');
});

test('UW401: matching pairs, other ports and unrelated proxies are fine', () => {
  assert.deepEqual(run('[uwsgi]\nsocket = /run/app.sock\n', site('uwsgi_pass unix:/run/app.sock;')), []);
  assert.deepEqual(run('[uwsgi]\nhttp-socket = :8000\n', site('proxy_pass http://127.0.0.1:8000;')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = :3031\n', site('proxy_pass http://127.0.0.1:8000;')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/app.sock\n', site('proxy_pass http://unix:/run/other.sock;')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = :8000\n', site('proxy_pass https://127.0.0.1:8000;')), [], 'TLS is not followed');
  assert.deepEqual(run('[uwsgi]\nsocket = :8000\n', '# proxy_pass http://127.0.0.1:8000;\n'), [], 'comments are not directives');
  assert.deepEqual(run('[uwsgi]\nsocket = :8000\n', site('proxy_pass http://$backend;')), [], 'variables are not followed');
});

test('UW401: socket with protocol = http speaks HTTP, and no fix when the key is conditional', () => {
  assert.deepEqual(run('[uwsgi]\nsocket = :8000\nprotocol = http\n', site('proxy_pass http://127.0.0.1:8000;')), []);
  const ini = '[uwsgi]\nif-env = PROD\nsocket = :8000\nendif =\n';
  const onIni = run(ini, site('proxy_pass http://127.0.0.1:8000;')).find((f) => f.file === INI)!;
  assert.deepEqual(onIni.fixes, []);
});

test('UW401: compose containers sharing the socket through a named volume at different paths', () => {
  const compose = [
    'services:',
    '  web:',
    '    build: .',
    '    command: uwsgi --ini /app/uwsgi.ini',
    '    volumes:',
    '      - sockets:/run/uwsgi',
    '  nginx:',
    '    image: nginx',
    '    volumes:',
    '      - sockets:/var/run/app',
    'volumes:',
    '  sockets:',
    '',
  ].join('\n');
  const findings = run('[uwsgi]\nuwsgi-socket = /run/uwsgi/web.sock\n', site('proxy_pass http://unix:/var/run/app/web.sock;'), {
    '/app/docker-compose.yml': compose,
  });
  const onIni = findings.find((f) => f.file === INI)!;
  assert.match(onIni.message, /matched by shared volume/);
  assert.deepEqual(
    run('[uwsgi]\nsocket = :8000\n', site('proxy_pass http://frontend:8000;'), {
      '/app/docker-compose.yml': 'services:\n  web:\n    command: uwsgi --ini /app/uwsgi.ini\n  frontend:\n    image: node\n',
    }),
    [],
    'a port on another compose service is not this uWSGI',
  );
});

test('UW401: a pass that names the socket by its path outweighs another site that only shares its file name', () => {
  const ini = '[uwsgi]\nsocket = /run/shop/uwsgi.sock\n';
  const nginx = site('uwsgi_pass unix:/run/shop/uwsgi.sock;') + site('proxy_pass http://unix:/run/blog/uwsgi.sock;');
  assert.deepEqual(run(ini, nginx), []);
  const guessed = run(ini, site('proxy_pass http://unix:/var/run/app/uwsgi.sock;')).find((f) => f.file === INI)!;
  assert.match(guessed.message, /matched by socket file name/);
});

test('UW401: with a buffer-size above 21573 uWSGI waits for the announced packet instead of logging the error', () => {
  const onIni = run('[uwsgi]\nsocket = :8000\nbuffer-size = 32768\n', site('proxy_pass http://127.0.0.1:8000;')).find((f) => f.file === INI)!;
  assert.match(onIni.message, /announcing 21573 bytes that never arrive/);
  assert.match(onIni.message, /502/);
});
