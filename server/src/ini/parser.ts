import type {
  IniDocument,
  IniEntry,
  IniEntryLine,
  IniLine,
  IniProblem,
  IniSection,
  LineEnding,
} from './model';
import { trackLogicBlocks } from './logicBlocks';
import { tokenizeValue } from './valueTokens';

/** uWSGI trims spaces, tabs and `\r` from both ends of every line (`ini_lstrip`/`ini_rstrip`). */
function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r';
}

/**
 * Parses uWSGI's ini dialect exactly as `core/ini.c` reads it, keeping every offset, comment
 * and line ending. Never throws: odd input becomes `problems`.
 */
export function parseIni(text: string): IniDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines: IniLine[] = [];
  const entries: IniEntry[] = [];
  const problems: IniProblem[] = [];
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  let eol: '\n' | '\r\n' | undefined;

  let offset = bom ? 1 : 0;
  let index = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const rawEnd = newline < 0 ? text.length : newline;
    if (newline < 0 && offset === text.length) break;
    let lineEnding: LineEnding = newline < 0 ? '' : '\n';
    let end = rawEnd;
    if (lineEnding === '\n' && end > offset && text[end - 1] === '\r') {
      lineEnding = '\r\n';
      end--;
    }
    if (!eol && lineEnding) eol = lineEnding;
    let first = offset;
    while (first < end && isBlank(text[first])) first++;
    let last = end;
    while (last > first && isBlank(text[last - 1])) last--;
    const base = { index, start: offset, end, eol: lineEnding, indent: text.slice(offset, first) };

    let line: IniLine;
    if (first === last) {
      line = { ...base, kind: 'blank' };
    } else if (text[first] === '[') {
      const trimmed = text.slice(first, last);
      const nameEnd = Math.max(first + 1, last - 1);
      const section: IniSection = {
        name: text.slice(first + 1, nameEnd),
        header: { span: { start: first, end: last }, nameSpan: { start: first + 1, end: nameEnd }, closed: trimmed.endsWith(']') },
        lines: [],
        entries: [],
        blocks: [],
        span: { start: offset, end: rawEnd + (newline < 0 ? 0 : 1) },
      };
      if (!section.header!.closed) {
        problems.push({
          kind: 'unclosedHeader',
          start: first,
          end: last,
          message: `Section header does not end with ']': uWSGI drops the last character and reads the name '${section.name}'.`,
        });
      }
      sections.push(section);
      current = section;
      line = { ...base, kind: 'header', section };
    } else if (text[first] === ';' || text[first] === '#') {
      line = { ...base, kind: 'comment', markerStart: first, text: text.slice(first + 1, last).trim() };
    } else {
      const entryLine = { ...base, kind: 'entry' } as IniEntryLine;
      entryLine.entry = parseEntry(text, first, last, current?.name ?? '', entryLine, problems);
      entries.push(entryLine.entry);
      line = entryLine;
    }

    if (!current && line.kind !== 'header') {
      current = { name: '', lines: [], entries: [], blocks: [], span: { start: 0, end: 0 } };
      sections.push(current);
    }
    current!.lines.push(line);
    if (line.kind === 'entry') current!.entries.push(line.entry);
    current!.span.end = rawEnd + (newline < 0 ? 0 : 1);

    lines.push(line);
    index++;
    if (newline < 0) break;
    offset = newline + 1;
  }

  if (bom) {
    problems.push({
      kind: 'bom',
      start: 0,
      end: 1,
      message: 'The file starts with a byte order mark; uWSGI does not skip it, so it reads the first line with three extra bytes in front.',
    });
  }
  const blocks = sections.flatMap((section) => trackLogicBlocks(section, problems));
  problems.sort((a, b) => a.start - b.start);
  return { text, bom, eol: eol ?? '\n', lines, sections, entries, blocks, problems };
}

/** `ini_get_key`: the first `=` splits; key right-trimmed, value left-trimmed (the line is already trimmed). */
function parseEntry(
  text: string,
  first: number,
  last: number,
  section: string,
  line: IniEntryLine,
  problems: IniProblem[],
): IniEntry {
  const eq = text.indexOf('=', first);
  const eqOffset = eq >= 0 && eq < last ? eq : -1;
  let keyEnd = eqOffset < 0 ? last : eqOffset;
  while (keyEnd > first && isBlank(text[keyEnd - 1])) keyEnd--;
  let valueStart = eqOffset < 0 ? last : eqOffset + 1;
  while (valueStart < last && isBlank(text[valueStart])) valueStart++;
  const value = text.slice(valueStart, last);
  const { tokens, unclosed } = tokenizeValue(value, valueStart);
  for (const at of unclosed) {
    problems.push({
      kind: 'unclosedToken',
      start: at,
      end: last,
      message: `'${text.slice(at, at + 2)}' has no closing ')': uWSGI leaves the text as it is.`,
    });
  }
  if (keyEnd === first) {
    problems.push({ kind: 'emptyKey', start: first, end: last, message: 'This line has no option name before `=`.' });
  }
  return {
    key: text.slice(first, keyEnd),
    value,
    keySpan: { start: first, end: keyEnd },
    eqOffset,
    valueSpan: { start: valueStart, end: last },
    section,
    line,
    tokens,
    conditional: false,
  };
}
