import type { FileSystem } from './fileSystem';
import { basename, normalizePath } from './fileSystem';

/** Folders that never hold a deployment's own uWSGI configs and can be huge. */
const SKIPPED_FOLDERS = new Set([
  'node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'env', '.tox', '.nox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', 'dist', 'build', '.cache',
]);

/** Folders whose `*.ini` files are uWSGI configs by convention (emperor vassals, Debian's layout). */
const CONFIG_FOLDERS = new Set(['uwsgi', 'vassals', 'apps-enabled', 'apps-available']);

const UWSGI_SECTION = /^\uFEFF?[ \t]*\[uwsgi\][ \t]*\r?$/m;

/**
 * Whether uwsgi-lint treats this file as a uWSGI config: an `.ini` file with a `[uwsgi]` section,
 * or one named like a uWSGI config (`uwsgi.ini`, `*.uwsgi.ini`, `uwsgi/*.ini`, `vassals/*.ini`…),
 * which is linted even without the section so that a missing or misspelt header is reported.
 */
export function isUwsgiConfig(path: string, text: string | undefined): boolean {
  const p = normalizePath(path);
  if (!p.endsWith('.ini')) return false;
  if (isConventionalConfigName(p)) return true;
  return text !== undefined && UWSGI_SECTION.test(text);
}

export function isConventionalConfigName(path: string): boolean {
  const p = normalizePath(path);
  const name = basename(p);
  if (name === 'uwsgi.ini' || name.endsWith('.uwsgi.ini')) return true;
  const parts = p.split('/');
  return name.endsWith('.ini') && parts.length >= 2 && CONFIG_FOLDERS.has(parts[parts.length - 2]);
}

export interface DiscoveryResult {
  configs: string[];
  /** True when the scan stopped at `maxFiles` entries; the rest of the tree was not looked at. */
  truncated: boolean;
}

/** Walks `folders` breadth-first and returns every uWSGI config, visiting at most `maxFiles` entries. */
export function discoverConfigs(fs: FileSystem, folders: string[], maxFiles = 20000): DiscoveryResult {
  const configs: string[] = [];
  const queue = folders.map(normalizePath);
  const seen = new Set<string>();
  let visited = 0;
  while (queue.length > 0) {
    const folder = queue.shift()!;
    if (seen.has(folder)) continue;
    seen.add(folder);
    for (const name of fs.readDirectory(folder) ?? []) {
      if (++visited > maxFiles) return { configs: configs.sort(), truncated: true };
      const path = normalizePath(`${folder}/${name}`);
      if (name.endsWith('.ini')) {
        if (fs.kind(path) === 'file' && isUwsgiConfig(path, fs.readFile(path))) configs.push(path);
      } else if (!SKIPPED_FOLDERS.has(name) && !name.startsWith('.') && fs.kind(path) === 'directory') {
        queue.push(path);
      }
    }
  }
  return { configs: configs.sort(), truncated: false };
}
