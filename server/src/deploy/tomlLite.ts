/**
 * A tolerant reader for the TOML that Python projects use for dependencies (pyproject.toml, Pipfile,
 * poetry.lock, uv.lock): table headers, `key = value` with strings, arrays (multi-line too) and inline
 * tables. Not a TOML validator: unreadable lines are skipped.
 */

export interface TomlString {
  value: string;
  /** Offsets of the string's contents (inside the quotes). */
  start: number;
  end: number;
}

export type TomlValue =
  | { kind: 'string'; string: TomlString }
  | { kind: 'array'; items: TomlString[] }
  | { kind: 'table'; fields: Record<string, TomlString> }
  | { kind: 'other'; text: string };

export interface TomlEntry {
  /** Dotted header of the table the entry is in (`tool.poetry.dependencies`); '' at the top. */
  table: string;
  /** For `[[array]]` tables, which element (0-based); -1 for plain tables. */
  element: number;
  key: string;
  value: TomlValue;
  /** Span of the whole `key = value`. */
  start: number;
  end: number;
}

const STRING = /"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'/y;

export function readToml(text: string): TomlEntry[] {
  const entries: TomlEntry[] = [];
  const counts = new Map<string, number>();
  let table = '';
  let element = -1;
  let pos = 0;
  while (pos < text.length) {
    const lineEnd = indexOrEnd(text, '\n', pos);
    const line = text.slice(pos, lineEnd);
    const trimmed = line.trim();
    const header = /^\[(\[)?\s*([^\]]+?)\s*\]\]?/.exec(trimmed);
    if (header) {
      table = unquoteKey(header[2]);
      element = header[1] ? (counts.get(table) ?? -1) + 1 : -1;
      if (header[1]) counts.set(table, element);
      pos = lineEnd + 1;
      continue;
    }
    const kv = /^\s*("[^"]*"|'[^']*'|[\w.-]+)\s*=\s*/.exec(line);
    if (!kv || trimmed.startsWith('#')) {
      pos = lineEnd + 1;
      continue;
    }
    const valueStart = pos + kv[0].length;
    const { value, end } = readValue(text, valueStart);
    entries.push({ table, element, key: unquoteKey(kv[1]), value, start: pos + line.length - line.trimStart().length, end });
    pos = indexOrEnd(text, '\n', Math.max(end, valueStart)) + 1;
  }
  return entries;
}

function readValue(text: string, start: number): { value: TomlValue; end: number } {
  const ch = text[start];
  if (ch === '"' || ch === "'") {
    const s = readString(text, start);
    if (s) return { value: { kind: 'string', string: s }, end: s.end + 1 };
  }
  if (ch === '[') return readArray(text, start);
  if (ch === '{') return readInlineTable(text, start);
  const end = indexOrEnd(text, '\n', start);
  return { value: { kind: 'other', text: text.slice(start, end).replace(/#.*$/, '').trim() }, end };
}

function readString(text: string, start: number): TomlString | undefined {
  if (text.startsWith('"""', start) || text.startsWith("'''", start)) {
    const quote = text.slice(start, start + 3);
    const close = text.indexOf(quote, start + 3);
    if (close < 0) return undefined;
    return { value: text.slice(start + 3, close), start: start + 3, end: close + 2 };
  }
  STRING.lastIndex = start;
  const m = STRING.exec(text);
  if (!m) return undefined;
  const value = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2];
  return { value, start: start + 1, end: start + m[0].length - 1 };
}

/** Arrays of strings (nested inline tables and arrays are skipped, keeping bracket balance). */
function readArray(text: string, start: number): { value: TomlValue; end: number } {
  const items: TomlString[] = [];
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '#') {
      i = indexOrEnd(text, '\n', i);
      continue;
    }
    if (ch === '"' || ch === "'") {
      const s = readString(text, i);
      if (!s) break;
      if (depth === 1) items.push(s);
      i = s.end + 1;
      continue;
    }
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return { value: { kind: 'array', items }, end: i + 1 };
    }
    i++;
  }
  return { value: { kind: 'array', items }, end: i };
}

function readInlineTable(text: string, start: number): { value: TomlValue; end: number } {
  const fields: Record<string, TomlString> = {};
  const close = findClose(text, start);
  const body = text.slice(start + 1, close);
  const field = /("[^"]*"|[\w.-]+)\s*=\s*/g;
  let m: RegExpExecArray | null;
  while ((m = field.exec(body))) {
    const at = start + 1 + m.index + m[0].length;
    const s = text[at] === '"' || text[at] === "'" ? readString(text, at) : undefined;
    if (s) fields[unquoteKey(m[1])] = s;
    field.lastIndex = s ? s.end + 1 - (start + 1) : field.lastIndex;
  }
  return { value: { kind: 'table', fields }, end: Math.min(close + 1, text.length) };
}

function findClose(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const s = readString(text, i);
      if (s) i = s.end;
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}

function unquoteKey(key: string): string {
  return key
    .split('.')
    .map((part) => part.trim().replace(/^["']|["']$/g, ''))
    .join('.');
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const i = text.indexOf(needle, from);
  return i < 0 ? text.length : i;
}
