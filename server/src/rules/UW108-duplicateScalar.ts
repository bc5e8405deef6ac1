import { effectiveConfigOf } from '../config/effectiveConfig';
import type { EffectiveEntry } from '../config/model';
import { basename } from '../core/fileSystem';
import type { Fix } from '../core/finding';
import { removeLineEdit } from '../fixes/iniEdits';
import type { Rule, RuleContext } from './rule';

/** Handlers that act on every occurrence or at parse time even though the catalog has no list flag. */
const SKIPPED_HANDLERS = new Set(['uwsgi_opt_logic', 'uwsgi_opt_noop', 'uwsgi_opt_load', 'uwsgi_opt_deprecated']);

function where(entry: EffectiveEntry): string {
  return `${basename(entry.file)} '${entry.key} = ${entry.raw}'`;
}

function check(context: RuleContext): void {
  const groups = new Map<string, EffectiveEntry[]>();
  for (const entry of effectiveConfigOf(context).entries) {
    const info = entry.info;
    if (entry.origin === 'environment' || entry.placeholderOnly || !info || info.isList) continue;
    if (SKIPPED_HANDLERS.has(info.handler) || /_add_|_load/.test(info.handler) || info.flags.includes('IMMEDIATE')) continue;
    const group = groups.get(entry.option) ?? [];
    group.push(entry);
    groups.set(entry.option, group);
  }
  for (const group of groups.values()) {
    const unconditional = group.filter((e) => !e.conditional);
    const last = unconditional[unconditional.length - 1];
    if (!last) continue;
    for (const earlier of unconditional.slice(0, -1)) {
      if (earlier.value === last.value || earlier.order === last.order) continue;
      const fixes: Fix[] = earlier.entry && earlier.doc && earlier.origin === 'ini'
        ? [{ title: `Remove the overridden '${earlier.key}' line`, edits: [removeLineEdit(earlier.doc, earlier.file, earlier.entry.line)] }]
        : [];
      context.report({
        file: earlier.file,
        start: earlier.span.start,
        end: earlier.span.end,
        message: `'${earlier.option}' is set again later (${where(last)}); uWSGI uses the last value '${last.value}', while %(${earlier.key}) and if-opt still see this first one, '${earlier.value}'.`,
        related: [{ file: last.file, start: last.span.start, end: last.span.end, message: 'The value uWSGI uses.' }],
        fixes,
      });
    }
  }
}

export const UW108: Rule = {
  code: 'UW108',
  name: 'duplicateScalar',
  summary: 'A single-value option set more than once with different values: the last wins, lookups see the first.',
  defaultSeverity: 'warning',
  check,
};
