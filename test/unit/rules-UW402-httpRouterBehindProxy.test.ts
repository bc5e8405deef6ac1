import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW402 } from '../../server/src/rules/UW402-httpRouterBehindProxy';
import { applyFix, runRules } from './helpers/runRule';

const INI = '/app/uwsgi.ini';
const NGINX = '/app/nginx/nginx.conf';
const nginx = (line: string) => `http {\n  server {\n    location / { ${line} }\n  }\n}\n`;
const run = (ini: string, conf: string) => runRules([UW402], { [INI]: ini, [NGINX]: conf });

test('UW402: http = behind nginx proxy_pass is information with an http-socket switch', () => {
  const ini = '[uwsgi]\r\nmaster = true\r\nhttp = :8000\r\n';
  const conf = nginx('proxy_pass http://127.0.0.1:8000;');
  const [finding] = run(ini, conf);
  assert.equal(finding.severity, 'information');
  assert.equal(ini.slice(finding.start, finding.end), 'http = :8000');
  assert.match(finding.message, /separate HTTP router process/);
  assert.equal(conf.slice(finding.related![0].start, finding.related![0].end), 'proxy_pass http://127.0.0.1:8000;');
  const fixed = applyFix(ini, finding);
  assert.equal(fixed, '[uwsgi]\r\nmaster = true\r\nhttp-socket = :8000\r\n');
  assert.deepEqual(run(fixed, conf), []);
});

test('UW402: http = with no proxy in front, or nginx pointing elsewhere, is fine', () => {
  assert.deepEqual(run('[uwsgi]\nhttp = :8000\n', nginx('proxy_pass http://127.0.0.1:9000;')), []);
  assert.deepEqual(runRules([UW402], { [INI]: '[uwsgi]\nhttp = :8000\n' }), []);
  assert.deepEqual(run('[uwsgi]\nhttp-socket = :8000\n', nginx('proxy_pass http://127.0.0.1:8000;')), []);
});
