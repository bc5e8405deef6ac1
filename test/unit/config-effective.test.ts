import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEffectiveConfig } from '../../server/src/config/effectiveConfig';
import { isInterpolated } from '../../server/src/config/blockConditions';
import { parenthesisedInners, replaceParenthesised } from '../../server/src/core/parenthesised';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { UwsgiEnvironmentSetting } from '../../server/src/deploy/uwsgiEnvironment';

function load(files: Record<string, string>, options: { section?: string; root?: string; environment?: UwsgiEnvironmentSetting[] } = {}) {
  return loadEffectiveConfig({
    rootPath: options.root ?? '/app/uwsgi.ini',
    section: options.section,
    fs: new MemoryFileSystem(files),
    settings: DEFAULT_SETTINGS,
    environment: options.environment,
  });
}

const one = (body: string) => load({ '/app/uwsgi.ini': `[uwsgi]\n${body}` });

test('the default section is uwsgi', () => {
  const config = load({ '/app/uwsgi.ini': '[app]\nprocesses = 9\n[uwsgi]\nprocesses = 2\n' });
  assert.equal(config.section, 'uwsgi');
  assert.equal(config.intValue('processes'), 2);
});

test('file.ini:section picks another section', () => {
  const config = load({ '/app/uwsgi.ini': '[uwsgi]\nprocesses = 2\n[prod]\nprocesses = 8\n' }, { section: 'prod' });
  assert.equal(config.intValue('processes'), 8);
});

test('keys before the first header are ignored', () => {
  assert.equal(load({ '/app/uwsgi.ini': 'master = true\n[uwsgi]\n' }).get('master'), undefined);
});

test('ini = :sect re-reads the last loaded file with that section', () => {
  const config = load({ '/app/uwsgi.ini': '[uwsgi]\nini = :common\nprocesses = 2\n[common]\nmaster = true\n' });
  assert.equal(config.truthy('master'), true);
  assert.deepEqual(config.files.map((f) => `${f.path}:${f.section}`), ['/app/uwsgi.ini:uwsgi', '/app/uwsgi.ini:common']);
});

test('include is immediate: the included options are inserted at that position', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\nprocesses = 1\ninclude = base.ini\nsocket = :2\n',
    '/app/base.ini': '[uwsgi]\nprocesses = 4\nsocket = :1\n',
  });
  assert.deepEqual(config.entries.map((e) => e.key), ['processes', 'include', 'processes', 'socket', 'socket']);
  assert.equal(config.intValue('processes'), 4);
  assert.equal(config.get('processes')?.file, '/app/base.ini');
});

test('include paths are relative to the including file and may carry :section', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\nini = conf/extra.ini:prod\n',
    '/app/conf/extra.ini': '[uwsgi]\nprocesses = 1\n[prod]\nprocesses = 6\nini = more.ini\n',
    '/app/conf/more.ini': '[uwsgi]\nmaster = true\n',
  });
  assert.equal(config.intValue('processes'), 6);
  assert.equal(config.get('master')?.file, '/app/conf/more.ini');
  assert.deepEqual(config.filesRead(), ['/app/uwsgi.ini', '/app/conf/extra.ini', '/app/conf/more.ini']);
});

test('%d is the directory of the file being read, with a trailing slash', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\nchdir = %d\ninclude = %dsub/x.ini\n',
    '/app/sub/x.ini': '[uwsgi]\npythonpath = %dlib\n',
  });
  assert.equal(config.value('chdir'), '/app/');
  assert.equal(config.value('pythonpath'), '/app/sub/lib');
});

test('magic file variables: %p %s %n %e %c %x', () => {
  const config = one('x = %p|%s|%n|%e|%c|%x\n');
  assert.equal(config.first('x')?.value, '/app/uwsgi.ini|uwsgi.ini|uwsgi|ini|app|uwsgi');
});

test('any other %<char> is replaced by an empty string and %% is a literal %', () => {
  const config = one('log-date = %Y-%%m\nx = 50%z\n');
  assert.equal(config.value('log-date'), '-%m');
  assert.equal(config.first('x')?.value, '50');
});

