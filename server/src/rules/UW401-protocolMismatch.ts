import type { Fix } from '../core/finding';
import { atoi, effectiveConfigOf } from '../config/effectiveConfig';
import { renameKeyEdit } from '../fixes/iniEdits';
import { frontEndLinksOf, nginxRelated, nginxWhere, type FrontEndLink } from '../serving/frontEnd';
import type { Rule, RuleContext } from './rule';

/**
 * nginx and uWSGI must speak the same protocol on the socket between them. `proxy_pass` sends HTTP;
 * a `socket =` (uwsgi protocol) reads `GET ` as a packet header and logs `invalid request block size:
 * 21573 (max 4096)...skip`; `uwsgi_pass` sends a binary uwsgi packet an `http-socket` cannot parse.
 * Either way the connection is dropped and nginx answers 502.
 */
function check(context: RuleContext): void {
  const reported = new Set<string>();
  for (const link of frontEndLinksOf(context)) {
    const { socket, pass } = link;
    if (socket.protocol !== 'uwsgi' && socket.protocol !== 'http') continue;
    if (socket.protocol === pass.protocol) continue;
    const key = `${socket.entry.order}\0${pass.directive.file}\0${pass.directive.start}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const entry = socket.entry;
    const speaks = socket.protocol === 'uwsgi' ? 'the binary uwsgi protocol' : 'HTTP';
    const sends = pass.protocol === 'http' ? 'HTTP' : 'uwsgi packets';
    const symptom = pass.protocol === 'http' ? httpIntoUwsgi(context) : 'uWSGI cannot parse the request';
    context.report({
      file: entry.file,
      start: entry.span.start,
      end: entry.span.end,
      message: `'${entry.key} = ${entry.raw}' speaks ${speaks}, but nginx sends ${sends} to it (${nginxWhere(context, link)}, matched by ${link.how}): ${symptom}, drops the connection and nginx answers 502. ${advice(link)}`,
      related: nginxRelated(link, `nginx ${pass.directive.name} sends ${sends} here.`),
      fixes: switchKeyFix(context, link),
    });
    context.report({
      file: pass.directive.file,
      start: pass.directive.start,
      end: pass.directive.end,
      message: `'${pass.directive.name}' sends ${sends}, but the uWSGI socket it reaches ('${entry.key} = ${entry.raw}') speaks ${speaks}: every request through it ends in 502. ${advice(link)}`,
      related: [{ file: entry.file, start: entry.span.start, end: entry.span.end, message: `The uWSGI socket (${speaks}).` }],
    });
  }
}

/** `GET ` read as a uwsgi header announces 0x5445 = 21573 bytes of variables. */
function httpIntoUwsgi(context: RuleContext): string {
  const entry = effectiveConfigOf(context).get('buffer-size');
  const size = entry && !entry.conditional ? atoi(entry.value) : 4096;
  return size > 0 && size < 21573
    ? `uWSGI reads "GET " as a uwsgi header, logs "invalid request block size: 21573 (max ${size})...skip"`
    : `uWSGI reads "GET " as a uwsgi header announcing 21573 bytes that never arrive, times out`;
}

function advice(link: FrontEndLink): string {
  return link.pass.protocol === 'http'
    ? `Use 'http-socket' in uWSGI, or 'uwsgi_pass' with 'include uwsgi_params;' in nginx.`
    : `Use 'socket' (uwsgi protocol) in uWSGI, or 'proxy_pass http://…' in nginx.`;
}

/** Renaming the key is lossless; it is offered, not preferred, since changing nginx is just as valid. */
function switchKeyFix(context: RuleContext, link: FrontEndLink): Fix[] {
  const { entry, router } = link.socket;
  if (router || entry.origin !== 'ini' || !entry.entry || entry.conditional) return [];
  const newKey = link.pass.protocol === 'http' ? 'http-socket' : 'socket';
  // `socket` with a `protocol =` line would keep following it; only a plain switch is unambiguous.
  if (newKey === 'socket' && effectiveConfigOf(context).get('protocol')) return [];
  return [{ title: `Change '${entry.key}' to '${newKey}'`, edits: [renameKeyEdit(entry.file, entry.entry, newKey)] }];
}

export const UW401: Rule = {
  code: 'UW401',
  name: 'protocolMismatch',
  summary: 'nginx `proxy_pass` to a uwsgi-protocol `socket`, or `uwsgi_pass` to an `http-socket`: every request ends in 502.',
  defaultSeverity: 'warning',
  check,
};
