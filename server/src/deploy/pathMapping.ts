import { normalizePath, resolvePath } from '../core/fileSystem';
import type { RuleContext } from '../rules/rule';
import { deployTargetsOf, type DeployTarget, type PathMapping } from './deployTargets';
import { displayBase, isInside, relativeTo } from './searchDirs';
import { suffixMatch, workspaceFolders } from './suffixMatch';

/** A deploy-side path (`/app/wsgi.py`) as found in the workspace. */
export interface MappedPath {
  path: string;
  exists: boolean;
  /** How it was mapped, for hover and related information; undefined when the path was used as written. */
  note?: string;
}


/** The deployment target that runs this ini: named on its command line or by `UWSGI_INI`, else the only one. */
export function targetOfIni(context: RuleContext): DeployTarget | undefined {
  return context.memo('deploy.targetOfIni', () => {
    const targets = deployTargetsOf(context);
    const root = normalizePath(context.rootPath);
    const eligible: DeployTarget[] = [];
    for (const target of targets) {
      if (target.inis.length === 0) {
        if (target.runsUwsgi || target.env.some((e) => e.name.startsWith('UWSGI_'))) eligible.push(target);
        continue;
      }
      const named = target.inis.some((ini) => {
        const deployPath = resolvePath(target.workdir ?? '/', ini.path);
        return mapWith(context, target.mappings, deployPath)?.path === root || suffixMatch(context, deployPath)?.path === root;
      });
      if (named) return target;
    }
    return eligible.length === 1 ? eligible[0] : undefined;
  });
}

/**
 * Maps a path from the config (deploy-side, absolute) into the workspace: as written when it is there,
 * else through the Dockerfile/compose mappings of the target running this ini, else by the longest
 * path suffix that exists in the workspace.
 */
export function mapDeployPath(context: RuleContext, path: string): MappedPath {
  const p = normalizePath(path);
  return context.memo(`deploy.map:${p}`, () => {
    const inWorkspace = workspaceFolders(context).some((root) => isInside(p, root));
    if (inWorkspace && context.fs.kind(p) !== undefined) return { path: p, exists: true };
    const target = targetOfIni(context);
    const mappings = target ? target.mappings : deployTargetsOf(context).flatMap((t) => t.mappings);
    const mapped = mapWith(context, mappings, p);
    if (mapped?.exists) return mapped;
    const suffix = suffixMatch(context, p);
    if (suffix) return suffix;
    return mapped ?? { path: p, exists: false };
  });
}

/** Longest deploy-side prefix first; among equal prefixes the later instruction wins. */
function mapWith(context: RuleContext, mappings: PathMapping[], path: string): MappedPath | undefined {
  const base = displayBase(context);
  const hits = mappings
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => isInside(path, m.target))
    .sort((a, b) => b.m.target.length - a.m.target.length || b.index - a.index);
  let fallback: MappedPath | undefined;
  for (const { m } of hits) {
    const host = normalizePath(m.host + path.slice(m.target === '/' ? 0 : m.target.length));
    const exists = context.fs.kind(host) !== undefined;
    const result = { path: host, exists, note: `${path} → ${relativeTo(base, host)} (${m.via})` };
    if (exists) return result;
    fallback ??= result;
  }
  return fallback;
}
