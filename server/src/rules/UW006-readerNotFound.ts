import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Rule, RuleContext } from './rule';

function check(context: RuleContext): void {
  for (const problem of effectiveConfigOf(context).problems) {
    if (problem.kind !== 'readerNotFound') continue;
    context.report({
      file: problem.file,
      start: problem.start,
      end: problem.end,
      message: problem.conditional ? `${problem.message} (The option sits in a logic block, so only when it applies.)` : problem.message,
      severity: problem.conditional ? 'warning' : undefined,
    });
  }
}

export const UW006: Rule = {
  code: 'UW006',
  name: 'readerNotFound',
  summary: 'An `@(file)` value reader names a file that does not exist, which stops uWSGI at startup.',
  defaultSeverity: 'error',
  check,
};
