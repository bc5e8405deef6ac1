import { dirname, resolvePath } from '../core/fileSystem';
import { splitCommand, type Word } from './shellWords';
import { readUwsgiCommand, type UwsgiCommand } from './uwsgiCommand';

export interface DockerEnv {
  name: string;
  value: string;
  /** Span of `K=V` (or `K V`) in the Dockerfile. */
  start: number;
  end: number;
}

export interface DockerCopy {
  /** Sources as written, relative to the build context. */
  sources: string[];
  /** Absolute destination in the image (WORKDIR applied); ends with `/` when it names a folder. */
  dest: string;
  /** `COPY --from=stage`: sources come from another image, not the build context. */
  fromStage?: string;
  start: number;
  end: number;
}

export interface DockerStage {
  name?: string;
  /** The image this stage starts from (`python:3.11`, or an earlier stage's name). */
  base: string;
  /** WORKDIR at the end of the stage; `/` when never set. */
  workdir: string;
  env: DockerEnv[];
  copies: DockerCopy[];
  /** The last CMD and ENTRYPOINT, which decide what the container runs. */
  cmd?: Word[];
  entrypoint?: Word[];
  /** What the combined ENTRYPOINT + CMD says about uWSGI. */
  uwsgi: UwsgiCommand;
}

export interface Dockerfile {
  path: string;
  stages: DockerStage[];
  /** The stage that runs uWSGI, else the last one: the image that gets deployed. */
  runtime?: DockerStage;
}

/** Reads the instructions this linter needs; unknown or malformed lines are skipped. */
export function readDockerfile(path: string, text: string): Dockerfile {
  const stages: DockerStage[] = [];
  let stage: DockerStage | undefined;
  for (const ins of instructions(text)) {
    if (ins.keyword === 'FROM') {
      const m = /^(?:--\S+\s+)*(\S+)(?:\s+as\s+(\S+))?/i.exec(ins.args);
      const base = m?.[1] ?? '';
      const parent = stages.find((s) => s.name !== undefined && s.name === base);
      stage = {
        name: m?.[2],
        base,
        workdir: parent?.workdir ?? '/',
        env: parent ? [...parent.env] : [],
        copies: parent ? [...parent.copies] : [],
        cmd: parent?.cmd,
        entrypoint: parent?.entrypoint,
        uwsgi: { runsUwsgi: false, inis: [], options: [] },
      };
      stages.push(stage);
      continue;
    }
    if (!stage) continue;
    const env = (s: string) => substitute(s, stage!.env);
    switch (ins.keyword) {
      case 'WORKDIR':
        stage.workdir = resolvePath(stage.workdir, env(ins.args.trim().replace(/^["']|["']$/g, '')));
        break;
      case 'ENV':
        // `ENV PATH=$APP/bin` sees the variables set before it.
        stage.env.push(...readEnv(ins.args, ins.argsStart).map((e) => ({ ...e, value: env(e.value) })));
        break;
      case 'COPY':
      case 'ADD': {
        const copy = readCopy(ins.args, ins.argsStart, stage.workdir, env);
        if (copy) stage.copies.push(copy);
        break;
      }
      case 'CMD':
        stage.cmd = splitCommand(ins.args, ins.argsStart).map((w) => ({ ...w, file: path }));
        break;
      case 'ENTRYPOINT':
        stage.entrypoint = splitCommand(ins.args, ins.argsStart).map((w) => ({ ...w, file: path }));
        // Docker resets an inherited CMD when ENTRYPOINT is set.
        stage.cmd = undefined;
        break;
    }
  }
  for (const s of stages) s.uwsgi = readUwsgiCommand([...(s.entrypoint ?? []), ...(s.cmd ?? [])]);
  const runtime = [...stages].reverse().find((s) => s.uwsgi.runsUwsgi) ?? stages[stages.length - 1];
  return { path, stages, runtime };
}

/** The build context of a Dockerfile read on its own: its folder. */
export function defaultContext(path: string): string {
  return dirname(path);
}

interface Instruction {
  keyword: string;
  args: string;
  argsStart: number;
}

/** Joins `\` continuations (keeping offsets of the first physical line) and drops comments. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  let pos = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineStart = pos;
    let line = lines[i];
    pos += lines[i].length + 1;
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    // Continuations become blanks of the same length, so offsets stay those of the file.
    while (/\\\s*$/.test(line) && i + 1 < lines.length) {
      const next = lines[++i];
      pos += next.length + 1;
      line = line.replace(/\\(\s*)$/, (m) => ' '.repeat(m.length)) + ' ' + (/^\s*#/.test(next) ? ' '.repeat(next.length) : next);
    }
    line = line.replace(/\r$/, '');
    const m = /^(\s*)([A-Za-z]+)(\s+)/.exec(line);
    if (!m) continue;
    out.push({ keyword: m[2].toUpperCase(), args: line.slice(m[0].length), argsStart: lineStart + m[0].length });
  }
  return out;
}

function readEnv(args: string, offset: number): DockerEnv[] {
  const words = splitCommand(args, offset);
  if (words.length === 0) return [];
  if (!words[0].text.includes('=')) {
    // Legacy `ENV KEY value with spaces`.
    const rest = args.slice(words[0].end - offset).trim();
    const last = words[words.length - 1];
    return [{ name: words[0].text, value: rest.replace(/^["']|["']$/g, ''), start: words[0].start, end: last.end }];
  }
  return words
    .filter((w) => /^[A-Za-z_][\w.-]*=/.test(w.text))
    .map((w) => {
      const eq = w.text.indexOf('=');
      return { name: w.text.slice(0, eq), value: w.text.slice(eq + 1), start: w.start, end: w.end };
    });
}

function readCopy(args: string, offset: number, workdir: string, env: (s: string) => string): DockerCopy | undefined {
  const words = splitCommand(args, offset);
  let fromStage: string | undefined;
  const paths = words.filter((w) => {
    const from = /^--from=(.+)$/.exec(w.text);
    if (from) fromStage = from[1];
    return !w.text.startsWith('--');
  });
  if (paths.length < 2) return undefined;
  const destText = env(paths[paths.length - 1].text);
  const folder = destText.endsWith('/') || destText === '.' || paths.length > 2;
  const dest = resolvePath(workdir, destText) + (folder ? '/' : '');
  return {
    sources: paths.slice(0, -1).map((w) => env(w.text)),
    dest: dest.replace(/\/+$/, '/'),
    fromStage,
    start: words[0].start,
    end: words[words.length - 1].end,
  };
}

/** `$VAR` / `${VAR}` from the stage's ENV; unknown variables stay as written. */
function substitute(text: string, env: DockerEnv[]): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a: string | undefined, b: string | undefined) => {
    const name = a ?? b ?? '';
    const hit = [...env].reverse().find((e) => e.name === name);
    return hit ? hit.value : whole;
  });
}
