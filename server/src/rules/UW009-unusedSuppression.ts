import type { Rule } from './rule';

/**
 * Reported by `applySuppressions` after every other rule ran, because only then is it known
 * which suppressions matched nothing; registered here for settings, docs and severity overrides.
 */
export const UW009: Rule = {
  code: 'UW009',
  name: 'unusedSuppression',
  summary: 'A `uwsgi-lint: disable…` comment that suppresses nothing.',
  defaultSeverity: 'hint',
  check() {},
};
