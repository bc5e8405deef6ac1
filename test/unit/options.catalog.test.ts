import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aliasesOf,
  allOptions,
  isKnownOption,
  isPythonOption,
  lookupOption,
  optionProviders,
  optionsForVersion,
  uwsgiDocsUrl,
} from '../../server/src/options/catalog';
import type { UwsgiVersion } from '../../server/src/core/settings';
import { preferredFirst } from '../../server/src/options/optionRecord';

const TSV = join(import.meta.dirname, '../../server/src/options/uwsgi-options.tsv');

function tsvRows(): Record<string, string>[] {
  const lines = readFileSync(TSV, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = lines[0].split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

const COLUMNS: Record<UwsgiVersion, { present: string; arg: string; handler: string }> = {
  '2.0.21': { present: 'in_2.0.21', arg: 'arg_2.0.21', handler: 'handler_2.0.21' },
  '2.0.30': { present: 'in_2.0.30', arg: 'arg_2.0.30', handler: 'handler_2.0.30' },
  '2.1': { present: 'in_master', arg: 'arg', handler: 'handler' },
};

test('the catalog holds every TSV row, with per-version argument kind and handler', () => {
  const rows = tsvRows();
  assert.equal(rows.length, 1328);
  assert.equal(allOptions().length, 1328);
  for (const row of rows) {
    const providers = optionProviders(row.name);
    const info = providers.find((p) => p.plugin === row.plugin);
    assert.ok(info, `${row.name} (${row.plugin}) missing`);
    assert.equal(info.canonical, row.alias_of || row.name, row.name);
    assert.equal(info.isList, row.is_list === 'yes', row.name);
    assert.deepEqual(info.flags, row.flags ? row.flags.split('|') : [], row.name);
    assert.equal(info.ifdef, row.ifdef || undefined, row.name);
    assert.equal(info.defaultEmbedded, row.default_embedded === 'yes', row.name);
    assert.equal(info.short, row.short || undefined, row.name);
    for (const version of Object.keys(COLUMNS) as UwsgiVersion[]) {
      const c = COLUMNS[version];
      const view = optionProviders(row.name, version).find((p) => p.plugin === row.plugin);
      if (row[c.present] !== 'yes') {
        assert.equal(view, undefined, `${row.name} should be absent from ${version}`);
        continue;
      }
      assert.ok(view, `${row.name} should be in ${version}`);
      assert.equal(view.argument, row[c.arg] || row.arg, `${row.name} argument in ${version}`);
      const handler = row[c.handler] || row.handler;
      assert.equal(view.handler, handler, `${row.name} handler in ${version}`);
      assert.equal(view.isBool, handler === 'uwsgi_opt_true' || handler === 'uwsgi_opt_false');
    }
  }
});

test('version counts match the facts doc (§5)', () => {
  assert.equal(optionsForVersion('2.1').length, 1327);
  assert.equal(optionsForVersion('2.0.30').length, 1254);
  assert.equal(optionsForVersion('2.0.21').length, 1250);
  const count = (version: UwsgiVersion, plugin: string) =>
    optionsForVersion(version).filter((o) => o.plugin === plugin).length;
  assert.deepEqual([count('2.1', 'core'), count('2.1', 'python'), count('2.1', 'http')], [834, 76, 52]);
  assert.deepEqual([count('2.0.21', 'python'), count('2.0.21', 'http')], [68, 49]);
});

test('need-app takes no argument on 2.0.21 and an optional one from 2.0.28', () => {
  assert.equal(lookupOption('need-app', '2.0.21')?.argument, 'none');
  assert.equal(lookupOption('need-app', '2.0.30')?.argument, 'optional');
  assert.equal(lookupOption('need-app', '2.1')?.argument, 'optional');
  assert.equal(lookupOption('need-app')?.isBool, true);
});

test('buffer-size is 16-bit on 2.0 and 64-bit on master', () => {
  assert.equal(lookupOption('buffer-size', '2.0.21')?.handler, 'uwsgi_opt_set_16bit');
  assert.equal(lookupOption('buffer-size', '2.0.30')?.handler, 'uwsgi_opt_set_16bit');
  assert.equal(lookupOption('buffer-size', '2.1')?.handler, 'uwsgi_opt_set_64bit');
  assert.equal(lookupOption('buffer-size')?.version, '2.1');
});

test('memory-report and die-on-term change kind on master', () => {
  assert.equal(lookupOption('memory-report', '2.0.30')?.isBool, true);
  assert.equal(lookupOption('memory-report', '2.1')?.isBool, false);
  assert.equal(lookupOption('memory-report', '2.1')?.handler, 'uwsgi_opt_set_int');
  assert.equal(lookupOption('die-on-term', '2.0.21')?.isBool, true);
  assert.equal(lookupOption('die-on-term', '2.1')?.handler, 'uwsgi_opt_deprecated');
});

test('master-only and 2.0-only options', () => {
  for (const name of ['dynamic-apps', 'else', 'early-python', 'wsgi-manage-chunked-input', 'cheaper-idle', 'reload-on-pss']) {
    assert.deepEqual(lookupOption(name)?.versions, ['2.1'], name);
    assert.equal(lookupOption(name, '2.0.30'), undefined, name);
    assert.equal(lookupOption(name, '2.0.21'), undefined, name);
  }
  assert.deepEqual(lookupOption('harakiri-graceful-timeout')?.versions, ['2.0.30', '2.1']);
  assert.deepEqual(lookupOption('shutdown-sockets')?.versions, ['2.0.21', '2.0.30']);
  assert.equal(lookupOption('shutdown-sockets')?.version, '2.0.30');
  assert.equal(lookupOption('shutdown-sockets', '2.1'), undefined);
});

test('aliases listed in the facts doc share one canonical option', () => {
  const groups = [
    ['module', 'wsgi'],
    ['wsgi-file', 'file'],
    ['home', 'virtualenv', 'venv', 'pyhome'],
    ['pythonpath', 'python-path', 'pp'],
    ['import', 'pyimport', 'py-import', 'python-import'],
    ['shared-import', 'shared-pyimport', 'shared-py-import', 'shared-python-import'],
    ['py-autoreload', 'py-auto-reload', 'python-auto-reload', 'python-autoreload'],
    ['processes', 'workers'],
    ['chmod-socket', 'chmod'],
    ['protocol', 'socket-protocol'],
    ['suwsgi-socket', 'ssl-socket'],
    ['stats', 'stats-server'],
    ['logdate', 'log-date', 'log-prefix'],
    ['mount', 'worker-mount'],
    ['harakiri-no-arh', 'no-harakiri-arh', 'no-harakiri-after-req-hook'],
    ['xml', 'xmlconfig'],
    ['set-placeholder', 'set-ph'],
    ['http', 'httprouter'],
    ['http-processes', 'http-workers'],
  ];
  for (const group of groups) {
    for (const name of group) {
      assert.deepEqual(new Set(aliasesOf(name)), new Set(group), name);
      assert.equal(lookupOption(name)?.canonical, aliasesOf(name)[0], name);
    }
  }
  assert.equal(lookupOption('workers')?.canonical, 'processes');
  assert.deepEqual(aliasesOf('need-plugin'), ['need-plugin']);
  assert.notEqual(lookupOption('plugins')?.canonical, 'need-plugins');
  assert.deepEqual(aliasesOf('no-such-option'), []);
});

test('names are matched exactly, as uWSGI does', () => {
  assert.equal(lookupOption('lazy_apps'), undefined);
  assert.equal(lookupOption('Master'), undefined);
  assert.equal(isKnownOption('lazy-apps'), true);
  assert.equal(isKnownOption('lazy_apps'), false);
});

test('python plugin options', () => {
  for (const name of ['module', 'wsgi-file', 'callable', 'pythonpath', 'home', 'py-call-osafterfork', 'shared-import']) {
    assert.equal(isPythonOption(name), true, name);
  }
  for (const name of ['master', 'processes', 'http', 'lazy-apps', 'nope']) assert.equal(isPythonOption(name), false, name);
  assert.equal(lookupOption('http')?.plugin, 'http');
});

test('docs links anchor on the option name', () => {
  assert.equal(uwsgiDocsUrl('chmod-socket'), 'https://uwsgi-docs.readthedocs.io/en/latest/Options.html#chmod-socket');
  assert.equal(uwsgiDocsUrl('py-call-osafterfork'), 'https://uwsgi-docs.readthedocs.io/en/latest/Options.html#py-call-osafterfork');
});

test('a name declared by several plugins resolves to core, then python, then http, then the rest', () => {
  const order = preferredFirst([{ plugin: 'zeta' }, { plugin: 'http' }, { plugin: 'alpha' }, { plugin: 'core' }, { plugin: 'python' }]);
  assert.deepEqual(order.map((r) => r.plugin), ['core', 'python', 'http', 'alpha', 'zeta']);
  // Every provider is exposed, the preferred one first; lookupOption returns that one.
  for (const name of ['socket', 'module', 'http']) {
    assert.equal(optionProviders(name)[0].plugin, lookupOption(name)?.plugin);
  }
});
