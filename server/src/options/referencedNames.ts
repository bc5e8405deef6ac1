import type { EffectiveConfig } from '../config/effectiveConfig';
import { parenthesisedInners } from '../core/parenthesised';

const MATH_OPERATORS = new Set(['+', '-', '*', '/', '++', '--']);

/**
 * Names the configuration reads as placeholders: `%(name)` (each operand of `%(a + 1)`), and
 * `if-opt`/`if-not-opt = name[=value]`. An unknown key with one of these names is a placeholder
 * definition, not a typo (uWSGI keeps every unknown key as a placeholder).
 */
export function placeholderReferencesOf(config: EffectiveConfig): Set<string> {
  const names = new Set<string>();
  for (const entry of config.entries) {
    for (const raw of parenthesisedInners(entry.raw, '%')) {
      const inner = raw.trim();
      const parts = inner.split(/\s+/);
      if (parts.some((part) => MATH_OPERATORS.has(part))) {
        for (const part of parts) if (!MATH_OPERATORS.has(part) && !/^\d+$/.test(part)) names.add(part);
      } else {
        names.add(inner);
      }
    }
    if (entry.key === 'if-opt' || entry.key === 'if-not-opt') {
      const eq = entry.raw.indexOf('=');
      names.add((eq < 0 ? entry.raw : entry.raw.slice(0, eq)).trim());
    }
  }
  return names;
}

/** Names declared with `set-placeholder`/`set-ph` (placeholders) or `declare-option(2)` (custom options). */
export function declaredNamesOf(config: EffectiveConfig): Set<string> {
  const names = new Set<string>();
  for (const entry of config.entries) {
    if (entry.placeholderOnly) names.add(entry.key);
    if (entry.key === 'declare-option' || entry.key === 'declare-option2') {
      const eq = entry.value.indexOf('=');
      if (eq > 0) names.add(entry.value.slice(0, eq).trim());
    }
  }
  return names;
}
