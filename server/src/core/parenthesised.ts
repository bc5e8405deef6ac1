/**
 * `%(…)`, `$(…)` and `@(…)` references in a value: the opener, then everything up to the next `)`.
 * Same matches as `/%\(([^)]*)\)/g`, but linear: that regex retries from every opener after the last `)`,
 * so a long unbalanced `%(%(%(…` line (a truncated or generated config) took seconds.
 */
export function replaceParenthesised(text: string, opener: string, replace: (whole: string, inner: string) => string): string {
  const start = `${opener}(`;
  let out = '';
  let cursor = 0;
  for (;;) {
    const open = text.indexOf(start, cursor);
    if (open < 0) break;
    const close = text.indexOf(')', open + start.length);
    if (close < 0) break;
    out += text.slice(cursor, open) + replace(text.slice(open, close + 1), text.slice(open + start.length, close));
    cursor = close + 1;
  }
  return cursor === 0 ? text : out + text.slice(cursor);
}

/** The inner texts of every `opener(…)` reference, in order. */
export function parenthesisedInners(text: string, opener: string): string[] {
  const inners: string[] = [];
  replaceParenthesised(text, opener, (whole, inner) => {
    inners.push(inner);
    return whole;
  });
  return inners;
}
