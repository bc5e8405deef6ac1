import type { FileSystem } from '../core/fileSystem';
import { dirname, resolvePath } from '../core/fileSystem';
import type { PathKind } from './valueKinds';
import type { CompletionEntry, OffsetRange } from './types';

const SKIPPED = new Set(['__pycache__', 'node_modules', '.git']);

export interface PathCompletionRequest {
  fs: FileSystem;
  /** The ini file: relative values resolve against its folder, and `%d` is that folder. */
  iniPath: string;
  /** The value as typed up to the cursor. */
  typed: string;
  /** Offset of `typed` in the document. */
  typedStart: number;
  /** Where the path segment being typed ends (the next `/` or the value end). */
  segmentEnd: number;
  kind: PathKind;
  extensions?: readonly string[];
}

/** Folder entries for the path segment being typed; folders re-open completion to go deeper. */
export function pathCompletions(request: PathCompletionRequest): CompletionEntry[] {
  const { typed, fs } = request;
  if (/[%$@]\(/.test(typed.replace(/^%d/, ''))) return [];
  const folderOfIni = dirname(request.iniPath);
  const expanded = typed.startsWith('%d') ? `${folderOfIni}/${typed.slice(2)}` : typed;
  const slash = expanded.lastIndexOf('/');
  const folderText = slash < 0 ? '' : expanded.slice(0, slash + 1);
  const partial = expanded.slice(slash + 1);
  const folder = folderText.startsWith('/') ? resolvePath('/', folderText) : resolvePath(folderOfIni, folderText || '.');
  const names = fs.readDirectory(folder);
  if (!names) return [];
  const segmentStart = request.typedStart + (typed.lastIndexOf('/') + 1);
  const replace: OffsetRange = { start: segmentStart, end: Math.max(segmentStart, request.segmentEnd) };
  const items: CompletionEntry[] = [];
  for (const name of names) {
    if (SKIPPED.has(name) || (name.startsWith('.') && !partial.startsWith('.'))) continue;
    const path = resolvePath(folder, name);
    const kind = fs.kind(path);
    if (kind === 'directory') {
      items.push({ label: name + '/', kind: 'folder', insertText: name + '/', sortText: `${request.kind === 'folder' ? 0 : 1}${name}`, replace, retrigger: true, detail: path });
    } else if (kind === 'file' && request.kind === 'file') {
      if (request.extensions && !request.extensions.some((ext) => name.endsWith(ext))) continue;
      items.push({ label: name, kind: 'file', sortText: `0${name}`, replace, detail: path });
    }
  }
  return items;
}
