import type { Span } from '../core/finding';
import { dirname, normalizePath, resolvePath } from '../core/fileSystem';
import type { RuleContext } from '../rules/rule';
import type { Dockerfile, DockerStage } from './dockerfile';
import { deploymentFilesOf, dockerfileAt } from './deploymentFiles';
import { displayBase, relativeTo } from './searchDirs';
import { suffixMatch } from './suffixMatch';
import { readEnvFile } from './systemdUnit';
import { uwsgiThroughScript } from './startScript';
import { readUwsgiCommand, type UwsgiCommand } from './uwsgiCommand';

/** A container-or-host path prefix and the workspace folder or file it holds. */
export interface PathMapping {
  /** Absolute deploy-side path (`/app`, `/app/wsgi.py`). */
  target: string;
  /** Absolute workspace path. */
  host: string;
  /** How we know, e.g. `Dockerfile: COPY . /app`. */
  via: string;
  /** Copied with a glob: the folder is right, individual files may not all be there. */
  approximate?: boolean;
}

export interface TargetEnv {
  name: string;
  value: string;
  origin: Span;
  via: string;
}

/** One way the workspace runs uWSGI: a compose service, a Dockerfile's image or a systemd unit. */
export interface DeployTarget {
  kind: 'compose' | 'docker' | 'systemd';
  /** e.g. `docker-compose.yml service web`, `Dockerfile`, `uwsgi.service`. */
  label: string;
  /** Environment as the process sees it: each variable once, the declaration that wins. */
  env: TargetEnv[];
  mappings: PathMapping[];
  /** Working directory of the process (deploy-side path). */
  workdir?: string;
  runsUwsgi: boolean;
  /** Ini paths from the command line and `UWSGI_INI`, deploy-side, as written. */
  inis: { path: string; origin: Span }[];
  /** `--name value` options on the uwsgi command line; `afterIni` ones override the ini's values. */
  commandOptions: { name: string; value: string; origin: Span; afterIni: boolean }[];
}

export function deployTargetsOf(context: RuleContext): DeployTarget[] {
  return context.memo('deploy.targets', () => {
    const files = deploymentFilesOf(context);
    const base = displayBase(context);
    const targets: DeployTarget[] = [];
    const usedDockerfiles = new Set<string>();
    for (const compose of files.composeFiles) {
      for (const service of compose.services) {
        const dockerfile = service.build ? dockerfileAt(context, service.build.dockerfile) : undefined;
        if (dockerfile) usedDockerfiles.add(dockerfile.path);
        const stage = dockerfile?.runtime;
        const label = `${relativeTo(base, compose.path)} service ${service.name}`;
        const env = stageEnv(dockerfile, stage, base);
        for (const envFile of service.envFiles) for (const item of envFileVars(context, envFile, base)) env.push(item);
        for (const e of service.environment) env.push({ name: e.name, value: e.value, origin: span(compose.path, e), via: label });
        const mappings = [
          ...service.volumes.map((v) => ({ target: v.container, host: v.host, via: `${label}: volume ${relativeTo(base, v.host)}:${v.container}` })),
          ...(stage && service.build ? copyMappings(context, stage, service.build.context, dockerfile!, base) : []),
        ];
        // Compose `entrypoint:` replaces the image's ENTRYPOINT and drops its CMD; `command:` replaces CMD.
        const entrypoint = service.entrypoint ?? stage?.entrypoint ?? [];
        const command = service.command ?? (service.entrypoint ? [] : (stage?.cmd ?? []));
        const words = [...entrypoint, ...command];
        const direct = readUwsgiCommand(words);
        const contextDir = service.build?.context ?? dirname(compose.path);
        const uwsgi = direct.runsUwsgi ? direct : uwsgiThroughScript(context, words, { workdir: service.workingDir ?? stage?.workdir, mappings, contextDir }) ?? direct;
        targets.push({
          kind: 'compose',
          label,
          env: lastWins(env),
          mappings,
          workdir: service.workingDir ?? stage?.workdir,
          runsUwsgi: uwsgi.runsUwsgi,
          inis: uwsgi.inis.map((w) => ({ path: w.text, origin: span(w.file ?? compose.path, w) })),
          commandOptions: optionsOf(uwsgi, compose.path),
        });
      }
    }
    for (const dockerfile of files.dockerfiles) {
      const stage = dockerfile.runtime;
      if (usedDockerfiles.has(dockerfile.path) || !stage) continue;
      const mappings = copyMappings(context, stage, dirname(dockerfile.path), dockerfile, base);
      const words = [...(stage.entrypoint ?? []), ...(stage.cmd ?? [])];
      const uwsgi = stage.uwsgi.runsUwsgi
        ? stage.uwsgi
        : uwsgiThroughScript(context, words, { workdir: stage.workdir, mappings, contextDir: dirname(dockerfile.path) }) ?? stage.uwsgi;
      targets.push({
        kind: 'docker',
        label: relativeTo(base, dockerfile.path),
        env: lastWins(stageEnv(dockerfile, stage, base)),
        mappings,
        workdir: stage.workdir,
        runsUwsgi: uwsgi.runsUwsgi,
        inis: uwsgi.inis.map((w) => ({ path: w.text, origin: span(w.file ?? dockerfile.path, w) })),
        commandOptions: optionsOf(uwsgi, dockerfile.path),
      });
    }
    for (const unit of files.units) {
      if (!unit.uwsgi.runsUwsgi) continue;
      const label = relativeTo(base, unit.path);
      const env: TargetEnv[] = [];
      for (const file of unit.environmentFiles) for (const item of envFileVars(context, resolvePath(dirname(unit.path), file), base)) env.push(item);
      for (const e of unit.environment) env.push({ name: e.name, value: e.value, origin: span(unit.path, e), via: `${label} Environment=` });
      targets.push({
        kind: 'systemd',
        label,
        env: lastWins(env),
        mappings: [],
        workdir: unit.workingDirectory,
        runsUwsgi: true,
        inis: unit.uwsgi.inis.map((w) => ({ path: w.text, origin: span(unit.path, w) })),
        commandOptions: optionsOf(unit.uwsgi, unit.path),
      });
    }
    for (const target of targets) {
      const ini = target.env.find((e) => e.name === 'UWSGI_INI');
      if (ini) target.inis.push({ path: ini.value.replace(/:[\w-]*$/, ''), origin: ini.origin });
    }
    return targets;
  });
}

