import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse as parseGenericIni } from 'ini';
import { parseIni } from '../../server/src/ini/parser';

/**
 * On the plain subset where uWSGI's dialect and generic ini agree (one key per line, no text
 * after values, no quotes, no repeats, simple section names), our parser must read exactly
 * what the `ini` package reads. Configs are generated from a fixed seed, so failures reproduce.
 */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const KEYS = ['socket', 'master', 'processes', 'threads', 'module', 'chdir', 'harakiri', 'vacuum', 'buffer-size', 'stats', 'uid', 'gid'];
const VALUES = ['true', 'false', '4', '127.0.0.1:3031', '/srv/app', 'wsgi:app', 'www-data', '65535', '/run/app.sock', 'a=b', ''];
const SECTIONS = ['uwsgi', 'production', 'staging', 'dev-box'];

function generate(next: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const lines: string[] = [];
  for (const section of SECTIONS.filter(() => next() < 0.7)) {
    lines.push(`[${section}]`);
    const used = new Set<string>();
    const count = 1 + Math.floor(next() * 6);
    for (let i = 0; i < count; i++) {
      const key = pick(KEYS);
      if (used.has(key)) continue;
      used.add(key);
      if (next() < 0.2) lines.push(pick(['; a comment', '# another comment', '']));
      const space = next() < 0.5 ? ' ' : '';
      lines.push(`${key}${space}=${space}${pick(VALUES)}`);
    }
  }
  return lines.join(next() < 0.5 ? '\n' : '\r\n') + '\n';
}

function ours(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const entry of parseIni(text).entries) (out[entry.section] ??= {})[entry.key] = entry.value;
  return out;
}

function theirs(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [section, values] of Object.entries(parseGenericIni(text) as Record<string, Record<string, unknown>>)) {
    out[section] = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  }
  return out;
}

test('reads the plain subset exactly as the generic ini parser does (300 generated configs)', () => {
  const next = random(20261127);
  for (let i = 0; i < 300; i++) {
    const text = generate(next);
    assert.deepEqual(ours(text), theirs(text), `config #${i}:\n${text}`);
  }
});

test('parts outside the plain subset are where uWSGI and generic ini differ, and we follow uWSGI', () => {
  // Generic ini strips the trailing comment; uWSGI keeps it as part of the value.
  const text = '[uwsgi]\nlazy-apps = false ; TODO\n';
  assert.equal(String(theirs(text).uwsgi['lazy-apps']), 'false');
  assert.equal(ours(text).uwsgi['lazy-apps'], 'false ; TODO');
});
