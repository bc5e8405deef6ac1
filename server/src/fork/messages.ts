import type { AppEntry } from '../app/appEntry';
import { dirname } from '../core/fileSystem';
import type { FileSystem } from '../core/fileSystem';
import { LineIndex } from '../core/lineIndex';
import type { Frame } from '../python/values';
import type { ForkModel } from './forkModel';
import type { ForkHazard } from './hazards';

/**
 * Message text for the fork-safety rules. Every claim is what fork-safety-truth.md measured
 * (uWSGI 2.0.21, PostgreSQL over TLS, 4 workers), including the strings users search for.
 */

export const POOLED_MEASURED =
  'Measured with PostgreSQL over TLS: 500s and cut-off responses after every worker (re)spawn, one per worker ' +
  '("SSL error: decryption failed or bad record mac", "SSL SYSCALL error: EOF detected"), recurring with max-requests, ' +
  'harakiri and reload-on-*; without TLS, wrong answers and hung workers (504). A 502 only when the error reaches uWSGI.';

export const HELD_MEASURED =
  'Measured with PostgreSQL over TLS: after the first request every request fails ("connection already closed", ' +
  '"SSL error: decryption failed or bad record mac", "SSL SYSCALL error: EOF detected") and some get another ' +
  "request's answer; without TLS, silently wrong answers with HTTP 200 and hung workers (504).";

export const CLIENT_MEASURED =
  'Sockets and pools opened before fork() are shared by every worker, and the background threads the client started do not survive the fork.';

/** `path:line` relative to the config's folder, for messages. */
export function where(fs: FileSystem, rootPath: string, frame: { file: string; start: number }): string {
  const text = fs.readFile(frame.file) ?? '';
  const line = new LineIndex(text).positionAt(frame.start).line + 1;
  return `${displayPath(rootPath, frame.file)}:${line}`;
}

export function displayPath(rootPath: string, file: string): string {
  const base = dirname(rootPath);
  return file.startsWith(base + '/') ? file.slice(base.length + 1) : file;
}

/** Why the app is imported before a fork under this config, with the entries that decide it. */
export function forkReason(fork: ForkModel, entry: AppEntry): string {
  const lazyNote = fork.lazyEntry && fork.lazy === false ? ` (\`${fork.lazyEntry.key} = ${fork.lazyEntry.raw}\` is false)` : '';
  let text: string;
  if (entry.kind === 'shared-import') {
    text = `uWSGI imports \`shared-import\` modules in the first process before any fork, even with lazy-apps (${fork.summary})`;
  } else if (fork.processes <= 0 && fork.processesEntry) {
    text = `uWSGI imports the app in the master and runs no workers, but forks its mules and spoolers from it (${fork.summary})`;
  } else if (fork.master === false) {
    text = `with no master, the process that imports the app is worker 1 and forks the other ${Math.max(fork.processes - 1, 1)} from it (${fork.summary})`;
  } else if (fork.respawnOnly) {
    const triggers = fork.respawnEntries.map((e) => `${e.key} = ${e.raw}`);
    text = `uWSGI imports the app in the master and forks worker 1 from it again on every respawn${
      triggers.length ? ` (${triggers.join(', ')})` : ' (a crash, harakiri, max-requests, reload-on-rss)'
    }; processes = 1 only narrows it to respawns (${fork.summary})`;
  } else {
    text = `uWSGI imports the app in the master and then forks ${fork.processes} workers from it (${fork.summary})${lazyNote}`;
    const triggers = fork.respawnEntries.map((e) => `${e.key} = ${e.raw}`);
    if (triggers.length > 0) text += `, and forks replacements from it again on every respawn (${triggers.join(', ')})`;
  }
  const vars = [
    ...fork.environmentEntries.map((e) => `${e.environment?.variable ?? e.key} from ${e.environment?.via ?? 'the environment'}`),
    ...fork.variableEntries.flatMap((e) => (e.variables ?? []).map((v) => `${v.name}=${v.value} from ${v.via}`)),
  ];
  if (vars.length > 0) text += `; the environment decides this: ${vars.join(', ')}`;
  return text;
}

/** Appended when `if-*` blocks or undeclared `$(VAR)`s decide the verdict: we say so instead of guessing. */
export function conditionalNote(fork: ForkModel, entry: AppEntry): string {
  if (!isConditional(fork, entry)) return '';
  if (fork.unknownEntries.length > 0 && fork.conditionalEntries.length === 0 && !entry.conditional) {
    const lines = fork.unknownEntries.map((e) => `\`${e.key} = ${e.raw}\``).join(', ');
    return ` ${lines} depends on the environment uWSGI starts with, which the deployment files do not declare (an unset $(VAR) stays as written and counts as true), so the verdict is conditional.`;
  }
  return ' This depends on `if-*`/`for` blocks evaluated when uWSGI starts, so the verdict is conditional.';
}

export function isConditional(fork: ForkModel, entry: AppEntry): boolean {
  const verdict = entry.kind === 'shared-import' ? fork.preforkShared : fork.preforkApp;
  return verdict === 'conditional' || entry.conditional;
}

export function hazardWhat(hazard: ForkHazard): string {
  if (hazard.lifetime === 'client') return `\`${hazard.first.site.label}\` starts a ${hazard.owner.label} while the module is imported`;
  if (hazard.lifetime === 'held') {
    return `\`${hazard.first.site.label}\` opens a ${hazard.owner.driver ?? 'database'} connection at import that stays open for the life of the process`;
  }
  return `\`${hazard.first.site.label}\` opens a database connection at import, and the ${hazard.owner.label}'s pool keeps it open`;
}

/** Sentence case, leaving `uWSGI` as it is spelled. */
export function capitalize(text: string): string {
  return text.startsWith('uWSGI') ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** Who ends up sharing the connection. */
export function inherits(fork: ForkModel): string {
  return fork.respawnOnly ? "each respawned worker inherits the master's socket" : 'every worker inherits the same socket';
}

export function measured(hazard: ForkHazard): string {
  if (hazard.lifetime === 'client') return CLIENT_MEASURED;
  return hazard.lifetime === 'held' ? HELD_MEASURED : POOLED_MEASURED;
}

/** Related spans: every frame of the import chain, labelled. */
export function chainRelated(fs: FileSystem, rootPath: string, chain: readonly Frame[]): Array<Frame & { message: string }> {
  return chain.map((frame) => ({ ...frame, message: `import chain: ${frame.label} (${where(fs, rootPath, frame)})` }));
}
