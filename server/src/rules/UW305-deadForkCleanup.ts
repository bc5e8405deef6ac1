import { deadHooks, type DeadHook } from '../fork/hazards';
import { forkModelOf } from '../fork/forkModel';
import { importModelOf } from '../python/importModelOf';
import type { Rule } from './rule';

const WHY: Record<DeadHook['reason'], string> = {
  lazy:
    'With lazy-apps (or lazy) uWSGI runs the post-fork hooks before it imports the app in each worker, so a hook registered during the import never runs. ' +
    'lazy-apps already gives each worker its own connection, so the hook can go.',
  noMaster:
    'uwsgidecorators refuses to import without a master ("you have to enable the uWSGI master process to use this module"), so the app fails to load and the post-fork cleanup never runs. ' +
    'Enable `master = true`, or assign a plain function to `uwsgi.post_fork_hook`.',
  overwritten:
    'there is only one `uwsgi.post_fork_hook`: importing uwsgidecorators replaces a hook assigned before it with its own @postfork chain, ' +
    'and assigning the hook after that import replaces the chain, so @postfork functions stop running. Register every cleanup with @postfork, or only assign the hook.',
  noAfterFork:
    'uWSGI forks with a raw fork() and skips PyOS_AfterFork_Child(), so os.register_at_fork(after_in_child=…) callbacks are not called in workers unless ' +
    '`py-call-osafterfork = true` is set (or `py-call-uwsgi-fork-hooks = true` with threads, which 2.0.21–2.0.26 only have with enable-threads or threads > 1). ' +
    'Set py-call-osafterfork = true, or use a uWSGI post-fork hook.',
};

/** A post-fork cleanup that this config never runs, so it protects nothing. */
export const UW305: Rule = {
  code: 'UW305',
  name: 'deadForkCleanup',
  summary: 'A post-fork cleanup (postfork, uwsgi.post_fork_hook, os.register_at_fork) that uWSGI never runs with this config',
  defaultSeverity: 'warning',
  check(context) {
    const model = importModelOf(context);
    if (model.status !== 'ok') return;
    const fork = forkModelOf(context);
    for (const dead of deadHooks(model, fork)) {
      const entry = model.entries[dead.entryIndex];
      context.report({
        ...dead.site,
        message: `This post-fork cleanup never runs: ${WHY[dead.reason]}`,
        severity: dead.reason === 'noMaster' ? 'error' : dead.reason === 'lazy' ? 'information' : 'warning',
        tags: dead.reason === 'lazy' ? ['unnecessary'] : undefined,
        related: entry ? [{ ...entry.origin, message: `imported for ${entry.key} = ${entry.value}` }] : undefined,
      });
    }
  },
};
