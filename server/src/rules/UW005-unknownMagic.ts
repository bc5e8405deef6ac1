import { effectiveConfigOf } from '../config/effectiveConfig';
import { iniEntries } from '../config/readSections';
import type { IniDocument } from '../ini/model';
import type { Rule, RuleContext } from './rule';

/**
 * uWSGI replaces magic variables across the raw file text before parsing; its table maps every
 * unknown `%<char>` to "", so `%Y-%m-%d` silently becomes `--`.
 */
function check(context: RuleContext): void {
  const seen = new Set<string>();
  const config = effectiveConfigOf(context);
  for (const file of config.files) {
    if (file.doc && !seen.has(file.path)) reportJoinedLines(context, file.path, file.doc);
    seen.add(file.path);
  }
  for (const entry of iniEntries(config)) {
    for (const token of entry.entry!.tokens) {
      if (token.kind !== 'unknownMagic') continue;
      const key = `${entry.file}\0${token.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      context.report({
        file: entry.file,
        start: token.start,
        end: token.end,
        message: `'${token.text}' is not a uWSGI magic variable: uWSGI replaces it with nothing when it reads the file, so '${entry.key}' gets '${entry.raw.replace(token.text, '')}'. Write '%${token.text}' for a literal '${token.text}'.`,
        fixes: [
          {
            title: `Escape as '%${token.text}'`,
            preferred: true,
            edits: [{ file: entry.file, start: token.start, end: token.start, newText: '%' }],
          },
        ],
      });
    }
  }
}

/** Offset of an unpaired `%` ending the line (pairs are consumed left to right, like `magic_sub`). */
function trailingPercent(text: string, start: number, end: number): number | undefined {
  let i = start;
  while (i < end) {
    if (text[i] === '%') {
      if (i === end - 1) return i;
      i += 2;
    } else i++;
  }
  return undefined;
}

/**
 * `%` followed by the `\n` is an unknown magic variable too: both vanish and the line joins the
 * next one, even in a comment, so `; 100%` swallows the option (or section header) below it.
 * In a `\r\n` file only the `%` and the `\r` vanish.
 */
function reportJoinedLines(context: RuleContext, file: string, doc: IniDocument): void {
  for (const line of doc.lines) {
    if (!line.eol) continue;
    const at = trailingPercent(doc.text, line.start, line.end);
    if (at === undefined) continue;
    if (line.eol === '\r\n') {
      context.report({
        file,
        start: at,
        end: at + 1,
        message: "uWSGI reads this '%' together with the '\\r' of the line ending as an unknown magic variable and removes it. Write '%%' for a literal '%'.",
        fixes: [{ title: "Escape as '%%'", preferred: true, edits: [{ file, start: at, end: at, newText: '%' }] }],
      });
      continue;
    }
    const next = doc.lines[line.index + 1];
    const joined = doc.text.slice(line.start, at).trim() + (next ? doc.text.slice(next.start, next.end).trim() : '');
    context.report({
      file,
      start: at,
      end: at + 1,
      severity: 'error',
      message: `This line ends with '%': uWSGI's magic-variable pass removes the '%' together with the line break, so it reads this line and the next as one: '${joined}'. Write '%%' for a literal '%'.`,
      fixes: [{ title: "Escape as '%%'", preferred: true, edits: [{ file, start: at, end: at, newText: '%' }] }],
    });
  }
}

export const UW005: Rule = {
  code: 'UW005',
  name: 'unknownMagicVariable',
  summary: 'A `%<letter>` that is not a uWSGI magic variable, which uWSGI silently replaces with nothing.',
  defaultSeverity: 'warning',
  check,
};
