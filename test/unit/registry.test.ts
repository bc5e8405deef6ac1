import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/rules';

const ROOT = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('rule codes are well-formed, unique and in code order', () => {
  const codes = RULES.map((r) => r.code);
  for (const code of codes) assert.match(code, /^UW[0-4]\d\d$/);
  assert.equal(new Set(codes).size, codes.length, 'duplicate code');
  assert.deepEqual(codes, [...codes].sort(), 'registry is not in code order');
});

test('every rule has a documentation page with what, why, example and fix', () => {
  for (const rule of RULES) {
    const page = join(ROOT, 'docs/rules', `${rule.code}.md`);
    assert.ok(existsSync(page), `missing docs/rules/${rule.code}.md`);
    assert.ok(readFileSync(page, 'utf8').length > 200, `docs/rules/${rule.code}.md is too thin`);
  }
});

test('the settings schema lists exactly the registered rules with their default severities', () => {
  const properties = manifest.contributes.configuration.properties['uwsgiLint.severity'].properties as Record<string, { default: string }>;
  assert.deepEqual(Object.keys(properties).sort(), RULES.map((r) => r.code).sort(), 'run: node --import tsx scripts/sync-manifest.ts');
  for (const rule of RULES) assert.equal(properties[rule.code].default, rule.defaultSeverity, rule.code);
});

test('the README rule list names every rule', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const missing = RULES.filter((rule) => !readme.includes(`docs/rules/${rule.code}.md`)).map((r) => r.code);
  assert.deepEqual(missing, []);
});
