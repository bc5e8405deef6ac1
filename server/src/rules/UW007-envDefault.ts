import { effectiveConfigOf } from '../config/effectiveConfig';
import { iniEntries } from '../config/readSections';
import type { Rule, RuleContext } from './rule';

/**
 * `$(VAR:-default)` and `$(VAR-default)` arrived on uWSGI's master branch (commit 73dc3643) and
 * are in no 2.0.x release: there the whole text is looked up as a variable name, is never set,
 * and stays in the value verbatim.
 */
function check(context: RuleContext): void {
  if (context.settings.uwsgiVersion === '2.1') return;
  for (const entry of iniEntries(effectiveConfigOf(context))) {
    for (const token of entry.entry!.tokens) {
      if (token.kind !== 'env' || !token.defaultOperator) continue;
      context.report({
        file: entry.file,
        start: token.start,
        end: token.end,
        message: `uWSGI ${context.settings.uwsgiVersion} has no '$(VAR${token.defaultOperator}default)' syntax (it needs 2.1): it looks up a variable literally named '${token.text.slice(2, -1)}', finds none, and leaves '${token.text}' in the value of '${entry.key}'.`,
      });
    }
  }
}

export const UW007: Rule = {
  code: 'UW007',
  name: 'envDefaultSyntax',
  summary: '`$(VAR:-default)` / `$(VAR-default)` used with a uWSGI 2.0 release, which leaves the text verbatim.',
  defaultSeverity: 'warning',
  check,
};
