import type { Fix } from '../core/finding';
import { renameKeyEdit } from '../fixes/iniEdits';
import { frontEndLinksOf, nginxRelated, nginxWhere } from '../serving/frontEnd';
import type { Rule, RuleContext } from './rule';

/**
 * `http =` spawns a separate HTTP router process that forwards to the workers over the uwsgi protocol.
 * uWSGI's docs say to expose `http` publicly but use `http-socket` behind a proxy: with nginx in front the
 * router is a second proxy hop (and a process of its own) that buys nothing.
 */
function check(context: RuleContext): void {
  const done = new Set<number>();
  for (const link of frontEndLinksOf(context)) {
    const entry = link.socket.entry;
    if (!link.socket.router || link.pass.protocol !== 'http' || done.has(entry.order)) continue;
    done.add(entry.order);
    const fixes: Fix[] = entry.origin === 'ini' && entry.entry && !entry.conditional
      ? [{ title: `Change '${entry.key}' to 'http-socket'`, edits: [renameKeyEdit(entry.file, entry.entry, 'http-socket')] }]
      : [];
    context.report({
      file: entry.file,
      start: entry.span.start,
      end: entry.span.end,
      message: `'${entry.key} = ${entry.raw}' starts a separate HTTP router process that forwards to the workers, and nginx already proxies to it (${nginxWhere(context, link)}): two proxies in a row. uWSGI's docs advise 'http-socket' behind a proxy, so the workers speak HTTP to nginx directly.`,
      related: nginxRelated(link, 'nginx proxies to the HTTP router here.'),
      fixes,
    });
  }
}

export const UW402: Rule = {
  code: 'UW402',
  name: 'httpRouterBehindProxy',
  summary: '`http =` (a separate HTTP router process) behind nginx, where uWSGI advises `http-socket`.',
  defaultSeverity: 'information',
  check,
};
