import type { IniDocument, IniEntry, IniLine, IniSection, ValueToken } from '../ini/model';
import { lineAt } from '../ini/query';

/** What the cursor is on, in the terms features care about. */
export type CursorTarget =
  | { kind: 'key'; line: IniLine; entry: IniEntry }
  | { kind: 'value'; line: IniLine; entry: IniEntry; token?: ValueToken }
  | { kind: 'header'; line: IniLine; section: IniSection }
  | { kind: 'comment'; line: IniLine }
  | { kind: 'blank'; line?: IniLine }
  | { kind: 'none' };

/**
 * Classifies `offset` (a cursor between characters, so the end of a word still counts as on it).
 * On an entry line, everything up to the `=` is key, after it value; a bare key is all key.
 */
export function cursorAt(doc: IniDocument, offset: number): CursorTarget {
  const line = lineAt(doc, offset);
  // The empty last line after a final newline has no IniLine of its own.
  if (!line) return offset >= doc.text.length ? { kind: 'blank' } : { kind: 'none' };
  if (line.kind === 'blank') return { kind: 'blank', line };
  if (line.kind === 'comment') return offset <= line.markerStart ? { kind: 'blank', line } : { kind: 'comment', line };
  if (line.kind === 'header') return { kind: 'header', line, section: line.section };
  const entry = line.entry;
  if (entry.eqOffset < 0 || offset <= entry.eqOffset) return { kind: 'key', line, entry };
  const token = entry.tokens.find((t) => offset >= t.start && offset <= t.end);
  return token ? { kind: 'value', line, entry, token } : { kind: 'value', line, entry };
}

/** The section `offset` lies in, by file order. */
export function sectionAt(doc: IniDocument, offset: number): IniSection | undefined {
  let found: IniSection | undefined;
  for (const section of doc.sections) if (section.span.start <= offset) found = section;
  return found;
}
