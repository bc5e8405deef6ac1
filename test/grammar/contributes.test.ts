import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function at(path: string): string {
  return join(ROOT, path);
}

test('the uwsgi-ini language and grammar point at files that exist', () => {
  const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'uwsgi-ini');
  assert.ok(language, 'uwsgi-ini language contributed');
  assert.ok(existsSync(at(language.configuration)), language.configuration);
  assert.ok(existsSync(at(language.icon.light)) && existsSync(at(language.icon.dark)));
  const grammar = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'uwsgi-ini');
  const raw = JSON.parse(readFileSync(at(grammar.path), 'utf8'));
  assert.equal(raw.scopeName, grammar.scopeName);
  assert.equal(grammar.scopeName, 'source.uwsgi-ini');
});

test('plain .ini files stay with other extensions', () => {
  const language = pkg.contributes.languages.find((l: { id: string }) => l.id === 'uwsgi-ini');
  assert.equal(language.extensions, undefined);
  for (const pattern of language.filenamePatterns as string[]) {
    assert.notEqual(pattern.replace(/^\*\*\//, ''), '*.ini', `${pattern} would claim every .ini`);
    assert.ok(pattern.includes('/') || pattern.startsWith('*.uwsgi'), pattern);
  }
  assert.ok(new RegExp(language.firstLine).test('[uwsgi]'));
  assert.ok(!new RegExp(language.firstLine).test('[mysqld]'));
});

test('the language configuration knows ; comments and the placeholder brackets', () => {
  const config = JSON.parse(readFileSync(at('syntaxes/language-configuration.json'), 'utf8'));
  assert.equal(config.comments.lineComment, ';');
  const opens = (config.brackets as string[][]).map(([open]) => open);
  assert.deepEqual(opens.sort(), ['$(', '%(', '@(', '['].sort());
  const word = new RegExp(config.wordPattern);
  assert.equal('lazy-apps = true'.match(word)?.[0], 'lazy-apps');
});
