import type { Rule } from './rule';

/**
 * Every rule, in code order. This list is the only place rules are registered; settings
 * schema, docs index and tests are checked against it.
 */
export const RULES: readonly Rule[] = [
];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((rule) => rule.code === code);
}
