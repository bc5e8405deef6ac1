/**
 * Deterministic mutations of a fixture workspace for the analysis fuzzer. Everything draws from one
 * seeded generator, so a (seed, fixture) pair always yields the same mutated files.
 */

export type Random = () => number;

/** mulberry32: small, fast and good enough to spread mutations; the seed alone reproduces a case. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(next: Random, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

export function int(next: Random, max: number): number {
  return Math.floor(next() * max);
}

const ODD_PIECES = ['\0', '\uFEFF', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\r', '\r\n', '\t', '\u2028', '\u00A0', 'é', '€',
  '\x7f', '\x1b[0m', '\\', '"', "'", '#', ';', '%', '%(', '$(', '@(', ')', '=', ':', '[', ']', '{', '}', '\n', ' '];

/** Random text biased to the characters the parsers treat specially. */
export function junk(next: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out += next() < 0.5 ? pick(next, ODD_PIECES) : String.fromCharCode(int(next, 0x3000));
  }
  return out;
}

/** Binary garbage as a Latin-1 decoded file would look: every code unit 0–255. */
export function binary(next: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(int(next, 256));
  return out;
}

export interface Workspace {
  root: string;
  config: string;
  files: Record<string, string>;
}

type TextMutation = (next: Random, text: string, ws: Workspace, path: string) => string;

function lines(text: string): string[] {
  return text.split('\n');
}

