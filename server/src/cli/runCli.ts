import { resolve as resolveNative } from 'node:path';
import { discoverConfigs, isUwsgiConfig } from '../core/configDiscovery';
import { dirname, normalizePath } from '../core/fileSystem';
import type { Finding, Severity } from '../core/finding';
import { DEFAULT_SETTINGS, type LintSettings } from '../core/settings';
import { WorkspaceLinter } from '../core/workspaceLinter';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { initEngine } from '../node/initEngine';
import { parseCliArguments, USAGE, UsageError, type CliArguments } from './cliArguments';
import { formatJson } from './formatJson';
import { formatText } from './formatText';

const SEVERITY_RANK: Record<Severity, number> = { error: 4, warning: 3, information: 2, hint: 1 };

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  version: string;
}

/** Runs the CLI and returns its exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let args: CliArguments;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`uwsgi-lint: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (args.version) {
    io.stdout(io.version + '\n');
    return 0;
  }

  const fs = new NodeFileSystem();
  const targets: { path: string; section?: string; root: string }[] = [];
  for (const raw of args.paths) {
    const { path, section } = splitSection(normalizePath(resolveNative(io.cwd, raw)), fs);
    const kind = fs.kind(path);
    if (kind === 'directory') {
      const found = discoverConfigs(fs, [path]);
      if (found.truncated) io.stderr(`uwsgi-lint: ${raw}: stopped searching after 20000 entries; name a smaller folder\n`);
      for (const config of found.configs) targets.push({ path: config, root: path });
    } else if (kind === 'file') {
      if (!path.endsWith('.ini') && !isUwsgiConfig(path, fs.readFile(path))) {
        io.stderr(`uwsgi-lint: ${raw}: not an ini file\n`);
        return 2;
      }
      targets.push({ path, section, root: workspaceRootOf(path, io.cwd, fs) });
    } else {
      io.stderr(`uwsgi-lint: ${raw}: no such file or folder\n`);
      return 2;
    }
  }

  await initEngine();
  const linter = new WorkspaceLinter(fs);
  for (const target of targets) {
    const settings: LintSettings = {
      ...DEFAULT_SETTINGS,
      uwsgiVersion: args.uwsgiVersion ?? DEFAULT_SETTINGS.uwsgiVersion,
      buildKind: args.buildKind ?? DEFAULT_SETTINGS.buildKind,
      workspaceRoots: [target.root],
    };
    linter.lint(target.path, settings, target.section);
  }
  const findings = [...linter.findingsByFile().values()].flat();
  io.stdout(args.format === 'json' ? formatJson(findings, fs, io.cwd) : formatText(findings, fs, io.cwd, targets.length));
  const threshold = args.failOn === 'none' ? Infinity : SEVERITY_RANK[args.failOn];
  return findings.some((f: Finding) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}

/** `app.ini:production` names a section, as `uwsgi --ini app.ini:production` does. */
function splitSection(path: string, fs: NodeFileSystem): { path: string; section?: string } {
  const colon = path.lastIndexOf(':');
  if (colon > path.lastIndexOf('/') && fs.kind(path) === undefined) {
    return { path: path.slice(0, colon), section: path.slice(colon + 1) || undefined };
  }
  return { path };
}

/** The nearest ancestor holding `.git`, else the working folder when the file is inside it, else the file's folder. */
function workspaceRootOf(file: string, cwd: string, fs: NodeFileSystem): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (fs.kind(`${dir}/.git`) !== undefined) return dir;
    if (dir === '/') break;
  }
  const base = normalizePath(cwd);
  return file.startsWith(base + '/') ? base : dirname(file);
}
