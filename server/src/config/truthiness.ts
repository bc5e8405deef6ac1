/**
 * `uwsgi_opt_true()`: the flag is set, then cleared only for `false`/`off`/`no` (any case)
 * or exactly `0`. Empty values, `"false"` with quotes and `false ; comment` are all TRUE.
 */
export function isTruthy(raw: string): boolean {
  const value = raw.trim();
  if (value === '0') return false;
  const lower = value.toLowerCase();
  return lower !== 'false' && lower !== 'off' && lower !== 'no';
}

/**
 * C `atoi`: optional leading blanks and sign, then digits; anything else stops it and an
 * unparsable value is 0 (`processes = four` gives no workers on 2.0).
 */
export function atoi(raw: string): number {
  const match = /^[ \t\n\r\f\v]*([+-]?\d+)/.exec(raw);
  if (!match) return 0;
  const n = Number.parseInt(match[1], 10);
  return Number.isFinite(n) ? n : 0;
}

/** Whether the whole value is a plain decimal integer (for messages about non-numeric values). */
export function isIntegerText(raw: string): boolean {
  return /^[+-]?\d+$/.test(raw.trim());
}
