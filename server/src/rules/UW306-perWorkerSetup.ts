import { forkModelOf } from '../fork/forkModel';
import { perWorkerSetups } from '../fork/hazards';
import { importModelOf } from '../python/importModelOf';
import type { Rule } from './rule';

/**
 * One-time setup that writes (create_all, seeding commits) but runs once per worker, concurrently:
 * measured races on an empty database, and under lazy-apps a worker that fails to import.
 */
export const UW306: Rule = {
  code: 'UW306',
  name: 'perWorkerSetup',
  summary: 'Schema creation or seeding runs once per worker (lazy-apps, lazy, before_first_request) and races on an empty database',
  defaultSeverity: 'information',
  check(context) {
    const model = importModelOf(context);
    if (model.status !== 'ok') return;
    const fork = forkModelOf(context);
    for (const setup of perWorkerSetups(model, fork)) {
      const how =
        setup.via === 'lazy'
          ? 'With lazy-apps/lazy every worker imports the app, so this setup runs once per worker at the same time. On an empty database the workers race ' +
            '("duplicate key value violates unique constraint", "relation ... already exists"); measured: a worker whose import fails then answers ' +
            '"no python application found" (500) for good, or with need-app uWSGI exits and nginx answers 502.'
          : '`before_first_request` runs once per worker after the fork, at the same time. On an empty database the workers race ' +
            '("duplicate key value violates unique constraint", "relation ... already exists"); measured: 500s for the first requests until it succeeds.';
      context.report({
        ...setup.first.site,
        message: `\`${setup.first.site.label}\` writes to the database in one-time setup. ${how} Run it once instead: before the fork with the engine disposed afterwards, or as a deploy step (\`flask db upgrade\`, a CLI command).`,
      });
    }
  },
};
