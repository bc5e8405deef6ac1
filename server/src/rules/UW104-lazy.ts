import { effectiveConfigOf } from '../config/effectiveConfig';
import type { EffectiveEntry } from '../config/model';
import { iniEntries } from '../config/readSections';
import { isTruthy } from '../config/truthiness';
import type { Fix } from '../core/finding';
import { removeLineEdit } from '../fixes/iniEdits';
import type { Rule, RuleContext } from './rule';

/**
 * `lazy = true` loads the app per worker like `lazy-apps`, but also changes reloads (SIGHUP
 * only recycles workers, so config changes are not picked up). A falsy `lazy` does nothing.
 */
function fixFor(entry: EffectiveEntry, lazyAppsAlreadyOn: boolean): Fix {
  const line = entry.entry!.line;
  if (!isTruthy(entry.raw) || lazyAppsAlreadyOn) {
    return {
      title: isTruthy(entry.raw) ? "Remove 'lazy' (lazy-apps is already on)" : "Remove 'lazy' (it is off and does nothing)",
      preferred: true,
      edits: [removeLineEdit(entry.doc!, entry.file, line)],
    };
  }
  return {
    title: "Replace 'lazy' with 'lazy-apps = true'",
    preferred: true,
    edits: [{ file: entry.file, start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.valueSpan.end), newText: 'lazy-apps = true' }],
  };
}

function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  const lazyAppsOn = config.truthy('lazy-apps') === true;
  for (const entry of iniEntries(config)) {
    if (entry.option !== 'lazy') continue;
    const on = isTruthy(entry.raw);
    context.report({
      file: entry.file,
      start: entry.keySpan.start,
      end: entry.keySpan.end,
      message: on
        ? "'lazy' is discouraged by uWSGI (\"only for backward compatibility\"): besides loading the app in each worker, it makes a reload recycle only the workers, so config changes are not picked up. Use 'lazy-apps = true'."
        : "'lazy' is discouraged by uWSGI, and this falsy value does nothing; use 'lazy-apps' to load the app in each worker.",
      tags: ['deprecated'],
      fixes: [fixFor(entry, lazyAppsOn)],
    });
  }
}

export const UW104: Rule = {
  code: 'UW104',
  name: 'lazyDiscouraged',
  summary: '`lazy` is discouraged by uWSGI; `lazy-apps` loads the app per worker without changing reloads.',
  defaultSeverity: 'warning',
  check,
};
