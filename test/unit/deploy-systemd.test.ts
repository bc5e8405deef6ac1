import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEnvFile, readSystemdUnit } from '../../server/src/deploy/systemdUnit';

test('Environment= (quoted, several per line), EnvironmentFile=, ExecStart= with prefixes', () => {
  const text = [
    '[Unit]',
    'Description=shop',
    'Environment=NOT_SERVICE=1',
    '[Service]',
    'Environment="UWSGI_PROCESSES=4" UWSGI_MASTER=true',
    'EnvironmentFile=-/etc/default/shop',
    'WorkingDirectory=/srv/shop',
    'ExecStartPre=/bin/true',
    'ExecStart=-/usr/bin/uwsgi --ini /etc/uwsgi/apps-enabled/shop.ini --die-on-term',
  ].join('\n');
  const unit = readSystemdUnit('/ws/deploy/shop.service', text);
  assert.deepEqual(unit.environment.map((e) => [e.name, e.value]), [['UWSGI_PROCESSES', '4'], ['UWSGI_MASTER', 'true']]);
  assert.equal(text.slice(unit.environment[1].start, unit.environment[1].end), 'UWSGI_MASTER=true');
  assert.deepEqual(unit.environmentFiles, ['/etc/default/shop']);
  assert.equal(unit.workingDirectory, '/srv/shop');
  assert.equal(unit.uwsgi.runsUwsgi, true);
  const ini = unit.uwsgi.inis[0];
  assert.equal(text.slice(ini.start, ini.end), '/etc/uwsgi/apps-enabled/shop.ini');
});

test('env files: export, quotes, comments', () => {
  const text = '# defaults\nexport UWSGI_LAZY_APPS="1"\nDB_URL=postgres://x\nnot a line\n';
  const vars = readEnvFile(text);
  assert.deepEqual(vars.map((v) => [v.name, v.value]), [['UWSGI_LAZY_APPS', '1'], ['DB_URL', 'postgres://x']]);
  assert.equal(text.slice(vars[0].start, vars[0].end), 'UWSGI_LAZY_APPS="1"');
});

test('a unit that does not run uwsgi, and garbage', () => {
  assert.equal(readSystemdUnit('/ws/x.service', '[Service]\nExecStart=/usr/bin/gunicorn app:app\n').uwsgi.runsUwsgi, false);
  assert.doesNotThrow(() => readSystemdUnit('/ws/x.service', '[Service\n=\nExecStart=\nEnvironment="A'));
});
