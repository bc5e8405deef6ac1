import { atoi, effectiveConfigOf } from '../config/effectiveConfig';
import type { Fix } from '../core/finding';
import { inheritedDirective, spanOf } from '../deploy/nginxSetup';
import { parseNginxSize } from '../deploy/nginxValues';
import { replaceValueEdit, setOptionEdits } from '../fixes/iniEdits';
import { frontEndLinksOf, nginxRelated, nginxWhere, type FrontEndLink } from '../serving/frontEnd';
import type { Rule, RuleContext } from './rule';

const DEFAULT_BUFFER_SIZE = 4096;
/** nginx's default `large_client_header_buffers 4 8k`: one header line may be up to 8k. */
const NGINX_DEFAULT_LINE = 8192;
const MAX_UWSGI_PACKET = 65535;

interface Exposure {
  link: FrontEndLink;
  /** The largest single header line nginx accepts. */
  line: number;
  explicit: boolean;
}

/**
 * uWSGI reads a whole request's variables (every header plus the uwsgi_params) into `buffer-size` bytes
 * (default 4096) and drops larger requests with `invalid request block size` (HTTP sockets: `invalid HTTP
 * request size`), which nginx turns into a 502. nginx itself accepts any header line up to one
 * `large_client_header_buffers` buffer (8k by default), so a single big cookie passes nginx and fails uWSGI.
 */
function check(context: RuleContext): void {
  const config = effectiveConfigOf(context);
  const entry = config.get('buffer-size');
  if (entry && (entry.conditional || entry.unresolved)) return;
  let size = entry ? atoi(entry.value) : DEFAULT_BUFFER_SIZE;
  if (size <= 0) return; // nonsense values are UW102's business
  if (context.settings.uwsgiVersion !== '2.1') size = Math.min(size, MAX_UWSGI_PACKET);
  const worst = worstExposure(frontEndLinksOf(context));
  if (!worst || size >= worst.line) return;
  const { link } = worst;
  const anchor = entry ?? link.socket.entry;
  const suggested = Math.min(MAX_UWSGI_PACKET, Math.max(32768, worst.line));
  const limit = worst.explicit ? `its large_client_header_buffers allow` : `by default (large_client_header_buffers 4 8k) it accepts`;
  const error = link.socket.protocol === 'http' ? `invalid HTTP request size (max ${size})...skip` : `invalid request block size: N (max ${size})...skip`;
  const setting = entry ? `'${entry.key} = ${entry.raw}'` : `the default buffer-size ${DEFAULT_BUFFER_SIZE}`;
  const related = nginxRelated(link, 'nginx passes requests to uWSGI here.');
  const lcb = inheritedDirective(link.pass, 'large_client_header_buffers');
  if (lcb) related.push({ ...spanOf(lcb), message: 'nginx accepts header lines up to one of these buffers.' });
  const tooBig = worst.line > MAX_UWSGI_PACKET ? ` uWSGI never reads more than ${MAX_UWSGI_PACKET} bytes here, so also lower nginx's buffers.` : '';
  context.report({
    file: anchor.file,
    start: anchor.span.start,
    end: anchor.span.end,
    severity: worst.explicit ? 'warning' : 'information',
    message: `With ${setting}, uWSGI rejects requests whose headers and variables exceed ${size} bytes, but nginx in front (${nginxWhere(context, link)}) passes them on: ${limit} a single header line of ${worst.line} bytes. A big cookie or header then makes uWSGI log "${error}" and nginx answer 502. Set buffer-size = ${suggested} (nginx's uwsgi_buffer_size is a different limit: the response headers).${tooBig}`,
    related,
    fixes: fixFor(context, anchor === entry, suggested),
  });
}

/** The link (with its protocol agreeing, so requests really reach uWSGI) whose nginx accepts the longest header line. */
function worstExposure(links: FrontEndLink[]): Exposure | undefined {
  let worst: Exposure | undefined;
  for (const link of links) {
    if (link.socket.router || link.socket.protocol !== link.pass.protocol) continue;
    const lcb = inheritedDirective(link.pass, 'large_client_header_buffers');
    const line = lcb ? parseNginxSize(lcb.args[1]?.text ?? '') : NGINX_DEFAULT_LINE;
    if (line === undefined) continue;
    if (!worst || line > worst.line) worst = { link, line, explicit: !!lcb };
  }
  return worst;
}

function fixFor(context: RuleContext, onEntry: boolean, value: number): Fix[] {
  const config = effectiveConfigOf(context);
  const title = `Set buffer-size = ${value}`;
  if (onEntry) {
    const entry = config.get('buffer-size')!;
    return entry.origin === 'ini' && entry.entry ? [{ title, edits: [replaceValueEdit(entry.file, entry.entry, String(value))] }] : [];
  }
  const root = config.files[0];
  if (!root?.doc) return [];
  const edits = setOptionEdits(root.doc, root.path, context.section, 'buffer-size', String(value));
  return edits.length > 0 ? [{ title, edits }] : [];
}

export const UW403: Rule = {
  code: 'UW403',
  name: 'bufferSizeBelowProxyHeaders',
  summary: 'uWSGI `buffer-size` smaller than the header lines nginx in front accepts: big cookies or headers end in 502.',
  defaultSeverity: 'warning',
  check,
};
