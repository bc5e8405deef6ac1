import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Fix } from '../core/finding';
import type { RuleContext } from '../rules/rule';
import { replaceValueEdit, setOptionEdits } from './iniEdits';

/**
 * "Set lazy-apps = true" where the effective config reads it: a falsy `lazy-apps` entry that
 * decides the mode is changed in place (also `lazy-apps = false ; x`), otherwise the option is
 * added to the analysed section of the root file. Undefined when no edit is possible.
 */
export function lazyAppsFix(context: RuleContext): Fix | undefined {
  const config = effectiveConfigOf(context);
  const deciding = config.get('lazy-apps');
  let edits;
  if (deciding && deciding.origin === 'ini' && deciding.entry && !deciding.conditional) {
    edits = deciding.value.trim() === 'true' ? [] : [replaceValueEdit(deciding.file, deciding.entry, 'true')];
  } else {
    const root = config.files.find((f) => f.role === 'root')?.doc;
    if (!root) return undefined;
    edits = setOptionEdits(root, config.rootPath, context.section, 'lazy-apps', 'true');
  }
  if (edits.length === 0) return undefined;
  return { title: 'Set lazy-apps = true (load the app in each worker after the fork)', preferred: true, edits };
}
