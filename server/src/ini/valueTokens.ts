import type { ValueToken } from './model';

/**
 * Magic variables uWSGI fills in `config_magic_table_fill()`; every other `%<char>` is
 * replaced by an empty string (`init_magic_table` initialises all 256 slots to "").
 */
export const MAGIC_VARIABLES: ReadonlyMap<string, string> = new Map([
  ['d', 'directory of this config file, with a trailing /'],
  ['p', 'absolute path of this config file'],
  ['s', 'file name of this config file'],
  ['n', 'file name without extension'],
  ['e', 'extension of this config file'],
  ['c', 'name of the directory containing this config file'],
  ['x', 'section name being read'],
  ['o', 'config path as given'],
  ['i', 'inode of this config file'],
  ['j', 'hash of the config path'],
  ['O', 'path as given, of the first non-template config'],
  ['D', 'directory of the first non-template config'],
  ['S', 'file name of the first non-template config'],
  ['P', 'absolute path of the first non-template config'],
  ['C', 'containing directory name of the first non-template config'],
  ['E', 'extension of the first non-template config'],
  ['N', 'file name without extension of the first non-template config'],
  ['X', 'section name of the first non-template config'],
  ['I', 'inode of the first non-template config'],
  ['J', 'path hash of the first non-template config'],
  ['v', 'current working directory'],
  ['h', 'hostname'],
  ['t', 'start time in seconds'],
  ['T', 'start time in microseconds'],
  ['V', 'uWSGI version'],
  ['k', 'CPU core count'],
  ['u', 'uid'],
  ['U', 'user name'],
  ['g', 'gid'],
  ['G', 'group name'],
  ['[', 'ESC character'],
  ['b', 'uWSGI binary path'],
  ...'0123456789'.split('').map((d): [string, string] => [d, `path component ${d} of this config file`]),
]);

const MATH_OPERATORS = new Set(['+', '-', '*', '/', '++', '--']);

export interface TokenizeResult {
  tokens: ValueToken[];
  /** Offsets (absolute) of `%(`, `$(` or `@(` openers with no closing `)`. */
  unclosed: number[];
}

/**
 * Finds the `%`/`$(`/`@(` syntax in a value. `base` is the value's offset in the file so that
 * token spans are absolute. Nothing is expanded or read here.
 */
export function tokenizeValue(value: string, base: number): TokenizeResult {
  const tokens: ValueToken[] = [];
  const unclosed: number[] = [];
  let i = 0;
  while (i < value.length) {
    const ch = value[i];
    const next = value[i + 1];
    if (ch === '%' && next !== undefined) {
      if (next === '(') {
        const close = value.indexOf(')', i + 2);
        if (close < 0) {
          unclosed.push(base + i);
          i += 2;
          continue;
        }
        const inner = value.slice(i + 2, close);
        const name = inner.trim();
        const isMath = name.split(/\s+/).some((part) => MATH_OPERATORS.has(part)) && name.includes(' ');
        tokens.push(token('placeholder', value, base, i, close + 1, name, isMath ? { isMath } : {}));
        i = close + 1;
        continue;
      }
      if (next === '%') {
        tokens.push(token('escape', value, base, i, i + 2, '%'));
      } else {
        tokens.push(token(MAGIC_VARIABLES.has(next) ? 'magic' : 'unknownMagic', value, base, i, i + 2, next));
      }
      i += 2;
      continue;
    }
    if ((ch === '$' || ch === '@') && next === '(') {
      const close = value.indexOf(')', i + 2);
      if (close < 0) {
        unclosed.push(base + i);
        i += 2;
        continue;
      }
      const inner = value.slice(i + 2, close);
      if (ch === '@') tokens.push(token('reader', value, base, i, close + 1, inner));
      else tokens.push(envToken(value, base, i, close + 1, inner));
      i = close + 1;
      continue;
    }
    i++;
  }
  return { tokens, unclosed };
}

function envToken(value: string, base: number, start: number, end: number, inner: string): ValueToken {
  const colon = inner.indexOf(':-');
  if (colon > 0) {
    return token('env', value, base, start, end, inner.slice(0, colon), {
      defaultValue: inner.slice(colon + 2),
      defaultOperator: ':-',
    });
  }
  const dash = inner.indexOf('-');
  if (dash > 0) {
    return token('env', value, base, start, end, inner.slice(0, dash), {
      defaultValue: inner.slice(dash + 1),
      defaultOperator: '-',
    });
  }
  return token('env', value, base, start, end, inner);
}

function token(
  kind: ValueToken['kind'],
  value: string,
  base: number,
  start: number,
  end: number,
  name: string,
  extra: Partial<ValueToken> = {},
): ValueToken {
  return { kind, text: value.slice(start, end), name, start: base + start, end: base + end, ...extra };
}
