import { basename, normalizePath, resolvePath } from '../core/fileSystem';
import type { RuleContext } from '../rules/rule';
import type { PathMapping } from './deployTargets';
import { isInside } from './searchDirs';
import { shellWords, type Word } from './shellWords';
import { readUwsgiCommand, type UwsgiCommand } from './uwsgiCommand';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh']);

/** Where the container or unit starts: the folder relative paths resolve from, and how deploy paths map here. */
export interface StartPlace {
  workdir?: string;
  mappings: readonly PathMapping[];
  /** The build context (or the unit's folder), for a relative script the mappings do not cover. */
  contextDir: string;
}

/**
 * `CMD ["./start.sh"]`, `ENTRYPOINT ["/docker-entrypoint.sh"]`, `command: sh bin/run.sh`: when the
 * command runs a script from the workspace instead of uwsgi itself, the script's uwsgi line is what
 * starts it (`exec uwsgi --ini uwsgi.ini --lazy-apps`). Words carry the script's path for findings.
 */
export function uwsgiThroughScript(context: RuleContext, words: readonly Word[], place: StartPlace): UwsgiCommand | undefined {
  const first = words[0];
  if (!first) return undefined;
  // `tini -- ./start.sh`, `dumb-init /entrypoint.sh`: an init wrapper in front still runs the script.
  const wrapped = words.slice(0, 4).find((w) => /\.(sh|bash)$/.test(w.text));
  const scriptWord = SHELLS.has(basename(first.text)) ? words[1] : wrapped ?? first;
  if (!scriptWord || scriptWord.text.startsWith('-')) return undefined;
  const path = scriptPath(context, scriptWord.text, place);
  const text = path ? context.fs.readFile(path) : undefined;
  if (!path || text === undefined) return undefined;
  // A `\` at the end of a line continues the command; blanks of the same length keep every offset.
  const joined = text.replace(/\\\r?\n/g, (m) => ' '.repeat(m.length));
  let offset = 0;
  for (const line of joined.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (/^\s*#/.test(line) || !/\buwsgi/.test(line)) continue;
    const command = readUwsgiCommand(shellWords(line, start).map((w) => ({ ...w, file: path })));
    if (command.runsUwsgi) return command;
  }
  return undefined;
}

function scriptPath(context: RuleContext, written: string, place: StartPlace): string | undefined {
  if (!/\.(sh|bash)$/.test(written) && !written.includes('/')) return undefined;
  const deployPath = resolvePath(place.workdir ?? '/', written);
  const hits = place.mappings.filter((m) => isInside(deployPath, m.target)).sort((a, b) => b.target.length - a.target.length);
  for (const m of hits) {
    const host = normalizePath(m.host + deployPath.slice(m.target === '/' ? 0 : m.target.length));
    if (context.fs.kind(host) === 'file') return host;
  }
  const local = resolvePath(place.contextDir, written);
  return !written.startsWith('/') && context.fs.kind(local) === 'file' ? local : undefined;
}