test('include cycles are bounded and reported with the chain', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\ninclude = a.ini\n',
    '/app/a.ini': '[uwsgi]\ninclude = uwsgi.ini\n',
  });
  const cycle = config.problems.find((p) => p.kind === 'includeCycle');
  assert.ok(cycle);
  assert.equal(cycle.file, '/app/a.ini');
  assert.deepEqual(cycle.chain, ['/app/uwsgi.ini', '/app/a.ini', '/app/uwsgi.ini']);
  assert.match(cycle.message, /uwsgi\.ini:uwsgi → a\.ini:uwsgi → uwsgi\.ini:uwsgi/);
});

test('an included file that does not exist is reported at the include', () => {
  const config = one('include = missing.ini\n');
  const problem = config.problems.find((p) => p.kind === 'includeNotFound');
  assert.equal(problem?.file, '/app/uwsgi.ini');
  assert.equal(config.files[1].found, false);
});

test('a file read for a section it does not have is reported', () => {
  const config = load({ '/app/uwsgi.ini': '[uwsgi]\ninclude = b.ini\n', '/app/b.ini': '[app]\nx = 1\n' });
  assert.ok(config.problems.some((p) => p.kind === 'sectionMissing'));
});

test('inherit templates are read too, after the rest of the config', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\ninherit = base.ini\nsocket = :1\n',
    '/app/base.ini': '[uwsgi]\nsocket = :2\n',
  });
  assert.deepEqual(config.getAll('socket').map((e) => e.value), [':1', ':2']);
  assert.equal(config.files[1].role, 'inherit');
});

test('%(name) uses the FIRST occurrence: after processes=2 … processes=7, %(processes + 1) is 3', () => {
  const config = one('processes = 2\nx = %(processes + 1)\nprocesses = 7\ny = %(processes)\n');
  assert.equal(config.first('x')?.value, '3');
  assert.equal(config.first('y')?.value, '2');
  assert.equal(config.intValue('processes'), 7);
});

test('placeholders: unknown keys count, forward references and chains resolve, undefined stays verbatim', () => {
  const config = one('a = %(b)/x\nb = %(base)\nbase = /srv\nc = %(undefined)\n');
  assert.equal(config.first('a')?.value, '/srv/x');
  assert.equal(config.first('c')?.value, '%(undefined)');
  assert.equal(config.first('c')?.unresolved, true);
});

test('placeholder math: + - * / ++ --', () => {
  const config = one('n = 4\na = %(n * 2)\nb = %(n - 1)\nc = %(n / 3)\nd = %(n ++)\n');
  assert.deepEqual(['a', 'b', 'c', 'd'].map((k) => config.first(k)?.value), ['8', '3', '1', '5']);
});

test('set-placeholder declares a placeholder only; set = k=v sets an option', () => {
  const config = one('set-ph = app=/srv/app\nset = lazy-apps=true\nchdir = %(app)\n');
  assert.equal(config.value('chdir'), '/srv/app');
  assert.equal(config.get('app'), undefined);
  assert.equal(config.truthy('lazy-apps'), true);
  assert.equal(config.get('lazy-apps')?.origin, 'set');
});

test('$(ENV) is left as written: we never read the real environment', () => {
  const config = one('socket = $(PORT)\nchdir = $(HOME:-/srv)\n');
  assert.equal(config.value('socket'), '$(PORT)');
  assert.equal(config.get('socket')?.unresolved, true);
});

