/**
 * How uWSGI's option handlers read a value, in C terms, so rules can say what a value really
 * becomes. Handler names are the TSV's (`uwsgi_opt_set_int`, …).
 */

export type ValueKind = 'bool' | 'int' | 'int16' | 'int64' | 'megabytes' | 'chmod' | 'socket' | 'logDate' | 'other';

const KIND_BY_HANDLER: Record<string, ValueKind> = {
  uwsgi_opt_true: 'bool',
  uwsgi_opt_false: 'bool',
  uwsgi_opt_set_int: 'int',
  uwsgi_opt_set_rawint: 'int',
  uwsgi_opt_set_16bit: 'int16',
  uwsgi_opt_set_64bit: 'int64',
  uwsgi_opt_set_megabytes: 'megabytes',
  uwsgi_opt_chmod_socket: 'chmod',
  uwsgi_opt_log_date: 'logDate',
  uwsgi_opt_add_socket: 'socket',
  uwsgi_opt_add_ssl_socket: 'socket',
  uwsgi_opt_add_socket_no_defer: 'socket',
  uwsgi_opt_add_lazy_socket: 'socket',
  uwsgi_opt_add_shared_socket: 'socket',
};

export function valueKindOf(handler: string): ValueKind {
  return KIND_BY_HANDLER[handler] ?? 'other';
}

export function isIntegerKind(kind: ValueKind): boolean {
  return kind === 'int' || kind === 'int16' || kind === 'int64' || kind === 'megabytes';
}

/** What C's atoi/strtoul read from a value: the leading integer (0 when none) and what follows it. */
export interface CInteger {
  value: number;
  /** Whether any digits were read at all. */
  digits: boolean;
  /** Text after the number (trimmed); '' for a clean integer. */
  rest: string;
}

export function readCInteger(raw: string): CInteger {
  const match = /^[ \t\n\r\f\v]*([+-]?)(\d+)/.exec(raw);
  if (!match) return { value: 0, digits: false, rest: raw.trim() };
  const n = Number.parseInt(match[2], 10) * (match[1] === '-' ? -1 : 1);
  return { value: n, digits: true, rest: raw.slice(match[0].length).trim() };
}

/** Words people write to mean "off" that uWSGI does not treat as false (only false/off/no/0 are). */
const OFF_LOOKING = new Set(['n', 'f', 'none', 'null', 'nil', 'disable', 'disabled', 'never', 'nope', 'false', 'off', 'no', '0']);

/** Strips one pair of matching quotes (uWSGI keeps them: `"false"` is a non-empty string). */
export function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1).trim();
  return v;
}

/** Whether a value reads as "off" to a person (`disabled`, `none`, `"false"`, `0.0`…). */
export function looksOff(value: string): boolean {
  const v = unquote(value).toLowerCase();
  return OFF_LOOKING.has(v) || /^[+-]?0+(\.0*)?$/.test(v);
}

/** Values people write to mean "on" for an option that actually takes a number. */
export function looksOn(value: string): boolean {
  return ['true', 'yes', 'on', 'enable', 'enabled', 'y'].includes(unquote(value).toLowerCase());
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen'];

/** `four` → 4, for a quick fix; undefined for anything else. */
export function numberWord(value: string): number | undefined {
  const i = NUMBER_WORDS.indexOf(unquote(value).toLowerCase());
  return i < 0 ? undefined : i;
}

/** `32k` → 32768, `2m` → 2097152, `1g`… with binary multiples; undefined without such a suffix. */
export function withSizeSuffix(value: string): number | undefined {
  const match = /^(\d+)\s*([kmg])b?$/i.exec(value.trim());
  if (!match) return undefined;
  const power = { k: 1, m: 2, g: 3 }[match[2].toLowerCase() as 'k' | 'm' | 'g'];
  return Number.parseInt(match[1], 10) * 1024 ** power;
}
