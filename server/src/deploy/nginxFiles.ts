import { basename, dirname, normalizePath, resolvePath } from '../core/fileSystem';
import { matchesGlob } from '../core/globMatch';
import type { RuleContext } from '../rules/rule';
import { parseNginx, type NginxDirective } from './nginxSyntax';
import { deploymentDirs } from './searchDirs';

/** Folders that commonly hold nginx configs or the deployment folders around them; others are not entered. */
const NGINX_DIRS = /^(nginx|conf\.d|sites-enabled|sites-available|templates|http\.d|vhosts\.d|default\.d|proxy|docker|deploy|deployment|deployments|ops|infra|etc|conf|config|\.docker|compose)$/i;
const NGINX_FILE = /\.(conf|nginx)(\.template)?$/i;
const NGINX_TEXT = /(^|[\s;{}])(uwsgi_pass|proxy_pass|upstream|large_client_header_buffers)\s/;
const MAX_DEPTH = 3;
const MAX_FILES = 120;
const MAX_FILE_CHARS = 512 * 1024;

/** One nginx file, parsed. */
export interface NginxFile {
  path: string;
  text: string;
  directives: NginxDirective[];
}

/** Reads nginx files through `context.fs` once per analysis; missing, huge or unreadable files are undefined. */
export function nginxFileAt(context: RuleContext, path: string): NginxFile | undefined {
  return context.memo(`nginx.file:${path}`, () => {
    const text = context.fs.readFile(path);
    if (text === undefined || text.length > MAX_FILE_CHARS) return undefined;
    return { path, text, directives: parseNginx(path, text) };
  });
}

/**
 * nginx configs in the deployment folders (the ini's folder up to the workspace root, then the other roots):
 * `nginx.conf`, `*.conf` in nginx-ish folders (`nginx/`, `conf.d/`, `sites-enabled/`…), and any `.conf`
 * file whose text passes requests upstream. Bounded in depth and file count.
 */
export function discoverNginxFiles(context: RuleContext): NginxFile[] {
  return context.memo('nginx.discovered', () => {
    const found: NginxFile[] = [];
    const seen = new Set<string>();
    let budget = MAX_FILES;
    const visit = (dir: string, depth: number, nginxish: boolean) => {
      for (const name of context.fs.readDirectory(dir) ?? []) {
        if (budget <= 0) return;
        if (name.startsWith('.') && name !== '.docker') continue;
        const path = normalizePath(dir + '/' + name);
        if (seen.has(path)) continue;
        seen.add(path);
        const kind = context.fs.kind(path);
        if (kind === 'directory') {
          if (depth < MAX_DEPTH && NGINX_DIRS.test(name)) visit(path, depth + 1, nginxish || /nginx|sites-|conf\.d/i.test(name));
          continue;
        }
        const main = name === 'nginx.conf';
        if (kind !== 'file' || !(main || NGINX_FILE.test(name) || (nginxish && !name.includes('.')))) continue;
        budget--;
        const file = nginxFileAt(context, path);
        if (file && (main || NGINX_TEXT.test(file.text))) found.push(file);
      }
    };
    for (const dir of deploymentDirs(context)) visit(dir, 0, false);
    return found;
  });
}

/**
 * The files an `include` names. nginx resolves relative paths against its prefix (usually the folder of
 * `nginx.conf`) and absolute ones on the server; in the workspace we try the including file's folder, the
 * main file's folder and, for absolute paths, the longest path suffix that exists below them.
 */
export function resolveInclude(context: RuleContext, pattern: string, from: string, main: string): string[] {
  const bases = [...new Set([dirname(from), dirname(main)])];
  const parts = normalizePath(pattern).split('/').filter(Boolean);
  const suffixes: string[] = [];
  if (pattern.startsWith('/')) {
    for (let take = parts.length; take >= 1; take--) suffixes.push(parts.slice(parts.length - take).join('/'));
  } else {
    suffixes.push(parts.join('/'));
  }
  for (const suffix of suffixes) {
    // A bare `*.conf` found by stripping an absolute path would pick up unrelated siblings.
    if (pattern.startsWith('/') && !suffix.includes('/') && /[*?]/.test(suffix)) continue;
    for (const base of bases) {
      const hits = expandPattern(context, resolvePath(base, suffix)).filter((p) => p !== normalizePath(from));
      if (hits.length > 0) return hits;
    }
  }
  return [];
}

/** A path whose last segment may hold `*` or `?`: matching files, sorted as nginx's glob sorts them. */
function expandPattern(context: RuleContext, path: string): string[] {
  const name = basename(path);
  if (!/[*?]/.test(name)) return context.fs.kind(path) === 'file' ? [path] : [];
  const dir = dirname(path);
  if (/[*?]/.test(dir)) return [];
  return (context.fs.readDirectory(dir) ?? [])
    .filter((entry) => matchesGlob(entry, name))
    .sort()
    .map((entry) => normalizePath(dir + '/' + entry))
    .filter((p) => context.fs.kind(p) === 'file');
}
