/**
 * A tolerant reader for the block-style YAML that compose files use: nested maps, `- ` lists (items
 * may start a map), plain and quoted scalars, `|`/`>` block scalars, one-line `[a, b]` / `{k: v}` flow
 * collections. Anchors, tags and aliases are read as text. Never throws; bad lines are skipped.
 */

export interface YamlScalar {
  kind: 'scalar';
  value: string;
  start: number;
  end: number;
}
export interface YamlList {
  kind: 'list';
  items: YamlNode[];
  start: number;
  end: number;
}
export interface YamlMapEntry {
  key: string;
  value: YamlNode;
  /** Span of the whole `key: value` line(s). */
  start: number;
  end: number;
}
export interface YamlMap {
  kind: 'map';
  entries: YamlMapEntry[];
  start: number;
  end: number;
}
export type YamlNode = YamlScalar | YamlList | YamlMap;

interface Line {
  indent: number;
  text: string;
  /** Offset of `text[0]` in the file. */
  start: number;
}

export function readYaml(text: string): YamlNode | undefined {
  const lines: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const content = stripComment(raw.replace(/\r$/, ''));
    const indent = content.length - content.trimStart().length;
    if (content.trim() !== '' && !/^(---|\.\.\.)\s*$/.test(content.trim())) {
      lines.push({ indent, text: content.trim(), start: pos + indent });
    }
    pos += raw.length + 1;
  }
  const cursor = { i: 0 };
  return lines.length > 0 ? parseBlock(lines, cursor, lines[0].indent) : undefined;
}

function parseBlock(lines: Line[], c: { i: number }, indent: number): YamlNode | undefined {
  const line = lines[c.i];
  if (!line || line.indent < indent) return undefined;
  return /^-(\s|$)/.test(line.text) ? parseList(lines, c, line.indent) : parseMap(lines, c, line.indent);
}

function parseList(lines: Line[], c: { i: number }, indent: number): YamlList {
  const items: YamlNode[] = [];
  const start = lines[c.i].start;
  let end = start;
  while (c.i < lines.length && lines[c.i].indent === indent && /^-(\s|$)/.test(lines[c.i].text)) {
    const line = lines[c.i];
    const rest = line.text.slice(1).trimStart();
    if (rest === '') {
      c.i++;
      const child = parseBlock(lines, c, indent + 1);
      if (child) items.push(child);
    } else {
      // `- key: v` starts a map whose keys line up with `key`; re-read this line as that map's first line.
      const offset = line.text.length - rest.length;
      lines[c.i] = { indent: indent + offset, text: rest, start: line.start + offset };
      if (isMapLine(rest)) items.push(parseMap(lines, c, indent + offset));
      else items.push(parseScalarValue(lines, c, rest, line.start + offset, indent));
    }
    end = lines[c.i - 1]?.start + (lines[c.i - 1]?.text.length ?? 0);
  }
  return { kind: 'list', items, start, end };
}

function parseMap(lines: Line[], c: { i: number }, indent: number): YamlMap {
  const entries: YamlMapEntry[] = [];
  const start = lines[c.i].start;
  while (c.i < lines.length && lines[c.i].indent === indent) {
    const line = lines[c.i];
    const m = /^("[^"]*"|'[^']*'|[^\s:#](?:[^:#]*[^\s:#])?)\s*:(\s+|$)/.exec(line.text);
    if (!m || line.text.startsWith('- ')) {
      c.i++;
      continue;
    }
    const key = unquote(m[1]);
    const rest = line.text.slice(m[0].length);
    let value: YamlNode | undefined;
    if (rest === '' || /^[&!][^\s]*$/.test(rest)) {
      c.i++;
      const next = lines[c.i];
      // Compose writes `environment:` lists at the key's own indent as often as deeper.
      if (next && (next.indent > indent || (next.indent === indent && /^-(\s|$)/.test(next.text)))) {
        value = parseBlock(lines, c, next.indent);
      }
    } else {
      value = parseScalarValue(lines, c, rest, line.start + m[0].length, indent);
    }
    const last = lines[c.i - 1];
    entries.push({
      key,
      value: value ?? { kind: 'scalar', value: '', start: line.start + m[0].length, end: line.start + m[0].length },
      start: line.start,
      end: last ? last.start + last.text.length : line.start + line.text.length,
    });
  }
  const last = lines[c.i - 1];
  return { kind: 'map', entries, start, end: last ? last.start + last.text.length : start };
}

