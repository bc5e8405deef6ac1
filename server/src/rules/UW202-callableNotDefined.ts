import { appEntriesOf, appLoadingEntries } from '../app/appEntries';
import type { AppEntry } from '../app/appEntry';
import { failedLoadExits, missingCallable } from '../app/loadProblems';
import { effectiveConfigOf } from '../config/effectiveConfig';
import type { EffectiveConfig } from '../config/effectiveConfig';
import type { Fix, RelatedSpan } from '../core/finding';
import { setOptionEdits, replaceValueEdit } from '../fixes/iniEdits';
import type { Rule, RuleContext } from './rule';

/**
 * uWSGI looks the callable up by name in the module's namespace (`PyDict_GetItemString`); a
 * Flask object called `app` is invisible to the default `application`.
 */
function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  for (const entry of appLoadingEntries(appEntriesOf(context))) {
    const defs = missingCallable(context, entry);
    if (!defs || !entry.filePath || !entry.callable) continue;
    const candidate = defs.appCandidates.find((name) => name !== entry.callable);
    const related: RelatedSpan[] = [{ file: entry.filePath, start: 0, end: 0, message: `${entry.callable} is not defined at the top level of this module` }];
    const option = config.get('callable');
    if (entry.callableFrom === 'option' && option) related.push({ ...option.valueSpan, message: 'the callable name comes from this option' });
    const found = candidate ? defs.names.get(candidate) : undefined;
    if (found) related.push({ file: entry.filePath, start: found.start, end: found.end, message: `'${candidate}' looks like the WSGI app` });
    context.report({
      file: entry.origin.file,
      start: entry.origin.start,
      end: entry.origin.end,
      message: messageFor(context, config, entry, candidate),
      related,
      fixes: candidate && !entry.callsFactory ? fixesFor(config, entry, candidate) : undefined,
    });
  }
}

function messageFor(context: RuleContext, config: EffectiveConfig, entry: AppEntry, candidate: string | undefined): string {
  const where = entry.moduleName ? `module '${entry.moduleName}'` : `'${entry.filePath?.split('/').pop()}'`;
  const what = entry.callsFactory ? `the factory '${entry.callable}()'` : `the callable '${entry.callable}'`;
  const source =
    entry.callableFrom !== 'default'
      ? ''
      : entry.kind === 'module'
        ? " (uWSGI's default when neither `callable` nor `module = x:name` names one)"
        : " (uWSGI's default when `callable` is not set)";
  const hint = candidate ? ` The app object there is '${candidate}'.` : '';
  return `uWSGI looks for ${what}${source} in ${where}, which does not define it.${hint} ${consequence(context, config, entry)}`;
}

function consequence(context: RuleContext, config: EffectiveConfig, entry: AppEntry): string {
  if (failedLoadExits(entry)) {
    return 'A .py/.wsgi mount that fails to load makes uWSGI exit with code 22 at startup.';
  }
  const needApp = config.truthy('need-app');
  const on21 = context.settings.uwsgiVersion === '2.1';
  if (needApp === true || (on21 && needApp !== false)) {
    const why = needApp === true ? 'With need-app on' : 'On uWSGI 2.1 (need-app on by default)';
    return `${why}, uWSGI then exits at startup ("no app loaded. GAME OVER", exit code 22).`;
  }
  return 'uWSGI 2.0 then keeps running and answers every request with HTTP 500 ("no python application found, check your startup logs for errors").';
}

function fixesFor(config: EffectiveConfig, entry: AppEntry, name: string): Fix[] {
  const source = entry.source!;
  const fixes: Fix[] = [];
  const raw = source.raw;
  const inIni = source.origin === 'ini' && source.entry !== undefined && source.doc !== undefined;
  if (inIni && entry.callableFrom === 'value' && (entry.kind === 'module' || entry.kind === 'mount')) {
    const colon = raw.lastIndexOf(':');
    if (colon >= 0 && !/\(\s*\)\s*$/.test(raw)) {
      fixes.push({
        title: `Change the callable to '${name}'`,
        preferred: true,
        edits: [{ file: source.file, start: source.valueSpan.start + colon + 1, end: source.valueSpan.end, newText: name }],
      });
    }
    return fixes;
  }
  if (inIni && entry.kind === 'module' && !raw.includes(':')) {
    fixes.push({
      title: `Load '${name}': ${source.key} = ${raw}:${name}`,
      preferred: true,
      edits: [{ file: source.file, start: source.valueSpan.end, end: source.valueSpan.end, newText: `:${name}` }],
    });
  }
  const callableEdits = callableOptionEdits(config, entry, name);
  if (callableEdits) {
    fixes.push({ title: `Set callable = ${name}`, preferred: fixes.length === 0, edits: callableEdits });
  }
  return fixes;
}

/** Replaces the value of the `callable` line that decides, else adds one next to the entry. */
function callableOptionEdits(config: EffectiveConfig, entry: AppEntry, name: string): Fix['edits'] | undefined {
  const existing = config.get('callable');
  if (existing) {
    return existing.origin === 'ini' && existing.entry ? [replaceValueEdit(existing.file, existing.entry, name)] : undefined;
  }
  const source = entry.source!;
  if (source.origin !== 'ini' || !source.doc || !source.entry) return undefined;
  const edits = setOptionEdits(source.doc, source.file, source.entry.section, 'callable', name);
  return edits.length > 0 ? edits : undefined;
}

export const UW202: Rule = {
  code: 'UW202',
  name: 'callableNotDefined',
  summary: 'The WSGI callable uWSGI looks up (`application` by default) is not defined in the entry module.',
  defaultSeverity: 'error',
  check,
};
