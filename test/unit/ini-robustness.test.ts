import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEffectiveConfig } from '../../server/src/config/effectiveConfig';
import { analyzeConfig } from '../../server/src/core/analyze';
import { MemoryFileSystem } from '../../server/src/core/fileSystem';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { parseIni } from '../../server/src/ini/parser';
import { UW001 } from '../../server/src/rules/UW001-noUwsgiSection';
import { UW002 } from '../../server/src/rules/UW002-includeCycle';
import { UW003 } from '../../server/src/rules/UW003-includeNotFound';
import { UW004 } from '../../server/src/rules/UW004-logicBlock';
import { UW005 } from '../../server/src/rules/UW005-unknownMagic';
import { UW103 } from '../../server/src/rules/UW103-inlineComment';
import { UW104 } from '../../server/src/rules/UW104-lazy';
import { UW105 } from '../../server/src/rules/UW105-masterRequired';
import { UW108 } from '../../server/src/rules/UW108-duplicateScalar';

/** Deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const PIECES = ['[uwsgi]', '[', ']', '=', ' ', '\t', '\r', '\n', '\r\n', ';', '#', '%', '%(', ')', '$(', '@(', 'if-env', 'endif',
  'for', 'endfor', 'else', 'master', 'lazy', 'lazy-apps', 'processes', 'stats', 'include', 'ini', 'inherit', 'set-ph', 'a.ini',
  ':', 'false', '0', 'x', '\uFEFF', 'é', '%d', '%z', 'set', 'k=v'];

function junk(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

test('random input never throws and every span stays inside the text', () => {
  const next = random(42);
  for (let round = 0; round < 300; round++) {
    const text = junk(next, 1 + Math.floor(next() * 60));
    const doc = parseIni(text);
    for (const entry of doc.entries) {
      for (const span of [entry.keySpan, entry.valueSpan, ...entry.tokens]) {
        assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, JSON.stringify(text));
      }
    }
    for (const line of doc.lines) assert.equal(text.slice(line.start, line.end).includes('\n'), false);
  }
});

test('random configs with includes analyse without internal errors', () => {
  const next = random(7);
  const rules = [UW001, UW002, UW003, UW004, UW005, UW103, UW104, UW105, UW108];
  for (let round = 0; round < 100; round++) {
    const fs = new MemoryFileSystem({
      '/app/uwsgi.ini': '[uwsgi]\n' + junk(next, 40),
      '/app/a.ini': '[uwsgi]\n' + junk(next, 40),
    });
    const { findings } = analyzeConfig({ path: '/app/uwsgi.ini', fs, settings: DEFAULT_SETTINGS, rules });
    assert.deepEqual(findings.filter((f) => f.code === 'UW000'), []);
  }
});

test('placeholders that double at every level stay bounded', () => {
  let text = '[uwsgi]\n';
  for (let i = 0; i < 40; i++) text += `p${i} = %(p${i + 1})%(p${i + 1})\n`;
  text += 'p40 = xx\n';
  const config = loadEffectiveConfig({ rootPath: '/a.ini', fs: new MemoryFileSystem({ '/a.ini': text }), settings: DEFAULT_SETTINGS });
  assert.ok(config.first('p0')!.value.length <= 65536);
  assert.equal(config.first('p30')!.value, 'x'.repeat(2 ** 11));
});

test('doubling placeholders that end in a cycle finish quickly', () => {
  let text = '[uwsgi]\n';
  for (let i = 0; i < 40; i++) text += `p${i} = %(p${i + 1})%(p${i + 1})\n`;
  text += 'p40 = %(p0)\n';
  const config = loadEffectiveConfig({ rootPath: '/a.ini', fs: new MemoryFileSystem({ '/a.ini': text }), settings: DEFAULT_SETTINGS });
  assert.equal(config.first('p0')!.unresolved, true);
});
