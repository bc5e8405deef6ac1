import { appEntriesOf } from '../app/appEntries';
import { reportHazards } from '../fork/forkFindings';
import { importModelOf } from '../python/importModelOf';
import type { Rule, RuleContext } from './rule';

/**
 * A database connection opened while uWSGI imports the app in a process that later forks:
 * the workers share one socket and TLS session (the headline "bad record mac" failure).
 */
export const UW301: Rule = {
  code: 'UW301',
  name: 'connectionBeforeFork',
  summary: 'A database connection is opened while uWSGI imports the app, before it forks the workers',
  defaultSeverity: 'warning',
  check(context) {
    if (reportParserUnavailable(context)) return;
    reportHazards(context, { family: 'database', sharedImport: false, noun: 'a database connection' });
  },
};

/** Without the parser nothing Python-side is known: say so once, on each entry, instead of staying silent. */
function reportParserUnavailable(context: RuleContext): boolean {
  const model = importModelOf(context);
  if (model.status === 'ok') return false;
  for (const entry of appEntriesOf(context)) {
    if (!entry.filePath) continue;
    context.report({
      ...entry.origin,
      severity: 'information',
      message: `uwsgi-lint could not check ${entry.filePath} for connections opened before the fork: ${model.problem}.`,
    });
  }
  return true;
}