test('$(VAR) takes the value the deployment declares for the process; undeclared ones stay verbatim and unknown', () => {
  const origin = { file: '/app/Dockerfile', start: 0, end: 14 };
  const config = loadEffectiveConfig({
    rootPath: '/app/uwsgi.ini',
    fs: new MemoryFileSystem({ '/app/uwsgi.ini': '[uwsgi]\nlazy-apps = $(LAZY_APPS)\nmaster = $(MASTER)\nworkers = %(n)\nn = $(N)\nflag = %(nope)\n' }),
    settings: DEFAULT_SETTINGS,
    variables: [{ name: 'LAZY_APPS', value: '0', origin, via: 'Dockerfile ENV' }],
  });
  assert.equal(config.value('lazy-apps'), '0');
  assert.equal(config.truthy('lazy-apps'), false);
  assert.equal(config.get('lazy-apps')?.unknown, false);
  assert.deepEqual(config.get('lazy-apps')?.variables?.map((v) => v.name), ['LAZY_APPS']);
  assert.equal(config.truthy('master'), 'conditional', 'an unset $(VAR) stays verbatim (truthy) only if really unset');
  assert.equal(config.masterState().enabled, 'conditional');
  assert.equal(config.get('processes')?.unknown, true, 'unknown travels through %(placeholder)');
  assert.equal(config.first('flag')?.unknown, false, 'an undefined %(name) is kept verbatim by uWSGI: known');
  assert.equal(config.first('flag')?.unresolved, true);
  const interpolated = loadEffectiveConfig({
    rootPath: '/app/uwsgi.ini',
    fs: new MemoryFileSystem({ '/app/uwsgi.ini': '[uwsgi]\nlazy-apps = $(LAZY_APPS)\n' }),
    settings: DEFAULT_SETTINGS,
    variables: [{ name: 'LAZY_APPS', value: '${LAZY_APPS:-0}', origin, via: 'docker-compose.yml service web' }],
  });
  assert.equal(interpolated.truthy('lazy-apps'), 'conditional', 'compose interpolation is only known on the host');
});

test('if-env / if-not-env blocks are decided by the variables the deployment declares; undeclared ones stay conditional', () => {
  const origin = { file: '/app/Dockerfile', start: 0, end: 1 };
  const variables = [{ name: 'LAZY', value: '', origin, via: 'Dockerfile ENV' }, { name: 'MODE', value: 'prod', origin, via: 'Dockerfile ENV' }];
  const ini = '[uwsgi]\nif-env = LAZY\nlazy-apps = true\nendif =\nif-not-env = MODE=prod\nprocesses = 1\nendif =\nif-env = OTHER\nmaster = true\nendif =\n';
  const config = loadEffectiveConfig({ rootPath: '/app/uwsgi.ini', fs: new MemoryFileSystem({ '/app/uwsgi.ini': ini }), settings: DEFAULT_SETTINGS, variables });
  assert.equal(config.truthy('lazy-apps'), true, 'set, even empty, is true');
  assert.equal(config.get('processes'), undefined, 'MODE=prod matches, so if-not-env adds nothing');
  assert.equal(config.truthy('master'), 'conditional');
  assert.equal(load({ '/app/uwsgi.ini': ini }).truthy('lazy-apps'), 'conditional', 'without a deployment nothing is decided');
});

test('if-opt / if-not-opt blocks are decided by the options read before them: the first occurrence, raw text', () => {
  const config = one('processes = 2\nprocesses = 7\nif-opt = processes=7\nlazy-apps = true\nendif =\nif-not-opt = master\nmaster = true\nendif =\nif-opt = processes\nharakiri = 30\nendif =\nif-opt = later\nthreads = 2\nendif =\nlater = 1\n');
  assert.equal(config.get('lazy-apps'), undefined, 'the first processes is 2 (facts §1, checked)');
  assert.equal(config.truthy('master'), true);
  assert.equal(config.get('master')?.conditional, false);
  assert.equal(config.value('harakiri'), '30');
  assert.equal(config.get('threads'), undefined, 'a name set after the block does not count');
  const whole = one('if-not-opt = master\nmaster = true\nharakiri = 30\nendif =\n');
  assert.equal(whole.value('harakiri'), '30', 'an option set inside the block does not change its verdict');
  const conditional = one('if-env = X\nlazy = 1\nendif =\nif-opt = lazy\nmaster = true\nendif =\n');
  assert.equal(conditional.truthy('master'), 'conditional');
});

test('$(VAR:-default) and $(VAR-default) only on 2.1', () => {
  const origin = { file: '/app/.env', start: 0, end: 1 };
  const files = { '/app/uwsgi.ini': '[uwsgi]\na = $(EMPTY:-7)\nb = $(EMPTY-7)\n' };
  const variables = [{ name: 'EMPTY', value: '', origin, via: 'env file' }];
  const on21 = loadEffectiveConfig({ rootPath: '/app/uwsgi.ini', fs: new MemoryFileSystem(files), settings: { ...DEFAULT_SETTINGS, uwsgiVersion: '2.1' }, variables });
  assert.deepEqual([on21.first('a')?.value, on21.first('b')?.value], ['7', '']);
  const on20 = loadEffectiveConfig({ rootPath: '/app/uwsgi.ini', fs: new MemoryFileSystem(files), settings: DEFAULT_SETTINGS, variables });
  assert.equal(on20.first('a')?.value, '$(EMPTY:-7)');
});

