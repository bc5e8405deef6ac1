import { pinAtLeast, pinnedVersion } from '../deploy/pythonPins';
import { importModelOf } from '../python/importModelOf';
import type { Rule } from './rule';

/**
 * `before_first_request` was deprecated in Flask 2.2 and removed in 2.3 (AttributeError at
 * import). It runs once per worker after the fork, so it is never a UW301.
 */
export const UW302: Rule = {
  code: 'UW302',
  name: 'beforeFirstRequest',
  summary: '`before_first_request` is deprecated in Flask 2.2 and removed in 2.3',
  defaultSeverity: 'warning',
  check(context) {
    const model = importModelOf(context);
    if (model.status !== 'ok') return;
    const pin = pinnedVersion(context, 'flask');
    const removed = pinAtLeast(pin, '2.3') === true;
    const seen = new Set<string>();
    for (const hook of model.hooks) {
      if (hook.kind !== 'beforeFirstRequest') continue;
      const key = `${hook.site.file}:${hook.site.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const pinned = !pin ? '' : pin.specifier ? ` (${pin.via} pins Flask ${pin.specifier})` : ` (${pin.via} lists Flask without a version)`;
      const message = removed
        ? `\`before_first_request\` was removed in Flask 2.3${pinned}: importing the app fails with AttributeError, so no worker serves it. ` +
          'Run the setup once at import and dispose the engine afterwards, or in a `flask` CLI command run at deploy time.'
        : `\`before_first_request\` is deprecated since Flask 2.2 and removed in 2.3${pinned}; upgrading breaks the import with AttributeError. ` +
          'It runs once per worker after the fork (not a preforked connection), so concurrent workers race on an empty database. ' +
          'Move the setup to import time with an engine dispose after it, or to a `flask` CLI command.';
      context.report({ ...hook.site, message, severity: removed ? 'error' : 'warning', tags: ['deprecated'] });
    }
  },
};
