import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OPTION_DESCRIPTIONS } from '../../server/src/options/descriptions';
import { aliasesOf, lookupOption, optionDescription } from '../../server/src/options/catalog';

test('at least 120 options carry our own description, each naming a real option', () => {
  const names = Object.keys(OPTION_DESCRIPTIONS);
  assert.ok(names.length >= 120, `only ${names.length} descriptions`);
  for (const name of names) assert.ok(lookupOption(name), `described option ${name} is not in the catalog`);
});

test('descriptions are short: one or two sentences, no placeholder text', () => {
  for (const [name, text] of Object.entries(OPTION_DESCRIPTIONS)) {
    assert.ok(text.length >= 20 && text.length <= 400, `${name}: ${text.length} characters`);
    assert.match(text, /[.)]$/, `${name} should end with a full stop`);
    assert.doesNotMatch(text, /TODO|TBD/, name);
  }
});

test('the options people use most are all described', () => {
  const core = [
    'socket', 'http', 'http-socket', 'https', 'uwsgi-socket', 'shared-socket', 'chmod-socket', 'chown-socket', 'listen',
    'protocol', 'processes', 'workers', 'threads', 'enable-threads', 'master', 'lazy', 'lazy-apps', 'module', 'wsgi',
    'wsgi-file', 'file', 'callable', 'mount', 'manage-script-name', 'chdir', 'pythonpath', 'home', 'venv', 'virtualenv',
    'pyhome', 'plugins', 'plugin', 'need-plugin', 'harakiri', 'harakiri-verbose', 'max-requests', 'max-worker-lifetime',
    'min-worker-lifetime', 'reload-on-rss', 'reload-on-as', 'evil-reload-on-rss', 'buffer-size', 'post-buffering',
    'vacuum', 'die-on-term', 'need-app', 'single-interpreter', 'cheaper', 'logto', 'req-logger', 'logger',
    'disable-logging', 'stats', 'stats-http', 'memory-report', 'touch-reload', 'touch-workers-reload',
    'touch-chain-reload', 'py-autoreload', 'py-auto-reload', 'strict', 'py-call-osafterfork', 'py-call-uwsgi-fork-hooks',
    'shared-import', 'import', 'pyimport', 'spooler', 'mule', 'mules', 'cron', 'attach-daemon', 'smart-attach-daemon',
    'uid', 'gid', 'pidfile', 'daemonize', 'env', 'static-map', 'static-expires', 'route', 'offload-threads',
    'thunder-lock', 'socket-timeout', 'http-timeout', 'add-header', 'ini', 'include', 'inherit', 'set-placeholder',
    'set-ph', 'set', 'if-env', 'if-exists', 'logdate', 'log-date', 'log-prefix',
  ];
  for (const name of core) assert.ok(optionDescription(name), `${name} has no description`);
});

test('aliases share their option\'s description', () => {
  assert.equal(optionDescription('workers'), optionDescription('processes'));
  assert.equal(optionDescription('python-autoreload'), optionDescription('py-autoreload'));
  assert.deepEqual(new Set(aliasesOf('logdate')), new Set(['logdate', 'log-date', 'log-prefix']));
  assert.equal(optionDescription('logdate'), OPTION_DESCRIPTIONS['log-date']);
  assert.equal(optionDescription('no-such-option'), undefined);
});

test('gotchas from the facts doc are stated', () => {
  assert.match(optionDescription('processes') ?? '', /processes = 1.*forks/);
  assert.match(optionDescription('chmod-socket') ?? '', /three octal digits/);
  assert.match(optionDescription('memory-report') ?? '', /2\.1/);
  assert.match(optionDescription('strict') ?? '', /lazy_apps/);
});

test('a description that says "implies master" is backed by a master-forcing flag', () => {
  const forcing = ['MASTER', 'LOG_MASTER', 'REQ_LOG_MASTER', 'CHEAPER'];
  for (const [name, text] of Object.entries(OPTION_DESCRIPTIONS)) {
    if (!/implies master/i.test(text)) continue;
    assert.ok(lookupOption(name)!.flags.some((f) => forcing.includes(f)), `${name} does not force a master`);
  }
});

test('version claims in descriptions match the catalog', () => {
  for (const [name, text] of Object.entries(OPTION_DESCRIPTIONS)) {
    const versions = lookupOption(name)!.versions;
    if (/not in 2\.0\.21/.test(text)) assert.ok(!versions.includes('2.0.21'), name);
    if (/Master \(2\.1\) only/.test(text)) assert.deepEqual(versions, ['2.1'], name);
  }
});