function optionsOf(command: UwsgiCommand, file: string): DeployTarget['commandOptions'] {
  return command.options.map((o) => ({ name: o.name, value: o.value, origin: span(o.word.file ?? file, o.word), afterIni: o.afterIni }));
}

function stageEnv(dockerfile: Dockerfile | undefined, stage: DockerStage | undefined, base: string): TargetEnv[] {
  if (!dockerfile || !stage) return [];
  const via = `${relativeTo(base, dockerfile.path)} ENV`;
  return stage.env.map((e) => ({ name: e.name, value: e.value, origin: span(dockerfile.path, e), via }));
}

/** Reads an env file in the workspace; a deploy-side absolute path (`/etc/default/shop`) is found by its suffix. */
function envFileVars(context: RuleContext, path: string, base: string): TargetEnv[] {
  let text = context.fs.readFile(path);
  if (text === undefined) {
    const found = suffixMatch(context, path);
    if (!found || context.fs.kind(found.path) !== 'file') return [];
    path = found.path;
    text = context.fs.readFile(path);
    if (text === undefined) return [];
  }
  return readEnvFile(text).map((e) => ({ name: e.name, value: e.value, origin: span(path, e), via: relativeTo(base, path) }));
}

/** COPY/ADD from the build context; `--from=stage` copies come from another image and are skipped. */
function copyMappings(context: RuleContext, stage: DockerStage, contextDir: string, dockerfile: Dockerfile, base: string): PathMapping[] {
  const out: PathMapping[] = [];
  const file = relativeTo(base, dockerfile.path);
  for (const copy of stage.copies) {
    if (copy.fromStage !== undefined) continue;
    const via = `${file}: COPY ${copy.sources.join(' ')} ${copy.dest}`;
    for (const source of copy.sources) {
      if (/^[a-z]+:\/\//i.test(source)) continue;
      const glob = /[*?[]/.test(source);
      const host = resolvePath(contextDir, glob ? dirname('/' + source).slice(1) || '.' : source);
      if (copy.dest.endsWith('/') && !glob && !isFolderSource(context, host, source)) {
        out.push({ target: normalizePath(copy.dest + source.split('/').pop()), host, via });
      } else {
        out.push({ target: normalizePath(copy.dest), host, via, approximate: glob || undefined });
      }
    }
  }
  return out;
}

/** A folder's contents land in the destination; when the source is missing, guess from its spelling. */
function isFolderSource(context: RuleContext, host: string, source: string): boolean {
  const kind = context.fs.kind(host);
  if (kind) return kind === 'directory';
  return source === '.' || source.endsWith('/') || !/\.[\w-]+$/.test(source.split('/').pop() ?? '');
}

function lastWins(env: TargetEnv[]): TargetEnv[] {
  const byName = new Map<string, TargetEnv>();
  for (const e of env) {
    byName.delete(e.name);
    byName.set(e.name, e);
  }
  return [...byName.values()];
}

function span(file: string, range: { start: number; end: number }): Span {
  return { file, start: range.start, end: range.end };
}
