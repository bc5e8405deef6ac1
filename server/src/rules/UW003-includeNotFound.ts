import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Rule, RuleContext } from './rule';

function check(context: RuleContext): void {
  for (const problem of effectiveConfigOf(context).problems) {
    if (problem.kind !== 'includeNotFound') continue;
    const literal = /[$%@]\(/.test(problem.chain[problem.chain.length - 1] ?? '')
      ? ' Includes are read immediately, before $(ENV), @(file) and %(placeholder) are expanded, so uWSGI looks for this path literally; only magic variables such as %d work here.'
      : '';
    const chain = problem.chain.length > 2 ? ` (included via ${problem.chain.slice(0, -1).join(' → ')})` : '';
    context.report({
      file: problem.file,
      start: problem.start,
      end: problem.end,
      message: problem.conditional
        ? `${problem.message} It is included inside a logic block, so uWSGI fails only when that block applies.${literal}${chain}`
        : `${problem.message} uWSGI cannot start with this config ("No such file or directory").${literal}${chain}`,
      severity: problem.conditional ? 'warning' : undefined,
    });
  }
}

export const UW003: Rule = {
  code: 'UW003',
  name: 'includeNotFound',
  summary: 'A file named by `ini =`, `include =`, `inherit =` or another config loader does not exist.',
  defaultSeverity: 'error',
  check,
};
