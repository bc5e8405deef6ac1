import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scopesOf, tokenize } from './grammarHarness';

const S = '.uwsgi-ini';

async function assertScope(line: string, fragment: string, scope: string): Promise<void> {
  const scopes = await scopesOf(line, fragment);
  assert.ok(scopes.includes(scope + S), `'${fragment}' in '${line}' has ${JSON.stringify(scopes)}, expected ${scope}`);
}

async function assertNoScope(line: string, fragment: string, prefix: string): Promise<void> {
  const scopes = await scopesOf(line, fragment);
  assert.ok(!scopes.some((s) => s.startsWith(prefix)), `'${fragment}' in '${line}' unexpectedly has ${prefix}: ${JSON.stringify(scopes)}`);
}

test('section headers: brackets and name', async () => {
  await assertScope('[uwsgi]', 'uwsgi', 'entity.name.type.section');
  await assertScope('[uwsgi]', '[', 'punctuation.definition.section.begin');
  await assertScope('  [prod]  ', ']', 'punctuation.definition.section.end');
});

test('text after a header bracket is flagged, since uWSGI makes it part of the name', async () => {
  await assertScope('[uwsgi] ; main', ' ; main', 'invalid.illegal.trailing-text');
  await assertNoScope('[uwsgi] ; main', ' ; main', 'comment');
  await assertScope('[uwsgi', 'uwsgi', 'invalid.illegal.unclosed-section');
});

test('full-line ; and # comments, also indented', async () => {
  await assertScope('; a comment', '; a comment', 'comment.line.semicolon');
  await assertScope('# a comment', '# a comment', 'comment.line.number-sign');
  await assertScope('   ; indented', '; indented', 'comment.line.semicolon');
  await assertScope('# x', '#', 'punctuation.definition.comment');
});

test('keys, the first = and values', async () => {
  await assertScope('module = app:application', 'module', 'support.type.property-name');
  await assertScope('module = app:application', '=', 'punctuation.separator.key-value');
  await assertScope('module = app:application', 'app:application', 'string.unquoted.value');
  await assertScope('env = A=B', 'A=B', 'string.unquoted.value');
  await assertScope('  master', 'master', 'support.type.property-name');
});

test('text after a value is value, never a comment', async () => {
  for (const line of ['lazy-apps = false ; keep it', 'master = false # off', 'socket = :8000 ;x']) {
    const [tokens] = await tokenize(line);
    const afterEq = line.slice(line.indexOf('=') + 1).trim();
    const start = line.indexOf(afterEq);
    let offset = 0;
    for (const token of tokens) {
      if (offset >= start) {
        assert.ok(token.scopes.includes('string.unquoted.value' + S), `${JSON.stringify(token)} in '${line}'`);
        assert.ok(!token.scopes.some((s) => s.startsWith('comment')), `${JSON.stringify(token)} in '${line}'`);
      }
      offset += token.text.length;
    }
  }
  await assertScope('lazy-apps = false ; keep it', '; keep it', 'invalid.deprecated.inline-comment-is-value');
  await assertScope('master = false # off', '# off', 'invalid.deprecated.inline-comment-is-value');
  await assertScope('key=#x', '#x', 'invalid.deprecated.inline-comment-is-value');
});

test('a # inside a word is not marked as a would-be comment', async () => {
  await assertNoScope('route = ^/a#b static:x', '^/a#b static:x', 'invalid');
});

test('booleans and numbers only as the whole value', async () => {
  for (const word of ['true', 'false', 'yes', 'no', 'on', 'off', 'False', 'OFF']) {
    await assertScope(`master = ${word}`, word, 'constant.language.boolean');
  }
  await assertScope('processes = 4', '4', 'constant.numeric');
  await assertScope('processes = 4  ', '4', 'constant.numeric');
  // 'false ; x' is a truthy string to uWSGI, so 'false' must not look like a boolean there.
  await assertNoScope('master = false ; x', 'false ', 'constant');
  await assertNoScope('module = yes.app', 'yes.app', 'constant');
});

test('%(name) placeholders, with math', async () => {
  await assertScope('chdir = %(base)/app', 'base', 'variable.other.constant.placeholder');
  await assertScope('chdir = %(base)/app', '%(', 'punctuation.definition.placeholder.begin');
  await assertScope('chdir = %(base)/app', ')', 'punctuation.definition.placeholder.end');
  await assertScope('workers = %(cores + 1)', '+', 'keyword.operator.arithmetic');
  await assertScope('workers = %(cores + 1)', '1', 'constant.numeric');
  await assertScope('x = a ; %(b)', 'b', 'variable.other.constant.placeholder');
});

test('magic variables, %% escape and unknown %x', async () => {
  for (const magic of ['%d', '%n', '%k', '%p', '%0', '%V', '%[']) {
    await assertScope(`chdir = ${magic}x`, magic, 'variable.language.magic');
  }
  await assertScope('log-date = %%Y', '%%', 'constant.character.escape.percent');
  await assertScope('x = 50%z', '%z', 'invalid.illegal.unknown-magic');
});

test('$(ENV) with and without a default', async () => {
  await assertScope('home = $(VENV)', 'VENV', 'variable.other.environment');
  await assertScope('home = $(VENV)', '$(', 'punctuation.definition.variable.begin');
  await assertScope('home = $(VENV:-/opt/venv)', ':-', 'keyword.operator.default');
  await assertScope('home = $(VENV:-/opt/venv)', '/opt/venv', 'string.unquoted.default');
});

test('@(file) readers and their scheme', async () => {
  await assertScope('socket = @(/etc/sock)', '/etc/sock', 'string.other.path');
  await assertScope('socket = @(exec://cat x)', 'exec://', 'support.function.scheme');
  await assertScope('socket = @(exec://cat x)', '@(', 'punctuation.definition.reader.begin');
});

test('config logic keys are keywords, with or without =', async () => {
  for (const key of ['if-env', 'if-not-env', 'if-exists', 'if-opt', 'ifenv', 'for', 'for-glob', 'if-directory']) {
    await assertScope(`${key} = X`, key, 'keyword.control.logic');
  }
  for (const key of ['endif', 'end-if', 'endfor', 'end-for', 'else']) {
    await assertScope(key, key, 'keyword.control.logic');
    await assertScope(`${key} =`, key, 'keyword.control.logic');
  }
  await assertScope('if-env = FOO', 'FOO', 'string.unquoted.value');
  await assertNoScope('format = x', 'format', 'keyword');
  await assertNoScope('if-environment = x', 'if-environment', 'keyword');
});

test('a line with = and no key is flagged', async () => {
  await assertScope('= value', '=', 'invalid.illegal.missing-key');
});

test('state does not leak between lines', async () => {
  const lines = await tokenize('a = x ; y\n[uwsgi]\nb = 1');
  assert.ok(lines[1].some((t) => t.text === 'uwsgi' && t.scopes.includes('entity.name.type.section' + S)));
  assert.ok(!lines[1].some((t) => t.scopes.some((s) => s.startsWith('invalid'))));
  assert.ok(lines[2].some((t) => t.text === '1' && t.scopes.includes('constant.numeric' + S)));
});
