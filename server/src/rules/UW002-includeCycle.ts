import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Rule, RuleContext } from './rule';

function check(context: RuleContext): void {
  for (const problem of effectiveConfigOf(context).problems) {
    if (problem.kind !== 'includeCycle' && problem.kind !== 'includeTooDeep') continue;
    context.report({
      file: problem.file,
      start: problem.start,
      end: problem.end,
      message: problem.message,
      severity: problem.kind === 'includeTooDeep' ? 'warning' : undefined,
    });
  }
}

export const UW002: Rule = {
  code: 'UW002',
  name: 'includeCycle',
  summary: 'An `ini =`/`include =`/`inherit =` chain includes a file (and section) it is already reading.',
  defaultSeverity: 'error',
  check,
};
