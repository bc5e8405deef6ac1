import type { FileSystem } from '../core/fileSystem';
import { resolvePath } from '../core/fileSystem';

const MAX_DEPTH = 4;
const MAX_MODULES = 500;
const SKIPPED = new Set(['__pycache__', 'node_modules', 'site-packages', 'venv', '.venv', 'env', '.tox', 'build', 'dist']);

/**
 * Dotted names of the Python modules under each of `roots` (regular and namespace packages),
 * as `import` would see them with that folder on `sys.path`. Bounded, so a huge tree stays cheap.
 */
export function pythonModulesUnder(fs: FileSystem, roots: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (folder: string, prefix: string, depth: number): void => {
    if (depth > MAX_DEPTH || found.size >= MAX_MODULES) return;
    for (const name of fs.readDirectory(folder) ?? []) {
      if (name.startsWith('.') || SKIPPED.has(name)) continue;
      const path = resolvePath(folder, name);
      if (name.endsWith('.py')) {
        const stem = name.slice(0, -3);
        if (!/^[A-Za-z_]\w*$/.test(stem)) continue;
        found.add(stem === '__init__' ? prefix.slice(0, -1) : prefix + stem);
      } else if (/^[A-Za-z_]\w*$/.test(name) && fs.kind(path) === 'directory') {
        walk(path, `${prefix}${name}.`, depth + 1);
      }
    }
  };
  for (const root of roots) walk(root, '', 0);
  found.delete('');
  return [...found].sort();
}
