import type { RuleContext } from '../rules/rule';
import { readCompose, type ComposeFile } from './compose';
import { readDockerfile, type Dockerfile } from './dockerfile';
import { deploymentDirs } from './searchDirs';
import { readSystemdUnit, type SystemdUnit } from './systemdUnit';

export interface DeploymentFiles {
  dockerfiles: Dockerfile[];
  composeFiles: ComposeFile[];
  units: SystemdUnit[];
}

/** Folders below a search folder that commonly hold deployment files; others are not scanned. */
const DEPLOY_SUBDIRS = /^(docker|deploy|deployment|deployments|ops|infra|systemd|etc|conf|config|\.docker|compose)$/i;
const MAX_FILE_CHARS = 512 * 1024;

export function isDockerfileName(name: string): boolean {
  return /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/.test(name) || /\.(Dockerfile|dockerfile)$/.test(name);
}

export function isComposeName(name: string): boolean {
  return /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/.test(name);
}

/** Every Dockerfile, compose file and uWSGI systemd unit in the deployment folders, read once per analysis. */
export function deploymentFilesOf(context: RuleContext): DeploymentFiles {
  return context.memo('deploy.files', () => {
    const result: DeploymentFiles = { dockerfiles: [], composeFiles: [], units: [] };
    const seen = new Set<string>();
    const visit = (dir: string, nested: boolean) => {
      for (const name of context.fs.readDirectory(dir) ?? []) {
        const path = (dir === '/' ? '' : dir) + '/' + name;
        if (seen.has(path)) continue;
        if (!nested && DEPLOY_SUBDIRS.test(name) && context.fs.kind(path) === 'directory') {
          visit(path, true);
          continue;
        }
        const reader = readerFor(name);
        if (!reader) continue;
        seen.add(path);
        const text = context.fs.readFile(path);
        if (text === undefined || text.length > MAX_FILE_CHARS) continue;
        if (reader === 'docker') result.dockerfiles.push(readDockerfile(path, text));
        else if (reader === 'compose') result.composeFiles.push(readCompose(path, text));
        else result.units.push(readSystemdUnit(path, text));
      }
    };
    for (const dir of deploymentDirs(context)) visit(dir, false);
    return result;
  });
}

/** A Dockerfile by path (compose `build.dockerfile` may name one outside the scanned folders). */
export function dockerfileAt(context: RuleContext, path: string): Dockerfile | undefined {
  const known = deploymentFilesOf(context).dockerfiles.find((d) => d.path === path);
  if (known) return known;
  return context.memo(`deploy.dockerfile:${path}`, () => {
    const text = context.fs.readFile(path);
    return text === undefined ? undefined : readDockerfile(path, text);
  });
}

function readerFor(name: string): 'docker' | 'compose' | 'systemd' | undefined {
  if (isDockerfileName(name)) return 'docker';
  if (isComposeName(name)) return 'compose';
  if (/\.service$/.test(name)) return 'systemd';
  return undefined;
}
