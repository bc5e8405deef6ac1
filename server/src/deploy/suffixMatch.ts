import { normalizePath, resolvePath } from '../core/fileSystem';
import type { RuleContext } from '../rules/rule';
import type { MappedPath } from './pathMapping';
import { deploymentDirs, displayBase, relativeTo } from './searchDirs';

const MAX_SUBDIRS = 40;

/** `/var/www/shop/app.wsgi` → the workspace path with the longest existing suffix (`shop/app.wsgi`). */
export function suffixMatch(context: RuleContext, path: string): MappedPath | undefined {
  const parts = normalizePath(path).split('/').filter(Boolean);
  const bases = suffixBases(context);
  const base = displayBase(context);
  for (let take = parts.length; take >= 1; take--) {
    const suffix = parts.slice(parts.length - take).join('/');
    for (const dir of bases) {
      const candidate = resolvePath(dir, suffix);
      if (context.fs.kind(candidate) !== undefined) {
        return { path: candidate, exists: true, note: `${path} → ${relativeTo(base, candidate)} (not in the workspace; matched by the path suffix ${suffix})` };
      }
    }
  }
  return undefined;
}

export function workspaceFolders(context: RuleContext): string[] {
  const roots = context.settings.workspaceRoots.map(normalizePath);
  return roots.length > 0 ? roots : deploymentDirs(context).slice(0, 1);
}

/** Where a path suffix may start: the search folders and the workspace roots' first-level folders (src layouts). */
export function suffixBases(context: RuleContext): string[] {
  return context.memo('deploy.suffixBases', () => {
    const bases = [...deploymentDirs(context)];
    for (const root of workspaceFolders(context)) {
      const names = (context.fs.readDirectory(root) ?? []).filter((n) => !n.startsWith('.') && !/^(node_modules|venv|\.?env|__pycache__)$/.test(n));
      for (const name of names.slice(0, MAX_SUBDIRS)) {
        const dir = resolvePath(root, name);
        if (!bases.includes(dir) && context.fs.kind(dir) === 'directory') bases.push(dir);
      }
    }
    return bases;
  });
}

