import { dirname, normalizePath, resolvePath } from '../core/fileSystem';
import { deploymentFilesOf } from '../deploy/deploymentFiles';
import { isInside } from '../deploy/searchDirs';
import { field, readYaml } from '../deploy/yamlLite';
import type { RuleContext } from '../rules/rule';

/** A compose volume as seen from one service: the shared storage (`vol:name` or a host path) and where it is mounted. */
export interface ServiceVolume {
  service: string;
  /** `vol:<name>` for a named volume, else the absolute host path of a bind mount. */
  storage: string;
  container: string;
}

/**
 * Every service volume of the workspace's compose files, named volumes included: nginx and uWSGI in two
 * containers usually share a UNIX socket through one, mounted at different paths.
 */
export function composeVolumesOf(context: RuleContext): ServiceVolume[] {
  return context.memo('serving.composeVolumes', () => {
    const out: ServiceVolume[] = [];
    for (const compose of deploymentFilesOf(context).composeFiles) {
      const text = context.fs.readFile(compose.path);
      const services = text === undefined ? undefined : field(readYaml(text), 'services');
      if (services?.kind !== 'map') continue;
      for (const service of services.entries) {
        const volumes = field(service.value, 'volumes');
        for (const item of volumes?.kind === 'list' ? volumes.items : []) {
          let source: string | undefined;
          let target: string | undefined;
          if (item.kind === 'scalar') [source, target] = item.value.split(':');
          else if (item.kind === 'map') {
            const s = field(item, 'source');
            const t = field(item, 'target');
            source = s?.kind === 'scalar' ? s.value : undefined;
            target = t?.kind === 'scalar' ? t.value : undefined;
          }
          if (!source || !target || !target.startsWith('/') || source.startsWith('~')) continue;
          const storage = /^[.\/]/.test(source) ? resolvePath(dirname(compose.path), source) : `vol:${source}`;
          out.push({ service: service.key, storage, container: normalizePath(target) });
        }
      }
    }
    return out;
  });
}

/** Names a UNIX socket path can be known by across containers: itself and its place in each shared volume. */
export function sharedPathKeys(context: RuleContext, path: string): Set<string> {
  const p = normalizePath(path);
  const keys = new Set<string>([p]);
  for (const v of composeVolumesOf(context)) {
    if (isInside(p, v.container)) keys.add(v.storage + p.slice(v.container === '/' ? 0 : v.container.length));
  }
  return keys;
}

/** Service names of the workspace's compose files (TCP hosts that name another container). */
export function composeServiceNames(context: RuleContext): Set<string> {
  return new Set(deploymentFilesOf(context).composeFiles.flatMap((c) => c.services.map((s) => s.name)));
}
