import { appEntriesOf } from '../app/appEntries';
import type { AppEntry } from '../app/appEntry';
import { isEntryMissing } from '../app/loadProblems';
import type { Rule, RuleContext } from './rule';

/**
 * Information, not a warning: the module may be an installed package or live outside the
 * workspace. What it does say is that the linter cannot check the code uWSGI will run.
 */
function check(context: RuleContext): void {
  for (const entry of appEntriesOf(context)) {
    if (!isEntryMissing(context, entry)) continue;
    context.report({
      file: entry.origin.file,
      start: entry.origin.start,
      end: entry.origin.end,
      message: messageFor(entry),
    });
  }
}

function messageFor(entry: AppEntry): string {
  const path = entry.kind === 'mount' ? entry.value.slice(entry.value.indexOf('=') + 1) : entry.value;
  const what = entry.moduleName ? `Module '${entry.moduleName}'` : `File '${path.trim()}'`;
  const searched = entry.searched && entry.searched.length > 0 ? ` Searched: ${entry.searched.join(', ')}.` : '';
  const notes = entry.mappingNotes.length > 0 ? ` Path mapping: ${entry.mappingNotes.join('; ')}.` : '';
  const consequence =
    entry.kind === 'import' || entry.kind === 'shared-import'
      ? 'If it is not installed either, uWSGI logs an ImportError at startup and carries on without it.'
      : 'If it is not installed either, uWSGI cannot load the app.';
  return `${what} (${entry.key}) was not found in the workspace, so its code is not checked; it may be installed elsewhere (site-packages).${searched}${notes} ${consequence}`;
}

export const UW201: Rule = {
  code: 'UW201',
  name: 'entryNotFound',
  summary: 'The module or file uWSGI loads (module, wsgi-file, mount, import) is not in the workspace.',
  defaultSeverity: 'information',
  check,
};
