import { effectiveConfigOf } from '../config/effectiveConfig';
import { iniEntries } from '../config/readSections';
import type { Rule, RuleContext } from './rule';

/**
 * uWSGI replaces magic variables across the raw file text before parsing; its table maps every
 * unknown `%<char>` to "", so `%Y-%m-%d` silently becomes `--`.
 */
function check(context: RuleContext): void {
  const seen = new Set<string>();
  for (const entry of iniEntries(effectiveConfigOf(context))) {
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

export const UW005: Rule = {
  code: 'UW005',
  name: 'unknownMagicVariable',
  summary: 'A `%<letter>` that is not a uWSGI magic variable, which uWSGI silently replaces with nothing.',
  defaultSeverity: 'warning',
  check,
};
