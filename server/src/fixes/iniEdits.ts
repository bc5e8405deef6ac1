import type { TextEdit } from '../core/finding';
import type { IniDocument, IniEntry, IniLine } from '../ini/model';
import { sectionInsertionPoint, sectionsNamed } from '../ini/query';

/**
 * Edit builders for ini files. Every builder is lossless (only the touched text changes; line
 * endings and indentation follow the file) and idempotent (applying the result again is a no-op,
 * or the builder returns no edits once the text is already right).
 */

/** The line ending to write after a new line placed at `line`: its own, else the file's. */
function eolAt(doc: IniDocument, line: IniLine): string {
  return line.eol || doc.eol;
}

/**
 * Makes section `sectionName` end up with `option = value`: replaces the value of the last
 * `option` entry (a falsy `lazy-apps = false` becomes `true`), or appends the line at the end of
 * the last such section with the section's indentation, or appends a new section to the file.
 * Returns [] when the last entry already has exactly that value. `aliases` (default: just
 * `option`) are the spellings that count as existing entries, e.g. `['processes', 'workers']`.
 * Entries inside logic blocks are never edited: they may not apply.
 */
export function setOptionEdits(
  doc: IniDocument,
  path: string,
  sectionName: string,
  option: string,
  value: string,
  aliases: readonly string[] = [option],
): TextEdit[] {
  const sections = sectionsNamed(doc, sectionName);
  const existing = sections.flatMap((s) => s.entries).filter((e) => aliases.includes(e.key) && !e.conditional);
  const last = existing[existing.length - 1];
  if (last) return last.value === value ? [] : [replaceValueEdit(path, last, value)];
  const section = sections[sections.length - 1];
  if (section) {
    const at = sectionInsertionPoint(doc, section);
    return [{ file: path, start: at.offset, end: at.offset, newText: `${at.prefix}${at.indent}${option} = ${value}${at.eol}` }];
  }
  const end = doc.text.length;
  const lastLine = doc.lines[doc.lines.length - 1];
  const lead = !lastLine ? '' : lastLine.eol ? doc.eol : doc.eol + doc.eol;
  return [{ file: path, start: end, end, newText: `${lead}[${sectionName}]${doc.eol}${option} = ${value}${doc.eol}` }];
}

/** Replaces an entry's value as written; a bare key (`master`) gains ` = value`. */
export function replaceValueEdit(path: string, entry: IniEntry, value: string): TextEdit {
  if (entry.eqOffset < 0) {
    return { file: path, start: entry.keySpan.end, end: entry.valueSpan.end, newText: ` = ${value}` };
  }
  if (entry.valueSpan.start === entry.valueSpan.end) {
    // `key =` with nothing after: keep the `=` and add one space.
    return { file: path, start: entry.eqOffset + 1, end: entry.line.end, newText: ` ${value}` };
  }
  return { file: path, start: entry.valueSpan.start, end: entry.valueSpan.end, newText: value };
}

/** Renames an entry's key, keeping everything after it. */
export function renameKeyEdit(path: string, entry: IniEntry, key: string): TextEdit {
  return { file: path, start: entry.keySpan.start, end: entry.keySpan.end, newText: key };
}

/**
 * Removes a whole line with its line ending. The last line of a file (no line ending) takes
 * the previous line's ending with it instead, so no blank line is left behind.
 */
export function removeLineEdit(doc: IniDocument, path: string, line: IniLine): TextEdit {
  if (line.eol || line.index === 0) {
    return { file: path, start: line.start, end: line.end + line.eol.length, newText: '' };
  }
  const previous = doc.lines[line.index - 1];
  return { file: path, start: previous.end, end: line.end, newText: '' };
}

/** Inserts `text` as a new line above `line`, with `line`'s indentation and line ending. */
export function insertLineAbove(doc: IniDocument, path: string, line: IniLine, text: string): TextEdit {
  return { file: path, start: line.start, end: line.start, newText: `${line.indent}${text}${eolAt(doc, line)}` };
}
