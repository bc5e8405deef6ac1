import { pythonPins } from '../deploy/pythonPins';
import { normalizePackageName } from '../deploy/requirementLine';
import type { RuleContext } from '../rules/rule';
import type { AppEntry } from './appEntry';
import { moduleDefinitionsOf, type ModuleDefinitions } from './moduleDefinitions';

/** Standard-library modules sometimes imported from the config (`import = logging.config`). */
const STDLIB = new Set(['os', 'sys', 'logging', 'gc', 'faulthandler', 'signal', 'threading', 'atexit', 'site', 'encodings', 'importlib', 'json', 'time', 'socket', 'ssl']);

/**
 * The entry is not in the workspace and is not a known dependency: UW201's condition.
 * A module named after a pinned dependency (`import = newrelic`) is installed, not ours.
 */
export function isEntryMissing(context: RuleContext, entry: AppEntry): boolean {
  if (entry.filePath || !entry.source) return false;
  const top = entry.moduleName?.split('.')[0];
  if (!top) return true;
  const pinned = context.memo('app.pinnedNames', () => new Set(pythonPins(context).map((p) => p.name)));
  return !pinned.has(normalizePackageName(top)) && !STDLIB.has(top);
}

/**
 * The module defines no such callable, as far as a light look can tell: UW202's condition.
 * Undefined when the callable is there or the module hides its names.
 */
export function missingCallable(context: RuleContext, entry: AppEntry): ModuleDefinitions | undefined {
  if (entry.kind === 'import' || entry.kind === 'shared-import') return undefined;
  if (!entry.filePath || !entry.callable || !entry.source) return undefined;
  const defs = moduleDefinitionsOf(context, entry.filePath);
  if (!defs || defs.opaque || defs.definesApplications || defs.names.has(entry.callable)) return undefined;
  // `module = shop:app` with a submodule shop/app.py: importing it anywhere sets the attribute.
  if (entry.filePath.endsWith('/__init__.py')) {
    const dir = entry.filePath.slice(0, -'/__init__.py'.length);
    if (context.fs.kind(`${dir}/${entry.callable}.py`) === 'file' || context.fs.kind(`${dir}/${entry.callable}`) === 'directory') return undefined;
  }
  return defs;
}

/**
 * A `.py`/`.wsgi` mount that fails to load makes uWSGI exit with code 22 at once, whatever
 * `need-app` says (facts §4 mount): the failure is already loud.
 */
export function failedLoadExits(entry: AppEntry): boolean {
  if (entry.kind !== 'mount' || entry.moduleName !== undefined) return false;
  const target = entry.filePath ?? entry.value.slice(entry.value.indexOf('=') + 1).trim();
  return /\.(py|wsgi)$/.test(target);
}
