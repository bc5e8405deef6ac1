/**
 * What the value of an option is, where the catalog cannot say: the C tables only know
 * "string", so the enumerations and path-valued options are listed here by canonical name.
 */

/** Known value sets (names as uWSGI registers them). */
export const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  'cheaper-algo': ['spare', 'spare2', 'backlog', 'busyness', 'manual'],
  protocol: ['uwsgi', 'http', 'https', 'fastcgi', 'scgi', 'raw', 'puwsgi', 'suwsgi'],
  'chmod-socket': ['660', '664', '666'],
  'log-encoder': ['json', 'format', 'prefix', 'suffix', 'nl', 'gzip', 'compress'],
};

/** Options whose value is a file (or, for `ini`/`include`/`inherit`, a file with an optional `:section`). */
const FILE_OPTIONS = new Set([
  'wsgi-file', 'file', 'ini', 'include', 'inherit', 'touch-reload', 'touch-workers-reload', 'touch-chain-reload',
  'touch-logrotate', 'touch-logreopen', 'touch-exec', 'touch-signal', 'fs-reload', 'fs-brutal-reload', 'pidfile',
  'pidfile2', 'safe-pidfile', 'safe-pidfile2', 'logto', 'logto2', 'daemonize', 'daemonize2', 'spooler-import',
  'py-programname', 'pyargv-file', 'mime-file', 'ssl-cert', 'ssl-key', 'https-cert', 'https-key', 'env-file',
  'wsgi-env-behavior-file', 'python-import-file',
]);

/** Options whose value is a folder. */
const FOLDER_OPTIONS = new Set([
  'chdir', 'chdir2', 'home', 'virtualenv', 'venv', 'pyhome', 'pythonpath', 'python-path', 'pp', 'plugins-dir',
  'plugin-dir', 'spooler', 'touch-reload-dir', 'static-check', 'check-static', 'emperor', 'logto-dir',
]);

/** Includes: the target may carry `:section`; `include` also takes yaml/json/xml. */
export const INCLUDE_OPTIONS = new Set(['ini', 'include', 'inherit']);

/** Options naming a Python module (`pkg.mod[:callable]`). */
export const MODULE_OPTIONS = new Set(['module', 'wsgi', 'import', 'python-import', 'pyimport', 'py-import', 'shared-import', 'shared-python-import', 'shared-pyimport', 'shared-py-import', 'spooler-python-import']);

export type PathKind = 'file' | 'folder';

/** Whether `key` (as written or its canonical name) takes a path, and which kind. */
export function pathKindOf(key: string, canonical?: string): PathKind | undefined {
  for (const name of [key, canonical]) {
    if (!name) continue;
    if (FILE_OPTIONS.has(name)) return 'file';
    if (FOLDER_OPTIONS.has(name)) return 'folder';
  }
  return undefined;
}

/** File extensions worth offering for an option, or undefined for any file. */
export function fileExtensionsFor(key: string): readonly string[] | undefined {
  if (key === 'wsgi-file' || key === 'file' || key === 'spooler-import' || key === 'python-import-file') return ['.py'];
  if (key === 'ini' || key === 'inherit') return ['.ini'];
  if (key === 'include') return ['.ini', '.yaml', '.yml', '.json', '.xml'];
  return undefined;
}
