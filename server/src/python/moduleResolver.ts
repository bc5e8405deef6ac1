import type { FileSystem } from '../core/fileSystem';
import { normalizePath } from '../core/fileSystem';

/**
 * Python's import-system lookup over the workspace, as far as the import-time model needs it:
 * regular packages (`__init__.py`), namespace packages (folders without one), `mod.py`, and
 * relative imports. Everything is read through `fs`, so the analysis records each lookup.
 */
export interface ResolvedModule {
  dotted: string;
  /** The file that runs: `mod.py` or `pkg/__init__.py`; undefined for a namespace package. */
  file?: string;
  /** `__init__.py` of each enclosing package, outermost first: Python runs them before `file`. */
  packageInits: string[];
  /** A package's `__path__` (its folders), where submodules are looked up. */
  packageDirs: string[];
  isPackage: boolean;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `pkg.sub.mod` → the file Python would import from `searchPath`, or undefined when not in the workspace. */
export function resolveModule(fs: FileSystem, searchPath: readonly string[], dotted: string): ResolvedModule | undefined {
  const parts = dotted.split('.');
  if (parts.some((p) => !IDENT.test(p))) return undefined;
  let current = findIn(fs, searchPath.map(normalizePath), parts[0], parts[0]);
  const inits: string[] = [];
  for (let i = 1; current && i < parts.length; i++) {
    if (!current.isPackage) return undefined;
    if (current.file) inits.push(current.file);
    current = findIn(fs, current.packageDirs, parts[i], parts.slice(0, i + 1).join('.'));
  }
  return current ? { ...current, packageInits: inits } : undefined;
}

/**
 * `from ..db import engine` inside module `moduleName`: `level` dots, then `rest` ('' for `from . import x`).
 * Undefined when the module has no parent package (a `wsgi-file` script) or the target is missing.
 */
export function resolveRelative(
  fs: FileSystem,
  searchPath: readonly string[],
  moduleName: string | undefined,
  isPackage: boolean,
  level: number,
  rest: string,
): ResolvedModule | undefined {
  const base = relativeBase(moduleName, isPackage, level);
  if (base === undefined) return undefined;
  const target = [base, rest].filter((s) => s !== '').join('.');
  return target === '' ? undefined : resolveModule(fs, searchPath, target);
}

/** The package a relative import of `level` dots starts from. */
export function relativeBase(moduleName: string | undefined, isPackage: boolean, level: number): string | undefined {
  if (!moduleName) return undefined;
  const parts = moduleName.split('.');
  if (!isPackage) parts.pop();
  const drop = level - 1;
  if (drop > parts.length || parts.length === 0) return undefined;
  return parts.slice(0, parts.length - drop).join('.');
}

/** Dotted name a workspace file has when imported from `searchPath`; undefined when it is outside it. */
export function moduleNameOf(searchPath: readonly string[], file: string): string | undefined {
  const path = normalizePath(file);
  for (const dir of searchPath.map(normalizePath)) {
    const prefix = dir === '/' ? '/' : dir + '/';
    if (!path.startsWith(prefix) || !path.endsWith('.py')) continue;
    const parts = path.slice(prefix.length, -3).split('/');
    if (parts[parts.length - 1] === '__init__') parts.pop();
    if (parts.length > 0 && parts.every((p) => IDENT.test(p))) return parts.join('.');
  }
  return undefined;
}

/** One step of Python's PathFinder: a regular package or module wins; folders without `__init__` merge into a namespace. */
function findIn(fs: FileSystem, dirs: readonly string[], name: string, dotted: string): ResolvedModule | undefined {
  const namespaceDirs: string[] = [];
  for (const dir of dirs) {
    const folder = `${dir === '/' ? '' : dir}/${name}`;
    const isDir = fs.kind(folder) === 'directory';
    if (isDir && fs.kind(`${folder}/__init__.py`) === 'file') {
      return { dotted, file: `${folder}/__init__.py`, packageInits: [], packageDirs: [folder], isPackage: true };
    }
    if (fs.kind(`${folder}.py`) === 'file') {
      return { dotted, file: `${folder}.py`, packageInits: [], packageDirs: [], isPackage: false };
    }
    if (isDir) namespaceDirs.push(folder);
  }
  if (namespaceDirs.length === 0) return undefined;
  return { dotted, packageInits: [], packageDirs: namespaceDirs, isPackage: true };
}
