import { dirname, normalizePath } from '../core/fileSystem';
import type { RuleContext } from '../rules/rule';

/** Deployment files are looked for at most this many folders above the ini when no workspace root contains it. */
const MAX_ANCESTORS = 4;

/**
 * Folders where deployment files (Dockerfile, compose, units, requirements) are looked for, nearest first:
 * the ini's folder and its ancestors up to the workspace root that contains it, then the other roots.
 */
export function deploymentDirs(context: RuleContext): string[] {
  return context.memo('deploy.searchDirs', () => {
    const roots = context.settings.workspaceRoots.map(normalizePath);
    const iniDir = dirname(context.rootPath);
    const owner = roots
      .filter((root) => isInside(iniDir, root))
      .sort((a, b) => b.length - a.length)[0];
    const dirs: string[] = [];
    let dir = iniDir;
    for (let depth = 0; ; depth++) {
      dirs.push(dir);
      if (owner !== undefined ? dir === owner : depth >= MAX_ANCESTORS) break;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const root of roots) if (!dirs.includes(root)) dirs.push(root);
    return dirs;
  });
}

/** The folder deployment-relative paths are reported against (the root that holds the ini, else its folder). */
export function displayBase(context: RuleContext): string {
  const roots = context.settings.workspaceRoots.map(normalizePath);
  const iniDir = dirname(context.rootPath);
  return roots.filter((root) => isInside(iniDir, root)).sort((a, b) => b.length - a.length)[0] ?? iniDir;
}

/** `path` relative to `base` for messages; the absolute path when it lies outside. */
export function relativeTo(base: string, path: string): string {
  const b = normalizePath(base);
  const p = normalizePath(path);
  if (p === b) return '.';
  const prefix = b === '/' ? '/' : b + '/';
  return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}

export function isInside(path: string, folder: string): boolean {
  const p = normalizePath(path);
  const f = normalizePath(folder);
  return p === f || p.startsWith(f === '/' ? '/' : f + '/');
}