const GENERIC: Record<string, TextMutation> = {
  deleteLine: (next, text) => {
    const ls = lines(text);
    ls.splice(int(next, ls.length), 1);
    return ls.join('\n');
  },
  duplicateLine: (next, text) => {
    const ls = lines(text);
    const i = int(next, ls.length);
    ls.splice(i, 0, ls[i]);
    return ls.join('\n');
  },
  swapLines: (next, text) => {
    const ls = lines(text);
    const i = int(next, ls.length);
    const j = int(next, ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return ls.join('\n');
  },
  truncate: (next, text) => text.slice(0, int(next, text.length + 1)),
  insertJunk: (next, text) => {
    const at = int(next, text.length + 1);
    return text.slice(0, at) + junk(next, 1 + int(next, 12)) + text.slice(at);
  },
  replaceRange: (next, text) => {
    const at = int(next, text.length + 1);
    return text.slice(0, at) + junk(next, int(next, 6)) + text.slice(at + int(next, 20));
  },
  crOnly: (_next, text) => text.replace(/\r?\n/g, '\r'),
  crlf: (_next, text) => text.replace(/\r?\n/g, '\r\n'),
  bom: (_next, text) => '\uFEFF' + text,
  longLine: (next, text) => {
    const at = text.indexOf('\n', int(next, text.length + 1));
    const long = pick(next, ['x', '%(', 'a.', '(', '$(', ' ', '=']).repeat(20_000 + int(next, 40_000));
    return at < 0 ? text + long : text.slice(0, at) + long + text.slice(at);
  },
  empty: () => '',
  binary: (next) => binary(next, 1 + int(next, 4000)),
  oneMegabyte: (next, text) => text + '\n' + (next() < 0.5 ? '# filler\n' : 'x = 1\n').repeat(120_000),
};

const INI: Record<string, TextMutation> = {
  unbalanced: (next, text) => `${text}\n${pick(next, ['a', 'module', 'wsgi-file', 'processes', 'x'])} = ${pick(next, ['%(', '$(', '@(', '%(%(', '$(A', '@(file', '%(a)%(', '%'])}\n`,
  repeatSection: (next, text) => `${text}\n[uwsgi]\n${pick(next, ['master = 1', 'lazy-apps = 1', '', 'processes = 4'])}\n[uwsgi]\n`,
  selfInclude: (next, text, _ws, path) => `${text}\n${pick(next, ['ini', 'include', 'inherit', 'json', 'yaml'])} = ${path.slice(path.lastIndexOf('/') + 1)}\n`,
  includeCycle: (next, text, ws, path) => {
    const other = `${ws.root}/cycle${int(next, 3)}.ini`;
    ws.files[other] = `[uwsgi]\nini = ${path}\nprocesses = 3\n`;
    return `${text}\nini = ${other}\n`;
  },
  includeFanout: (next, text, ws) => {
    const levels = 8 + int(next, 14);
    const fan = 2 + int(next, 3);
    for (let i = 0; i < levels; i++) ws.files[`${ws.root}/fan${i}.ini`] = `[uwsgi]\n${`ini = fan${i + 1}.ini\n`.repeat(fan)}x${i} = %(x${i})\n`;
    ws.files[`${ws.root}/fan${levels}.ini`] = '[uwsgi]\nprocesses = 2\n';
    return `${text}\ninclude = fan0.ini\n`;
  },
  placeholderChain: (next, text) => {
    const n = 20 + int(next, 200);
    const doubling = next() < 0.5;
    let out = `${text}\n[uwsgi]\nv0 = x\n`;
    for (let i = 1; i <= n; i++) out += `v${i} = ${doubling ? `%(v${i - 1})%(v${i - 1})` : `%(v${i - 1})y`}\n`;
    return `${out}module = %(v${n})\n`;
  },
  selfPlaceholder: (next, text) => `${text}\na = %(b)\nb = %(a)\nc = %(c)%(c)\n${pick(next, ['module', 'chdir'])} = %(a)\n`,
  logicBlocks: (next, text) => `${text}\n${pick(next, ['if-env = X', 'if-opt = master', 'for = a b', 'if-exists = /x', 'if-not-env = A'])}\n${pick(next, ['lazy-apps = true', 'endif', 'for = x', 'else'])}\n${pick(next, ['', 'endif', 'endfor', 'endif =', 'end'])}\n`,
  keysBeforeSection: (next, text) => `${pick(next, ['master = 1', 'module = a', '='])}\n${text}`,
};

const PYTHON: Record<string, TextMutation> = {
  deepParens: (next, text) => `${text}\nx = ${'('.repeat(500 + int(next, 2000))}1${next() < 0.5 ? ')'.repeat(2000) : ''}\n`,
  nestedIfs: (next, text) => {
    let out = `${text}\n`;
    const n = 500;
    for (let i = 0; i < n; i++) out += `${' '.repeat(i)}if x${i}:\n`;
    return `${out}${' '.repeat(n)}${pick(next, ['db = create_engine("postgresql://")', 'pass', 'import app'])}\n`;
  },
  deepCalls: (next, text) => `${text}\ny = ${'f('.repeat(300 + int(next, 700))}${')'.repeat(300)}\n`,
  deepAttr: (next, text) => `${text}\nz = a${'.b'.repeat(5000 + int(next, 5000))}\n`,
  selfImport: (next, text, _ws, path) => `${pick(next, ['import ', 'from . import '])}${moduleOf(path)}\n${text}`,
  importCycle: (next, text, ws) => {
    const other = pick(next, pythonFiles(ws));
    return `from ${moduleOf(other)} import *\n${text}`;
  },
  circularCall: (_next, text) => `${text}\ndef f():\n    return g()\ndef g():\n    return f()\nf()\nclass A(A): pass\nA = A()\n`,
  recursion: (_next, text) => `${text}\ndef r(n):\n    r(n)\n    return create_engine('x') if n else r(n)\napp = r(1)\n`,
  mangledIndent: (next, text) => text.replace(/^( +)/gm, () => ' '.repeat(int(next, 9))),
};

function moduleOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.py$/, '');
  return name === '__init__' ? path.split('/').slice(-2, -1)[0] ?? 'app' : name;
}

function pythonFiles(ws: Workspace): string[] {
  return Object.keys(ws.files).filter((p) => p.endsWith('.py'));
}

/** Applies 1–4 random mutations to random ini/Python files of `ws` (in place); returns their names. */
export function mutateWorkspace(next: Random, ws: Workspace): string[] {
  const applied: string[] = [];
  const count = 1 + int(next, 4);
  for (let i = 0; i < count; i++) {
    const candidates = Object.keys(ws.files).filter((p) => !p.endsWith('.json'));
    const path = next() < 0.5 ? `${ws.root}/${ws.config}` : pick(next, candidates);
    const own = path.endsWith('.py') ? PYTHON : path.endsWith('.ini') ? INI : {};
    const table = next() < 0.45 && Object.keys(own).length > 0 ? own : GENERIC;
    const name = pick(next, Object.keys(table));
    // 1 MB inputs are costly: keep them rare so the whole run stays quick.
    if ((name === 'oneMegabyte' || name === 'longLine') && next() < 0.6) continue;
    ws.files[path] = table[name](next, ws.files[path] ?? '', ws, path);
    applied.push(`${name}@${path.slice(ws.root.length + 1)}`);
  }
  return applied;
}
