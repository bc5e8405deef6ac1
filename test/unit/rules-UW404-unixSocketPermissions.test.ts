import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UW404 } from '../../server/src/rules/UW404-unixSocketPermissions';
import { applyFix, runRules } from './helpers/runRule';

const INI = '/app/uwsgi.ini';
const NGINX = '/app/nginx/nginx.conf';
const nginx = (top = '', pass = 'uwsgi_pass unix:/run/uwsgi/app.sock;') =>
  `${top}http {\n  server {\n    location / { include uwsgi_params; ${pass} }\n  }\n}\n`;
const run = (ini: string, conf: string) => runRules([UW404], { [INI]: ini, [NGINX]: conf });

test('UW404: a UNIX socket nginx connects to without chmod/chown warns; the fix adds chmod-socket = 660', () => {
  const ini = '[uwsgi]\r\nmodule = app:app\r\nsocket = /run/uwsgi/app.sock\r\n';
  const conf = nginx('user www-data;\n');
  const [finding] = run(ini, conf);
  assert.equal(finding.severity, 'warning');
  assert.equal(ini.slice(finding.start, finding.end), 'socket = /run/uwsgi/app.sock');
  assert.match(finding.message, /13: Permission denied/);
  assert.match(finding.message, /'www-data'/);
  assert.equal(conf.slice(finding.related![1].start, finding.related![1].end), 'user www-data;');
  const fixed = applyFix(ini, finding);
  assert.equal(fixed, '[uwsgi]\r\nmodule = app:app\r\nsocket = /run/uwsgi/app.sock\r\nchmod-socket = 660\r\n');
  assert.deepEqual(run(fixed, conf), [], 'idempotent');
});

test('UW404: chmod, chown-socket, umask or running as nginx\'s user are fine', () => {
  assert.deepEqual(run('[uwsgi]\nsocket = /run/uwsgi/app.sock\nchmod-socket = 666\n', nginx()), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/uwsgi/app.sock\nchmod = 1\n', nginx()), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/uwsgi/app.sock\nchown-socket = www-data\n', nginx()), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/uwsgi/app.sock\numask = 000\n', nginx()), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/uwsgi/app.sock\nuid = nginx\n', nginx('user nginx;\n')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/uwsgi/app.sock\nuid = www-data\n', nginx()), [], 'the usual nginx user when nginx.conf does not say');
});

test('UW404: another uid than nginx\'s user still warns; TCP, abstract and unmatched sockets do not', () => {
  const [finding] = run('[uwsgi]\nsocket = /run/uwsgi/app.sock\nuid = app\n', nginx('user nginx;\n'));
  assert.match(finding.message, /uWSGI's user 'app'/);
  assert.deepEqual(run('[uwsgi]\nsocket = 127.0.0.1:3031\n', nginx('', 'uwsgi_pass 127.0.0.1:3031;')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = @app\n', nginx('', 'uwsgi_pass unix:@app;')), []);
  assert.deepEqual(run('[uwsgi]\nsocket = /run/uwsgi/other.sock\n', nginx()), []);
  assert.deepEqual(runRules([UW404], { [INI]: '[uwsgi]\nsocket = /run/uwsgi/app.sock\n' }), [], 'no nginx in the workspace');
});
