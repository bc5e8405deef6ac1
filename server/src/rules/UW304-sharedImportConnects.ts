import { reportHazards } from '../fork/forkFindings';
import type { Rule } from './rule';

/** `shared-import` modules run in the master even with lazy-apps: a connection they open is shared. */
export const UW304: Rule = {
  code: 'UW304',
  name: 'sharedImportConnects',
  summary: 'A shared-import module opens a connection, which runs in the master even with lazy-apps',
  defaultSeverity: 'warning',
  check(context) {
    reportHazards(context, { family: 'database', sharedImport: true, noun: 'a connection' });
    reportHazards(context, { family: 'network', sharedImport: true, noun: 'a network client' });
  },
};