test('@(file) inserts a plain file minus one trailing newline; exec:// is never run', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\nprocesses = @(/app/n.txt)\nchdir = @(exec://pwd)\nx = @(/nope)\n',
    '/app/n.txt': '5\n',
  });
  assert.equal(config.intValue('processes'), 5);
  assert.equal(config.value('chdir'), '@(exec://pwd)');
  assert.ok(config.problems.some((p) => p.kind === 'readerNotFound'));
});

test('scalar options: the last value wins; list options accumulate', () => {
  const config = one('processes = 3\nprocesses = 4\nsocket = :1\nsocket = :2\n');
  assert.equal(config.intValue('processes'), 4);
  assert.deepEqual(config.getAll('socket').map((e) => e.value), [':1', ':2']);
});

test('aliases resolve to canonical names (workers is processes)', () => {
  const config = one('workers = 3\n');
  assert.equal(config.get('processes')?.key, 'workers');
  assert.equal(config.intValue('workers'), 3);
});

test('unknown names are kept (as placeholders) and the _ spelling is not an alias', () => {
  const config = one('lazy_apps = true\n');
  assert.equal(config.truthy('lazy-apps'), undefined);
  assert.equal(config.first('lazy_apps')?.info, undefined);
});

test('an option with no value is "" and a boolean with "" is on', () => {
  const config = one('master\nprocesses =\n');
  assert.equal(config.truthy('master'), true);
  assert.equal(config.intValue('processes'), 0);
});

test('non-numeric integers are atoi: processes = four gives 0', () => {
  assert.equal(one('processes = four\n').intValue('processes'), 0);
});

test('UWSGI_* environment settings come first and ini values override them', () => {
  const origin = { file: '/app/Dockerfile', start: 0, end: 10 };
  const environment = [{ variable: 'UWSGI_PROCESSES', option: 'processes', value: '8', origin, via: 'Dockerfile ENV' }];
  const config = load({ '/app/uwsgi.ini': '[uwsgi]\nprocesses = 2\n' }, { environment });
  assert.equal(config.entries[0].origin, 'environment');
  assert.equal(config.intValue('processes'), 2);
  const envOnly = load({ '/app/uwsgi.ini': '[uwsgi]\n' }, { environment });
  assert.equal(envOnly.get('processes')?.file, '/app/Dockerfile');
});

test('master forcing flags turn the master on whatever their value', () => {
  const state = one('stats = :9191\n').masterState();
  assert.equal(state.enabled, true);
  assert.deepEqual(state.forcedBy.map((e) => e.key), ['stats']);
});

test('an explicit master = false wins over forcing options, in either order', () => {
  for (const body of ['touch-reload = x\nmaster = false\n', 'master = false\ntouch-reload = x\n']) {
    const state = one(body).masterState();
    assert.equal(state.enabled, false);
    assert.equal(state.explicit?.key, 'master');
    assert.equal(state.forcedBy.length, 1);
  }
});

test('no master by default', () => {
  assert.equal(one('processes = 4\n').masterState().enabled, false);
});

test('entries in logic blocks are conditional and never guessed', () => {
  const config = one('lazy-apps = false\nif-env = LAZY\nlazy-apps = true\nendif\n');
  assert.equal(config.truthy('lazy-apps'), 'conditional');
  assert.equal(config.get('lazy-apps')?.conditional, true);
});

test('a file included inside a logic block makes all its entries conditional', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\nif-exists = /etc/prod\ninclude = prod.ini\nendif\n',
    '/app/prod.ini': '[uwsgi]\nmaster = true\n',
  });
  assert.equal(config.truthy('master'), 'conditional');
  assert.equal(config.masterState().enabled, 'conditional');
});

