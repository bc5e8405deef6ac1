import type { FileSystem } from '../core/fileSystem';
import { dirname, resolvePath } from '../core/fileSystem';
import type { EffectiveConfig } from '../config/effectiveConfig';
import { resolveModule } from '../python/moduleResolver';

/** A Python file an ini value names, and the callable in it when the value says which. */
export interface PythonTarget {
  file: string;
  /** `mod:name` or `callable =`; undefined for plain imports. */
  callable?: string;
}

const DEFAULT_CALLABLE = 'application';

/**
 * Where Python looks for modules under this config: every `chdir` and `pythonpath` folder
 * (expanded), then the ini's own folder (uWSGI's working directory is often that folder).
 */
export function searchPathOf(config: EffectiveConfig, iniPath: string): string[] {
  const base = dirname(iniPath);
  const folders: string[] = [];
  for (const option of ['chdir', 'pythonpath']) {
    for (const entry of config.getAll(option)) {
      if (entry.value === '' || /[$@%]\(/.test(entry.value)) continue;
      folders.push(resolvePath(dirname(entry.file), entry.value));
    }
  }
  folders.push(base);
  return [...new Set(folders)];
}

/** `pkg.mod`, `pkg.mod:app` or `pkg.mod:create_app()` → the module file and callable. */
export function moduleTarget(fs: FileSystem, searchPath: readonly string[], value: string, fallbackCallable?: string): PythonTarget | undefined {
  const [dotted, named] = splitCallable(value);
  const resolved = resolveModule(fs, searchPath, dotted.trim());
  if (!resolved?.file) return undefined;
  return { file: resolved.file, callable: named ?? fallbackCallable };
}

/** `path/app.py` (relative to `chdir` folders or the ini) → the file, when it exists. */
export function fileTarget(fs: FileSystem, searchPath: readonly string[], value: string, callable?: string): PythonTarget | undefined {
  const [path, named] = splitCallable(value);
  const candidates = path.startsWith('/') ? [resolvePath('/', path)] : searchPath.map((folder) => resolvePath(folder, path));
  const file = candidates.find((p) => fs.kind(p) === 'file');
  return file ? { file, callable: named ?? callable } : undefined;
}

/** `mount = /prefix=target`: the target is a file when it ends in `.py`, else a module. */
export function mountTarget(fs: FileSystem, searchPath: readonly string[], value: string, callable?: string): PythonTarget | undefined {
  const eq = value.indexOf('=');
  if (eq < 0) return undefined;
  const target = value.slice(eq + 1).trim();
  return /\.py(:|$)/.test(target) || target.includes('/') ? fileTarget(fs, searchPath, target, callable) : moduleTarget(fs, searchPath, target, callable);
}

/** The WSGI callable uWSGI looks up when the value does not name one. */
export function configuredCallable(config: EffectiveConfig): string {
  const value = config.value('callable');
  return value && value.trim() !== '' ? value.trim() : DEFAULT_CALLABLE;
}

/** `a.b:c()` → ['a.b', 'c']; `a.b` → ['a.b', undefined]. */
function splitCallable(value: string): [string, string | undefined] {
  const colon = value.lastIndexOf(':');
  if (colon <= 0) return [value, undefined];
  const name = value.slice(colon + 1).replace(/\(.*\)\s*$/, '').trim();
  return [value.slice(0, colon), name === '' ? undefined : name];
}
