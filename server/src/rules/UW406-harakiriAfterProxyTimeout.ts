import { effectiveConfigOf } from '../config/effectiveConfig';
import { inheritedDirective, spanOf } from '../deploy/nginxSetup';
import type { NginxDirective } from '../deploy/nginxSyntax';
import { parseNginxTime } from '../deploy/nginxValues';
import { frontEndLinksOf, nginxRelated, nginxWhere, type FrontEndLink } from '../serving/frontEnd';
import type { Rule, RuleContext } from './rule';

/** nginx's default `uwsgi_read_timeout` and `proxy_read_timeout`. */
const NGINX_DEFAULT_READ_TIMEOUT = 60;

/**
 * A worker stuck on a request makes nginx answer 504 once its read timeout passes; `harakiri` kills
 * the worker only later. In between the worker keeps running a request nobody waits for, so
 * harakiri never gets to free a worker while the client is still there.
 */
function check(context: RuleContext): void {
  const entry = effectiveConfigOf(context).get('harakiri');
  if (!entry || entry.conditional || entry.unresolved) return;
  const harakiri = Number.parseInt(entry.value, 10);
  if (!(harakiri > 0)) return;
  let shortest: { link: FrontEndLink; seconds: number; directive?: NginxDirective } | undefined;
  for (const link of frontEndLinksOf(context)) {
    const reaches = link.socket.protocol === link.pass.protocol || (link.socket.router && link.pass.protocol === 'http');
    if (!reaches) continue;
    const name = link.pass.protocol === 'uwsgi' ? 'uwsgi_read_timeout' : 'proxy_read_timeout';
    const directive = inheritedDirective(link.pass, name);
    const seconds = directive ? parseNginxTime(directive.args[0]?.text ?? '') : NGINX_DEFAULT_READ_TIMEOUT;
    if (seconds === undefined) continue;
    if (!shortest || seconds < shortest.seconds) shortest = { link, seconds, directive };
  }
  if (!shortest || harakiri <= shortest.seconds) return;
  const { link, seconds, directive } = shortest;
  const name = link.pass.protocol === 'uwsgi' ? 'uwsgi_read_timeout' : 'proxy_read_timeout';
  const timeout = directive ? `${name} ${directive.args[0].text}` : `${name} (default ${NGINX_DEFAULT_READ_TIMEOUT}s)`;
  const related = nginxRelated(link, 'nginx passes requests to uWSGI here.');
  if (directive) related.push({ ...spanOf(directive), message: `nginx gives up after ${seconds}s.` });
  context.report({
    file: entry.file,
    start: entry.span.start,
    end: entry.span.end,
    message: `'${entry.key} = ${entry.raw}' kills a stuck worker after ${harakiri}s, but nginx in front (${nginxWhere(context, link)}) gives up after ${seconds}s (${timeout}) and answers 504: for the remaining ${harakiri - seconds}s the worker keeps running a request nobody waits for. Set harakiri to at most nginx's read timeout, or raise the timeout if requests may really take that long.`,
    related,
  });
}

export const UW406: Rule = {
  code: 'UW406',
  name: 'harakiriAfterProxyTimeout',
  summary: '`harakiri` longer than nginx\'s read timeout: nginx answers 504 first and the stuck worker keeps running.',
  defaultSeverity: 'hint',
  check,
};
