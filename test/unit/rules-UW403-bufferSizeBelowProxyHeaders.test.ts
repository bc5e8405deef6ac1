import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW403 } from '../../server/src/rules/UW403-bufferSizeBelowProxyHeaders';
import { applyFix, runRules } from './helpers/runRule';

const INI = '/app/uwsgi.ini';
const NGINX = '/app/nginx/nginx.conf';
const nginx = (httpLines: string, pass = 'uwsgi_pass unix:/run/app.sock;') =>
  `http {\n${httpLines}  server {\n    location / {\n      include uwsgi_params;\n      ${pass}\n    }\n  }\n}\n`;
const run = (ini: string, conf: string, version?: '2.0.30' | '2.1') =>
  runRules([UW403], { [INI]: ini, [NGINX]: conf }, version ? { settings: { uwsgiVersion: version } } : {});

test('UW403: explicit nginx header buffers above buffer-size warn on the buffer-size line', () => {
  const ini = '[uwsgi]\r\nsocket = /run/app.sock\r\nbuffer-size = 8192\r\n';
  const conf = nginx('  large_client_header_buffers 4 16k;\n');
  const [finding] = run(ini, conf);
  assert.equal(finding.severity, 'warning');
  assert.equal(ini.slice(finding.start, finding.end), 'buffer-size = 8192');
  assert.match(finding.message, /invalid request block size: N \(max 8192\)/);
  assert.match(finding.message, /16384 bytes/);
  assert.equal(conf.slice(finding.related![1].start, finding.related![1].end), 'large_client_header_buffers 4 16k;');
  const fixed = applyFix(ini, finding);
  assert.equal(fixed, '[uwsgi]\r\nsocket = /run/app.sock\r\nbuffer-size = 32768\r\n');
  assert.deepEqual(run(fixed, conf), []);
});

test('UW403: nginx defaults with uWSGI default 4096 is information; the fix appends buffer-size', () => {
  const ini = '[uwsgi]\nmodule = app:app\nsocket = /run/app.sock\n\n[other]\nx = 1\n';
  const conf = nginx('');
  const [finding] = run(ini, conf);
  assert.equal(finding.severity, 'information');
  assert.equal(ini.slice(finding.start, finding.end), 'socket = /run/app.sock');
  assert.match(finding.message, /default buffer-size 4096/);
  const fixed = applyFix(ini, finding);
  assert.equal(fixed, '[uwsgi]\nmodule = app:app\nsocket = /run/app.sock\nbuffer-size = 32768\n\n[other]\nx = 1\n');
  assert.deepEqual(run(fixed, conf), []);
});

test('UW403: HTTP sockets name their own error; 2.0 clamps buffer-size to 65535', () => {
  const conf = nginx('  large_client_header_buffers 4 64k;\n', 'proxy_pass http://127.0.0.1:8000;');
  const [finding] = run('[uwsgi]\nhttp-socket = :8000\nbuffer-size = 100000\n', conf);
  assert.match(finding.message, /invalid HTTP request size \(max 65535\)/);
  assert.match(finding.message, /also lower nginx's buffers/);
});

test('UW403: big enough buffers, no nginx in front, mismatched protocols or conditional values are fine', () => {
  assert.deepEqual(run('[uwsgi]\nsocket = /run/app.sock\nbuffer-size = 32768\n', nginx('')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/app.sock\nbuffer-size = 16384\n', nginx('  large_client_header_buffers 4 16k;\n')), []);
  assert.deepEqual(runRules([UW403], { [INI]: '[uwsgi]\nsocket = /run/app.sock\n' }), []);
  assert.deepEqual(run('[uwsgi]\nsocket = :8000\n', nginx('', 'proxy_pass http://127.0.0.1:8000;')), [], 'UW401 territory');
  assert.deepEqual(run('[uwsgi]\nsocket = /run/app.sock\nif-env = X\nbuffer-size = 1024\nendif =\n', nginx('')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/app.sock\n', nginx('  large_client_header_buffers 4 huge;\n')), []);
});
