import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW406 } from '../../server/src/rules/UW406-harakiriAfterProxyTimeout';
import { runRules } from './helpers/runRule';

const INI = '/app/uwsgi.ini';
const NGINX = '/app/nginx/sites-enabled/shop';
const site = (lines: string) => `server {\n  location / {\n    include uwsgi_params;\n${lines}  }\n}\n`;
const run = (ini: string, conf: string) => runRules([UW406], { [INI]: ini, [NGINX]: conf });

test('UW406: harakiri above an explicit uwsgi_read_timeout is a hint pointing at the timeout', () => {
  const ini = '[uwsgi]\nsocket = :3031\nharakiri = 120\n';
  const conf = site('    uwsgi_read_timeout 30s;\n    uwsgi_pass 127.0.0.1:3031;\n');
  const [finding] = run(ini, conf);
  assert.equal(finding.severity, 'hint');
  assert.equal(ini.slice(finding.start, finding.end), 'harakiri = 120');
  assert.match(finding.message, /gives up after 30s/);
  assert.match(finding.message, /remaining 90s/);
  assert.equal(conf.slice(finding.related![1].start, finding.related![1].end), 'uwsgi_read_timeout 30s;');
});

test('UW406: the default 60s read timeout and proxy_read_timeout for HTTP sockets', () => {
  const [finding] = run('[uwsgi]\nhttp-socket = :8000\nharakiri = 90\n', site('    proxy_pass http://127.0.0.1:8000;\n'));
  assert.match(finding.message, /proxy_read_timeout \(default 60s\)/);
  assert.deepEqual(run('[uwsgi]\nhttp-socket = :8000\nharakiri = 90\n', site('    proxy_read_timeout 2m;\n    proxy_pass http://127.0.0.1:8000;\n')), []);
});

test('UW406: harakiri within the timeout, no harakiri, no nginx in front or a mismatched protocol are fine', () => {
  assert.deepEqual(run('[uwsgi]\nsocket = :3031\nharakiri = 30\n', site('    uwsgi_pass 127.0.0.1:3031;\n')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = :3031\n', site('    uwsgi_pass 127.0.0.1:3031;\n')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = :3031\nharakiri = 0\n', site('    uwsgi_pass 127.0.0.1:3031;\n')), []);
  assert.deepEqual(runRules([UW406], { [INI]: '[uwsgi]\nsocket = :3031\nharakiri = 300\n' }), []);
  assert.deepEqual(run('[uwsgi]\nsocket = :3031\nharakiri = 300\n', site('    proxy_pass http://127.0.0.1:3031;\n')), []);
});
