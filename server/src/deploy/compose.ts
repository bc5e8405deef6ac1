import { dirname, resolvePath } from '../core/fileSystem';
import { shellWords, type Word } from './shellWords';
import { readUwsgiCommand, type UwsgiCommand } from './uwsgiCommand';
import { field, readYaml, type YamlNode } from './yamlLite';

export interface ComposeEnv {
  name: string;
  value: string;
  start: number;
  end: number;
}

export interface ComposeVolume {
  /** Absolute host folder or file (relative sources resolved against the compose file's folder). */
  host: string;
  /** Absolute path in the container. */
  container: string;
  start: number;
  end: number;
}

export interface ComposeService {
  name: string;
  /** Span of the service's key line, where findings about it land. */
  start: number;
  end: number;
  environment: ComposeEnv[];
  /** `env_file:` paths, resolved against the compose file's folder. */
  envFiles: string[];
  volumes: ComposeVolume[];
  /** `build:` context and Dockerfile, resolved; undefined for image-only services. */
  build?: { context: string; dockerfile: string };
  workingDir?: string;
  /** `entrypoint:` and `command:` words (each undefined when not set: the image's own applies). */
  entrypoint?: Word[];
  command?: Word[];
  /** What `entrypoint:` + `command:` alone say about uWSGI. */
  uwsgi: UwsgiCommand;
}

export interface ComposeFile {
  path: string;
  services: ComposeService[];
}

export function readCompose(path: string, text: string): ComposeFile {
  const root = readYaml(text);
  const services = field(root, 'services');
  const dir = dirname(path);
  const out: ComposeService[] = [];
  if (services?.kind === 'map') {
    for (const entry of services.entries) {
      const svc = entry.value;
      const entrypoint = commandWords(field(svc, 'entrypoint'), path);
      const command = commandWords(field(svc, 'command'), path);
      out.push({
        name: entry.key,
        start: entry.start,
        end: entry.start + entry.key.length,
        environment: readEnvironment(field(svc, 'environment')),
        envFiles: scalars(field(svc, 'env_file')).map((s) => resolvePath(dir, s.value)),
        volumes: readVolumes(field(svc, 'volumes'), dir),
        build: readBuild(field(svc, 'build'), dir),
        workingDir: scalar(field(svc, 'working_dir'))?.value,
        entrypoint,
        command,
        uwsgi: readUwsgiCommand([...(entrypoint ?? []), ...(command ?? [])]),
      });
    }
  }
  return { path, services: out };
}

/** `- K=V` list items or `K: V` map entries; list items without `=` take their value from the host (unknown). */
function readEnvironment(node: YamlNode | undefined): ComposeEnv[] {
  if (node?.kind === 'map') {
    return node.entries.map((e) => ({ name: e.key, value: scalar(e.value)?.value ?? '', start: e.start, end: e.end }));
  }
  const out: ComposeEnv[] = [];
  for (const item of node?.kind === 'list' ? node.items : []) {
    if (item.kind !== 'scalar') continue;
    const eq = item.value.indexOf('=');
    if (eq > 0) out.push({ name: item.value.slice(0, eq).trim(), value: item.value.slice(eq + 1), start: item.start, end: item.end });
  }
  return out;
}

/** Short `./src:/app[:ro]` and long `{type: bind, source, target}` syntax; named volumes are skipped. */
function readVolumes(node: YamlNode | undefined, dir: string): ComposeVolume[] {
  const out: ComposeVolume[] = [];
  for (const item of node?.kind === 'list' ? node.items : []) {
    let source: string | undefined;
    let target: string | undefined;
    if (item.kind === 'scalar') {
      const parts = item.value.split(':');
      if (parts.length >= 2) [source, target] = parts;
    } else if (item.kind === 'map') {
      source = scalar(field(item, 'source'))?.value;
      target = scalar(field(item, 'target'))?.value;
    }
    if (!source || !target || !target.startsWith('/') || !/^(\.|\/|~)/.test(source)) continue;
    if (source.startsWith('~')) continue;
    out.push({ host: resolvePath(dir, source), container: resolvePath('/', target), start: item.start, end: item.end });
  }
  return out;
}

function readBuild(node: YamlNode | undefined, dir: string): ComposeService['build'] {
  if (!node) return undefined;
  const contextText = node.kind === 'scalar' ? node.value : (scalar(field(node, 'context'))?.value ?? '.');
  if (/^[a-z]+:\/\//i.test(contextText) || contextText.startsWith('git@')) return undefined;
  const context = resolvePath(dir, contextText);
  const dockerfile = (node.kind === 'map' && scalar(field(node, 'dockerfile'))?.value) || 'Dockerfile';
  return { context, dockerfile: resolvePath(context, dockerfile) };
}

/** `command: uwsgi --ini x` (shell words) or `command: ["uwsgi", "--ini", "x"]` / a block list. */
function commandWords(node: YamlNode | undefined, file: string): Word[] | undefined {
  if (node?.kind === 'scalar') return shellWords(node.value, node.start).map((w) => ({ ...w, file }));
  if (node?.kind === 'list') return scalars(node).map((s) => ({ text: s.value, start: s.start, end: s.end, file }));
  return undefined;
}

function scalar(node: YamlNode | undefined): (YamlNode & { kind: 'scalar' }) | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

function scalars(node: YamlNode | undefined): Array<YamlNode & { kind: 'scalar' }> {
  if (node?.kind === 'scalar') return [node];
  if (node?.kind === 'list') return node.items.filter((n): n is YamlNode & { kind: 'scalar' } => n.kind === 'scalar');
  return [];
}
