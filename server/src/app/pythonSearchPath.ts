import { effectiveConfigOf } from '../config/effectiveConfig';
import { dirname, normalizePath, resolvePath } from '../core/fileSystem';
import { mapDeployPath, targetOfIni } from '../deploy/pathMapping';
import { isInside } from '../deploy/searchDirs';
import type { RuleContext } from '../rules/rule';

/** Where Python looks for the app's modules, deploy-side and mapped into the workspace. */
export interface PythonSearchPath {
  /** The process's working directory (deploy-side): `chdir`, else the container/unit workdir, else the ini's folder. */
  cwd: string;
  /** Workspace folders, in the order Python searches them. */
  folders: string[];
  /** Virtualenv/home folders in the workspace: third-party code, never followed. */
  thirdParty: string[];
  notes: string[];
  /** Deploy-side folders that could not be found in the workspace. */
  missing: string[];
}

const MAX_GLOB_MATCHES = 50;

/** Resolves a config path the way uWSGI would (relative to the working directory), then into the workspace. */
export function locate(context: RuleContext, path: string, cwd: string): { path: string; exists: boolean; note?: string } {
  const deployPath = resolvePath(cwd, path);
  return mapDeployPath(context, deployPath);
}

export function pythonSearchPathOf(context: RuleContext): PythonSearchPath {
  return context.memo('app.searchPath', () => {
    const config = effectiveConfigOf(context);
    const notes: string[] = [];
    const missing: string[] = [];
    const iniDir = dirname(context.rootPath);
    const target = targetOfIni(context);
    const chdir = config.get('chdir');
    const cwd = chdir && !chdir.unresolved
      ? resolvePath(target?.workdir ?? iniDir, stripSlash(chdir.value))
      : (target?.workdir ?? iniDir);
    if (!chdir && target?.workdir) notes.push(`working directory ${target.workdir} from ${target.label}`);
    const thirdParty: string[] = [];
    for (const home of config.getAll('home')) {
      if (home.unresolved || home.value.trim() === '') continue;
      const mapped = locate(context, stripSlash(home.value), cwd);
      if (mapped.exists) thirdParty.push(mapped.path);
    }
    const folders: string[] = [];
    const add = (deployPath: string, why: string) => {
      const mapped = mapDeployPath(context, deployPath);
      if (!mapped.exists) {
        missing.push(deployPath);
        return;
      }
      if (thirdParty.some((venv) => isInside(mapped.path, venv))) return;
      if (!folders.includes(mapped.path)) folders.push(mapped.path);
      if (mapped.note) notes.push(`${why}: ${mapped.note}`);
    };
    // uWSGI puts `.` (the working directory) first, then each `pythonpath` entry (globs expanded).
    add(cwd, chdir ? 'chdir' : 'working directory');
    for (const entry of config.getAll('pythonpath')) {
      if (entry.unresolved || entry.value.trim() === '') continue;
      for (const deployPath of expandGlob(context, resolvePath(cwd, stripSlash(entry.value)))) add(deployPath, 'pythonpath');
    }
    return { cwd, folders, thirdParty, notes, missing };
  });
}

/** `pythonpath = /app/libs/*` → each matching folder; a pattern in the last segment only (uWSGI uses glob(3)). */
function expandGlob(context: RuleContext, pattern: string): string[] {
  if (!/[*?[]/.test(pattern)) return [normalizePath(pattern)];
  const parent = dirname(pattern);
  const last = pattern.slice(parent.length + 1);
  if (/[*?[]/.test(parent)) return [];
  const mapped = mapDeployPath(context, parent);
  if (!mapped.exists) return [];
  const re = new RegExp('^' + last.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  const names = (context.fs.readDirectory(mapped.path) ?? []).filter((n) => re.test(n) && !n.startsWith('.')).sort();
  return names.slice(0, MAX_GLOB_MATCHES).map((n) => resolvePath(parent, n));
}

/** `%d` expands with a trailing `/`; paths compare without it. */
function stripSlash(value: string): string {
  const v = value.trim();
  return v.length > 1 ? v.replace(/\/+$/, '') : v;
}
