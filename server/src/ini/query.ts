import type { IniDocument, IniEntry, IniLine, IniSection } from './model';

/**
 * Every section uWSGI would read for `name`: it matches each header by exact, case-sensitive
 * name, so a file may contribute several `[uwsgi]` blocks.
 */
export function sectionsNamed(doc: IniDocument, name: string): IniSection[] {
  return doc.sections.filter((section) => section.name === name);
}

/** Entries of every section called `name`, in file order. */
export function entriesOf(doc: IniDocument, name: string): IniEntry[] {
  return sectionsNamed(doc, name).flatMap((section) => section.entries);
}

/** Entries of section `name` whose key is one of `keys`, in file order. */
export function findEntries(doc: IniDocument, name: string, keys: readonly string[]): IniEntry[] {
  return entriesOf(doc, name).filter((entry) => keys.includes(entry.key));
}

/** Where a new line goes to append to a section, and the text to put around it. */
export interface InsertionPoint {
  offset: number;
  /** A line ending to write first, when the section's last line has none (end of file). */
  prefix: string;
  /** Indentation of the section's entries (of its last entry), so new lines line up. */
  indent: string;
  /** The file's line ending. */
  eol: string;
}

/**
 * The point just after the last non-blank line of `section` (entries and comments), so an
 * appended option stays above the blank lines that separate it from the next section.
 */
export function sectionInsertionPoint(doc: IniDocument, section: IniSection): InsertionPoint {
  let last: IniLine | undefined;
  for (const line of section.lines) if (line.kind !== 'blank') last = line;
  const lastEntry = section.entries[section.entries.length - 1];
  const indent = lastEntry ? lastEntry.line.indent : '';
  if (!last) return { offset: section.span.start, prefix: '', indent, eol: doc.eol };
  const offset = last.end + last.eol.length;
  return { offset, prefix: last.eol ? '' : doc.eol, indent, eol: doc.eol };
}

/** The line that contains `offset`, or undefined when it is outside the text. */
export function lineAt(doc: IniDocument, offset: number): IniLine | undefined {
  let low = 0;
  let high = doc.lines.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const line = doc.lines[mid];
    if (offset < line.start) high = mid - 1;
    else if (offset > line.end + line.eol.length - (line.eol ? 1 : 0)) low = mid + 1;
    else return line;
  }
  return undefined;
}
