import type { FileSystem } from '../core/fileSystem';
import { dirname, resolvePath } from '../core/fileSystem';
import { parseRequirement } from './requirementLine';

export interface RequirementEntry {
  name: string;
  specifier: string;
  file: string;
  start: number;
  end: number;
}

const MAX_INCLUDES = 20;

/** Reads a requirements file and the files it includes with `-r`/`-c` (each once, cycles ignored). */
export function readRequirementsFile(fs: FileSystem, path: string, seen = new Set<string>()): RequirementEntry[] {
  if (seen.has(path) || seen.size >= MAX_INCLUDES) return [];
  seen.add(path);
  const text = fs.readFile(path);
  if (text === undefined) return [];
  const out: RequirementEntry[] = [];
  for (const line of logicalLines(text)) {
    const content = line.text.replace(/(^|\s)#.*$/, '').trim();
    if (content === '') continue;
    const include = /^(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/.exec(content);
    if (include) {
      for (const item of readRequirementsFile(fs, resolvePath(dirname(path), include[1]), seen)) out.push(item);
      continue;
    }
    if (content.startsWith('-')) continue;
    const requirement = parseRequirement(content);
    if (requirement) out.push({ ...requirement, file: path, start: line.start, end: line.start + line.text.trimEnd().length });
  }
  return out;
}

/** Lines with `\` continuations joined; `start` is the offset of the first physical line. */
function logicalLines(text: string): { text: string; start: number }[] {
  const lines: { text: string; start: number }[] = [];
  let pending: { text: string; start: number } | undefined;
  let pos = 0;
  for (const raw of text.split('\n')) {
    const physical = raw.replace(/\r$/, '');
    const continued = /\\$/.test(physical);
    const part = continued ? physical.slice(0, -1) : physical;
    pending = pending ? { text: pending.text + part, start: pending.start } : { text: part, start: pos };
    if (!continued) {
      lines.push(pending);
      pending = undefined;
    }
    pos += raw.length + 1;
  }
  if (pending) lines.push(pending);
  return lines;
}