test('provenance: spans point into the file that owns the text', () => {
  const text = '[uwsgi]\nmaster = true\n';
  const config = load({ '/app/uwsgi.ini': text });
  const master = config.get('master')!;
  assert.equal(text.slice(master.keySpan.start, master.keySpan.end), 'master');
  assert.equal(text.slice(master.valueSpan.start, master.valueSpan.end), 'true');
  assert.equal(master.doc?.text, text);
});

test('a missing root file is a problem, not an exception', () => {
  const config = load({});
  assert.equal(config.problems[0].kind, 'rootNotFound');
  assert.equal(config.entries.length, 0);
});

test('inherit paths are expanded like other values (templates apply after the passes)', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\nset-ph = tpl=/etc/uwsgi/base.ini\ninherit = %(tpl)\nprocesses = 2\n',
    '/etc/uwsgi/base.ini': '[uwsgi]\nmaster = true\nchdir = %(tpl)\n',
  });
  assert.equal(config.truthy('master'), true);
  assert.equal(config.value('chdir'), '/etc/uwsgi/base.ini');
  assert.equal(config.files[1].path, '/etc/uwsgi/base.ini');
});

test('include paths see only magic variables: placeholders are not expanded yet', () => {
  const config = load({ '/app/uwsgi.ini': '[uwsgi]\nset-ph = dir=conf\ninclude = %(dir)/x.ini\n', '/app/conf/x.ini': '[uwsgi]\n' });
  assert.ok(config.problems.some((p) => p.kind === 'includeNotFound'));
});

test('URL schemes and stdin are recognised as config names but never fetched', () => {
  const config = one('ini = http://example.com/x.ini:prod\ninclude = exec://cat x.ini\nini = -\n');
  assert.deepEqual(config.files.slice(1).map((f) => [f.format, f.found]), [['other', true], ['other', true], ['other', true]]);
  assert.deepEqual(config.problems, []);
});

test('the section separator is the last : after the last /', async () => {
  const { splitSection } = await import('../../server/src/config/includeWalker');
  assert.deepEqual(splitSection('conf/app.ini:prod'), { path: 'conf/app.ini', section: 'prod' });
  assert.deepEqual(splitSection('/srv/a:b/app.ini'), { path: '/srv/a:b/app.ini' });
  assert.deepEqual(splitSection('http://host/app.ini:dev'), { path: 'http://host/app.ini', section: 'dev' });
  assert.deepEqual(splitSection('http://host/app.ini'), { path: 'http://host/app.ini' });
});

test('%o is the path as given in the include, %O/%P the root file', () => {
  const config = load({
    '/app/uwsgi.ini': '[uwsgi]\ninclude = conf/x.ini\n',
    '/app/conf/x.ini': '[uwsgi]\na = %o\nb = %P\n',
  });
  assert.equal(config.first('a')?.value, 'conf/x.ini');
  assert.equal(config.first('b')?.value, '/app/uwsgi.ini');
});

test('a long unbalanced %( / $( / @( value expands what closes and keeps the rest verbatim', () => {
  // Found by the fuzzer: the regex form retried from every opener, so 44,000 `%(` took seconds.
  const tail = '%('.repeat(20_000);
  const config = one(`base = /srv\nmodule = app%(base)${tail}\nchdir = $(HOME)@(x${'$('.repeat(5_000)}\n`);
  assert.equal(config.first('module')?.value, `app/srv${tail}`);
  assert.ok(config.first('chdir')?.value.endsWith('$('.repeat(5_000)));
  assert.deepEqual(parenthesisedInners('a%(b)c%(d %(e)%(', '%'), ['b', 'd %(e']);
  assert.equal(replaceParenthesised('$(A)x$(', '$', (_whole, inner) => inner.toLowerCase()), 'ax$(');
});

test('a declared value with ${VAR} is interpolated only when a } closes it', () => {
  assert.equal(isInterpolated('${A}'), true);
  assert.equal(isInterpolated('x$HOME'), true);
  assert.equal(isInterpolated('a${b'), false);
  assert.equal(isInterpolated('${'.repeat(30_000)), false);
  assert.equal(isInterpolated('$1 and $'), false);
});
