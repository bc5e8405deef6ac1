import { reportHazards } from '../fork/forkFindings';
import type { Rule } from './rule';

/** A non-DB-API network client (MongoClient, Elasticsearch…) created at import in a process that later forks. */
export const UW303: Rule = {
  code: 'UW303',
  name: 'clientBeforeFork',
  summary: 'A network client (MongoClient, Elasticsearch…) is created while uWSGI imports the app, before it forks',
  defaultSeverity: 'warning',
  check(context) {
    reportHazards(context, { family: 'network', sharedImport: false, noun: 'a network client' });
  },
};
