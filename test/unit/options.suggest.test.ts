import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankOptionSuggestions, suggestOptions } from '../../server/src/options/catalog';

test('underscores, case and squashed separators map to the one real name, strongly', () => {
  const cases: [string, string][] = [
    ['lazy_apps', 'lazy-apps'],
    ['enable_threads', 'enable-threads'],
    ['Master', 'master'],
    ['LAZY_APPS', 'lazy-apps'],
    ['buffersize', 'buffer-size'],
    ['harakiri_verbose', 'harakiri-verbose'],
    ['py_call_osafterfork', 'py-call-osafterfork'],
  ];
  for (const [typed, expected] of cases) {
    const ranked = rankOptionSuggestions(typed, '2.0.30');
    assert.equal(ranked[0]?.name, expected, typed);
    assert.equal(ranked[0]?.strong, true, typed);
  }
});

test('known misspellings', () => {
  for (const typed of ['lazyapps', 'lazy-app', 'lazy_app']) assert.equal(suggestOptions(typed, '2.0.21')[0], 'lazy-apps', typed);
  assert.equal(suggestOptions('enable-thread', '2.0.21')[0], 'enable-threads');
  assert.equal(suggestOptions('logfile', '2.0.21')[0], 'logto');
});

test('typos within a distance that grows with the name', () => {
  assert.equal(suggestOptions('proceses', '2.0.30')[0], 'processes');
  assert.equal(suggestOptions('callabel', '2.0.30')[0], 'callable');
  assert.equal(suggestOptions('harakri', '2.0.30')[0], 'harakiri');
  assert.deepEqual(suggestOptions('xyzzy', '2.0.30'), []);
  // Three letters: too short for any typo tolerance.
  assert.deepEqual(suggestOptions('htp', '2.0.30'), []);
});

test('only names of the configured version are offered', () => {
  assert.equal(suggestOptions('dynamic_apps', '2.1')[0], 'dynamic-apps');
  assert.ok(!suggestOptions('dynamic_apps', '2.0.30').includes('dynamic-apps'));
});

test('a lone close typo is strong, several candidates are not', () => {
  const lone = rankOptionSuggestions('proceses', '2.0.30');
  assert.equal(lone.length, 1);
  assert.equal(lone[0].strong, true);
  const many = rankOptionSuggestions('modul', '2.0.30');
  assert.ok(many.every((s) => !s.strong || s.reason !== 'typo' || many.length === 1));
  assert.ok(rankOptionSuggestions('thread', '2.0.30').length <= 5);
});

test('a known name never suggests itself', () => {
  assert.ok(!suggestOptions('master', '2.0.30').includes('master'));
});

test('names carried over from gunicorn and friends', () => {
  assert.equal(suggestOptions('bind', '2.0.30')[0], 'http-socket');
  assert.equal(suggestOptions('timeout', '2.0.30')[0], 'harakiri');
  assert.equal(suggestOptions('user', '2.0.30')[0], 'uid');
  assert.equal(rankOptionSuggestions('working_dir', '2.0.30')[0]?.name, 'chdir');
});

test('one suggestion per option, never two aliases of it', () => {
  const names = suggestOptions('workerz', '2.0.30');
  assert.ok(names.includes('workers'));
  assert.ok(!names.includes('processes') || !names.includes('workers'));
  const venv = suggestOptions('virtual_env', '2.0.30');
  assert.equal(venv.filter((n) => ['home', 'virtualenv', 'venv', 'pyhome'].includes(n)).length, 1);
});

test('ranking is remembered per (name, version) and each caller gets its own copy', () => {
  const first = rankOptionSuggestions('lazy_apps', '2.0.30');
  first[0].strong = false;
  first.pop();
  const again = rankOptionSuggestions('lazy_apps', '2.0.30');
  assert.equal(again[0].name, 'lazy-apps');
  assert.equal(again[0].strong, true);
  assert.equal(again.length, first.length + 1);
});