/** The value after `key:` or `- ` on line `c.i`; consumes block-scalar and continuation lines. */
function parseScalarValue(lines: Line[], c: { i: number }, rest: string, start: number, parentIndent: number): YamlNode {
  c.i++;
  if (/^[|>][-+0-9]*$/.test(rest)) {
    const parts: string[] = [];
    let end = start + rest.length;
    while (c.i < lines.length && lines[c.i].indent > parentIndent) {
      parts.push(lines[c.i].text);
      end = lines[c.i].start + lines[c.i].text.length;
      c.i++;
    }
    return { kind: 'scalar', value: parts.join(rest.startsWith('|') ? '\n' : ' '), start, end };
  }
  if (rest.startsWith('[')) return flowList(rest, start);
  if (rest.startsWith('{')) return flowMap(rest, start);
  let value = rest;
  let end = start + rest.length;
  // Plain multi-line scalars continue on deeper lines.
  while (!/^["']/.test(rest) && c.i < lines.length && lines[c.i].indent > parentIndent && !isMapLine(lines[c.i].text)) {
    value += ' ' + lines[c.i].text;
    end = lines[c.i].start + lines[c.i].text.length;
    c.i++;
  }
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted
    ? { kind: 'scalar', value: quoted[2], start: start + 1, end: end - 1 }
    : { kind: 'scalar', value, start, end };
}

function flowList(text: string, start: number): YamlList {
  const inner = text.replace(/^\[/, '').replace(/\]\s*$/, '');
  return { kind: 'list', items: flowItems(inner, start + 1), start, end: start + text.length };
}

function flowMap(text: string, start: number): YamlMap {
  const inner = text.replace(/^\{/, '').replace(/\}\s*$/, '');
  const entries: YamlMapEntry[] = [];
  for (const item of flowItems(inner, start + 1, true)) {
    const m = /^("[^"]*"|'[^']*'|[^:]+?)\s*:\s*(.*)$/.exec(item.value);
    if (!m) continue;
    const valueStart = item.end - m[2].length;
    entries.push({ key: unquote(m[1]), value: { kind: 'scalar', value: unquote(m[2]), start: valueStart, end: item.end }, start: item.start, end: item.end });
  }
  return { kind: 'map', entries, start, end: start + text.length };
}

/** Comma-separated items, quotes respected; each with its span. `raw` keeps quotes (map items). */
function flowItems(inner: string, offset: number, raw = false): YamlScalar[] {
  const items: YamlScalar[] = [];
  let i = 0;
  while (i < inner.length) {
    while (i < inner.length && /[\s,]/.test(inner[i])) i++;
    if (i >= inner.length) break;
    const q = inner[i];
    if (raw) {
      let end = i;
      let quote: string | undefined;
      for (; end < inner.length; end++) {
        if (quote) {
          if (inner[end] === quote) quote = undefined;
        } else if (inner[end] === '"' || inner[end] === "'") quote = inner[end];
        else if (inner[end] === ',') break;
      }
      const text = inner.slice(i, end).trimEnd();
      items.push({ kind: 'scalar', value: text, start: offset + i, end: offset + i + text.length });
      i = end + 1;
    } else if (q === '"' || q === "'") {
      const close = inner.indexOf(q, i + 1);
      const end = close < 0 ? inner.length : close;
      items.push({ kind: 'scalar', value: inner.slice(i + 1, end), start: offset + i + 1, end: offset + end });
      i = end + 1;
    } else {
      let end = inner.indexOf(',', i);
      if (end < 0) end = inner.length;
      const raw = inner.slice(i, end).trimEnd();
      items.push({ kind: 'scalar', value: raw, start: offset + i, end: offset + i + raw.length });
      i = end + 1;
    }
  }
  return items;
}

/** Keys end on a non-space (not a lazy `*?` before `\s*:`, which is quadratic in a long run of spaces). */
function isMapLine(text: string): boolean {
  return /^("[^"]*"|'[^']*'|[^\s:#"'[{](?:[^:#]*[^\s:#])?)\s*:(\s|$)/.test(text);
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      if (i === 0 || /[\s:\-[{,]/.test(line[i - 1])) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

function unquote(text: string): string {
  const m = /^(["'])(.*)\1$/.exec(text.trim());
  return m ? m[2] : text.trim();
}

/** The value under `key` in a map node. */
export function field(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}
