import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Rule, RuleContext } from './rule';

/**
 * Keys above the first header belong to the section "" and uWSGI never reads them. Only files
 * that do have the section uWSGI reads are checked; a file without it is UW001's case.
 */
function check(context: RuleContext): void {
  const seen = new Set<string>();
  for (const file of effectiveConfigOf(context).files) {
    if (!file.doc || file.sections.length === 0 || seen.has(file.path)) continue;
    seen.add(file.path);
    const first = file.doc.sections.find((s) => s.header);
    for (const entry of file.doc.entries) {
      if (entry.section !== '' || (file.doc.bom && entry.line.index === 0)) continue;
      context.report({
        file: file.path,
        start: entry.keySpan.start,
        end: Math.max(entry.keySpan.end, entry.valueSpan.end),
        message: `'${entry.key}' comes before the first section header${first ? ` ([${first.name}])` : ''}, so uWSGI ignores it. Move it below [${file.section}].`,
      });
    }
  }
}

export const UW008: Rule = {
  code: 'UW008',
  name: 'keyBeforeSection',
  summary: 'An option above the first section header, which uWSGI ignores.',
  defaultSeverity: 'warning',
  check,
};
