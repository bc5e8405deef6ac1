import { basename } from '../core/fileSystem';
import type { RelatedSpan } from '../core/finding';
import { nginxSetupOf, spanOf, type NginxPass, type NginxTarget } from '../deploy/nginxSetup';
import { targetOfIni } from '../deploy/pathMapping';
import { displayBase, relativeTo } from '../deploy/searchDirs';
import type { RuleContext } from '../rules/rule';
import { composeServiceNames, sharedPathKeys } from './composeVolumes';
import { uwsgiSocketsOf, type UwsgiSocket } from './uwsgiSockets';

/** An nginx `uwsgi_pass`/`proxy_pass` that reaches one of this config's sockets. */
export interface FrontEndLink {
  pass: NginxPass;
  target: NginxTarget;
  socket: UwsgiSocket;
  /** How the two were matched, for messages: `path`, `shared volume`, `socket file name`, `port`. */
  how: string;
}

/** The nginx passes in the workspace that reach this config's sockets, once per analysis. */
export function frontEndLinksOf(context: RuleContext): FrontEndLink[] {
  return context.memo('serving.frontEnd', () => {
    const sockets = uwsgiSocketsOf(context);
    if (sockets.length === 0) return [];
    const links: FrontEndLink[] = [];
    for (const pass of nginxSetupOf(context).passes) {
      for (const target of pass.targets) {
        for (const socket of sockets) {
          const how = matchHow(context, target, socket);
          if (how) links.push({ pass, target, socket, how });
        }
      }
    }
    // A socket file name is weak evidence: when some pass reaches the socket by its path, drop the guesses
    // (two apps' `/run/a/uwsgi.sock` and `/run/b/uwsgi.sock` share a name).
    const exact = new Set(links.filter((l) => l.how !== 'socket file name').map((l) => l.socket));
    return links.filter((l) => l.how !== 'socket file name' || !exact.has(l.socket));
  });
}

function matchHow(context: RuleContext, target: NginxTarget, socket: UwsgiSocket): string | undefined {
  const a = target.address;
  const b = socket.address;
  if (a.kind === 'unix' && b.kind === 'unix') {
    if (a.path.startsWith('@') || b.path.startsWith('@')) return a.path === b.path ? 'path' : undefined;
    if (a.path.startsWith('/') && b.path.startsWith('/')) {
      if (a.path === b.path) return 'path';
      const keys = sharedPathKeys(context, b.path);
      for (const key of sharedPathKeys(context, a.path)) if (keys.has(key)) return 'shared volume';
    }
    // Containers often mount the socket's folder at different paths; the file name still identifies it.
    return basename(a.path) === basename(b.path) ? 'socket file name' : undefined;
  }
  if (a.kind === 'tcp' && b.kind === 'tcp' && a.port === b.port) {
    return hostCanBeThisService(context, a.host) ? 'port' : undefined;
  }
  return undefined;
}

/** `proxy_pass http://db:8000` names another compose service: the port alone must not tie it to this ini. */
function hostCanBeThisService(context: RuleContext, host: string): boolean {
  const services = composeServiceNames(context);
  if (!services.has(host)) return true;
  const target = targetOfIni(context);
  if (!target || target.kind !== 'compose') return true;
  return target.label.endsWith(` service ${host}`);
}

/** Related information pointing at the nginx text behind a link (the pass, and the upstream server line). */
export function nginxRelated(link: FrontEndLink, message: string): RelatedSpan[] {
  const related: RelatedSpan[] = [{ ...spanOf(link.pass.directive), message }];
  if (link.target.upstream) related.push({ ...link.target.span, message: `Server of upstream '${link.target.upstream}'.` });
  return related;
}

/** `nginx/app.conf:12`-style description of where the nginx directive is, for messages. */
export function nginxWhere(context: RuleContext, link: FrontEndLink): string {
  const d = link.pass.directive;
  return `${relativeTo(displayBase(context), d.file)} '${d.name} ${d.args.map((w) => w.text).join(' ')}'`;
}
