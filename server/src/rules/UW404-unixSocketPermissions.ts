import { effectiveConfigOf } from '../config/effectiveConfig';
import type { Fix, RelatedSpan } from '../core/finding';
import { nginxSetupOf, spanOf } from '../deploy/nginxSetup';
import { setOptionEdits } from '../fixes/iniEdits';
import { frontEndLinksOf, nginxRelated, nginxWhere } from '../serving/frontEnd';
import type { Rule, RuleContext } from './rule';

/** Users nginx packages run their workers as; a `uid` naming one of them likely is nginx's own user. */
const NGINX_USERS = new Set(['www-data', 'nginx', 'http', '_www']);

/**
 * Without `chmod-socket`/`chown-socket` a UNIX socket gets uWSGI's user and umask (typically
 * srwxr-xr-x). Connecting needs write permission, so nginx workers running as another user get
 * `(13: Permission denied)` and answer 502.
 */
function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  if (config.get('chmod-socket') || config.get('chown-socket') || config.get('umask')) return;
  const uid = config.get('uid');
  const users = nginxSetupOf(context).users;
  const nginxUser = users[users.length - 1]?.args[0]?.text;
  if (uid && (uid.value === nginxUser || (nginxUser === undefined && NGINX_USERS.has(uid.value)))) return;
  const done = new Set<number>();
  for (const link of frontEndLinksOf(context)) {
    const { socket } = link;
    if (socket.address.kind !== 'unix' || socket.address.path.startsWith('@') || done.has(socket.entry.order)) continue;
    done.add(socket.entry.order);
    const entry = socket.entry;
    const runsAs = uid ? `uWSGI's user '${uid.value}'` : `the user uWSGI starts as`;
    const related: RelatedSpan[] = nginxRelated(link, 'nginx connects to the socket here.');
    if (nginxUser !== undefined) related.push({ ...spanOf(users[users.length - 1]), message: `nginx's workers run as '${nginxUser}'.` });
    context.report({
      file: entry.file,
      start: entry.span.start,
      end: entry.span.end,
      message: `nginx connects to the UNIX socket '${socket.address.path}' (${nginxWhere(context, link)}), but neither chmod-socket nor chown-socket is set: the socket belongs to ${runsAs} with a mode from the umask (usually srwxr-xr-x), so nginx's workers${nginxUser ? ` ('${nginxUser}')` : ''} get "connect() … failed (13: Permission denied)" and answer 502. Set chmod-socket = 660 with nginx in the socket's group (chown-socket = user:group), or 666.`,
      related,
      fixes: chmodFix(context),
    });
  }
}

function chmodFix(context: RuleContext): Fix[] {
  const root = effectiveConfigOf(context).files[0];
  if (!root?.doc) return [];
  // Exactly three octal digits: `0660` makes uWSGI exit with "invalid chmod value".
  const edits = setOptionEdits(root.doc, root.path, context.section, 'chmod-socket', '660', ['chmod-socket', 'chmod']);
  return edits.length > 0 ? [{ title: 'Add chmod-socket = 660 (nginx must be in the socket\'s group)', edits }] : [];
}

export const UW404: Rule = {
  code: 'UW404',
  name: 'unixSocketPermissions',
  summary: 'A UNIX socket nginx connects to, without `chmod-socket`/`chown-socket`: nginx gets "Permission denied" and answers 502.',
  defaultSeverity: 'warning',
  check,
};
