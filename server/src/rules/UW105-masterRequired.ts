import { effectiveConfigOf, MASTER_FORCING_FLAGS } from '../config/effectiveConfig';
import type { Fix } from '../core/finding';
import { replaceValueEdit } from '../fixes/iniEdits';
import type { Rule, RuleContext } from './rule';

/**
 * Options flagged MASTER/LOG_MASTER/REQ_LOG_MASTER/CHEAPER turn the master on when parsed, but
 * `master = false` is applied later by its handler and wins, so they lose the process they need.
 */
function check(context: RuleContext): void {
  const state = effectiveConfigOf(context).masterState();
  const master = state.explicit;
  if (!master || state.enabled !== false) return;
  const fixes: Fix[] = [];
  if (master.entry && master.doc) {
    fixes.push({ title: 'Set master = true', edits: [replaceValueEdit(master.file, master.entry, 'true')] });
  }
  const masterWhere = master.origin === 'environment' ? master.environment?.via ?? 'the environment' : `'${master.key} = ${master.raw}'`;
  for (const entry of state.forcedBy) {
    if (entry.conditional) continue;
    const flags = entry.info!.flags.filter((f) => MASTER_FORCING_FLAGS.includes(f)).join(', ');
    context.report({
      file: entry.file,
      start: entry.keySpan.start,
      end: entry.keySpan.end,
      message: `'${entry.key}' needs the master process (${flags}), but ${masterWhere} disables it: an explicit falsy master wins over the options that imply one, so '${entry.key}' will not work as intended.`,
      related: [{ file: master.file, start: master.span.start, end: master.span.end, message: 'The master is disabled here.' }],
      fixes,
    });
  }
}

export const UW105: Rule = {
  code: 'UW105',
  name: 'masterRequired',
  summary: 'An option that needs the master process while `master` is explicitly set to a falsy value.',
  defaultSeverity: 'warning',
  check,
};
