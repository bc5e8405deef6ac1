import { appEntriesOf, appLoadingEntries } from '../app/appEntries';
import { appNeverImported } from '../app/appNeverImported';
import { failedLoadExits, isEntryMissing, missingCallable } from '../app/loadProblems';
import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Fix } from '../core/finding';
import { setOptionEdits } from '../fixes/iniEdits';
import type { Rule, RuleContext } from './rule';

/**
 * uWSGI 2.0 defaults to `need-app = false`: an app that fails to import leaves a server that
 * answers every request with HTTP 500. 2.1 turned the default on, so only 2.0 is told, and only
 * when the app may well fail to load (UW201/UW202), so a healthy config is not nagged. An explicit
 * `need-app = false` is uWSGI's false (facts §2), so it is told too; a failing `.py` mount exits anyway.
 */
function check(context: RuleContext): void {
  if (!context.settings.uwsgiVersion.startsWith('2.0')) return;
  const config = effectiveConfigOf(context);
  const needApp = config.truthy('need-app');
  if (needApp !== undefined && needApp !== false) return;
  // uWSGI already stops on the config before loading anything: need-app changes nothing.
  const never = appNeverImported(context);
  if (never && never.reason !== 'noPythonPlugin') return;
  const failing = appLoadingEntries(appEntriesOf(context)).filter(
    (entry) => isEntryMissing(context, entry) || missingCallable(context, entry) !== undefined,
  );
  if (failing.some(failedLoadExits)) return;
  const first = failing[0];
  const source = first?.source;
  if (!source) return;
  const fixes: Fix[] = [];
  const rootFile = config.files[0];
  const doc = source.origin === 'ini' && source.doc ? source.doc : rootFile?.doc;
  const file = source.origin === 'ini' && source.doc ? source.file : rootFile?.path;
  const section = source.entry?.section ?? context.section;
  if (doc && file) {
    const edits = setOptionEdits(doc, file, section, 'need-app', 'true');
    if (edits.length > 0) fixes.push({ title: needApp === false ? 'Set need-app = true' : 'Add need-app = true', preferred: true, edits });
  }
  context.report({
    file: source.file,
    start: source.keySpan.start,
    end: source.keySpan.end,
    message: `This app may fail to load (${first.filePath ? `the callable '${first.callable}' is not defined` : 'it is not in the workspace'}). On uWSGI 2.0 a failed load does not stop startup: uWSGI goes into "full dynamic mode" and answers every request with HTTP 500 ("no python application found"). Set 'need-app = true' so it exits instead and the deploy fails visibly (2.1 does this by default).`,
    fixes,
  });
}

export const UW203: Rule = {
  code: 'UW203',
  name: 'needApp',
  summary: 'On uWSGI 2.0, when the app may fail to load, suggest `need-app = true` so startup stops instead of serving HTTP 500s.',
  defaultSeverity: 'information',
  check,
};
