import type { OffsetRange } from './types';

/**
 * Where module-level `name` is bound in Python `text`: `def`/`class`, an assignment, or an
 * import. The LAST binding is the one uWSGI's `getattr(module, name)` sees after the import.
 * A line scan, so it works before (or without) the tree-sitter parser.
 */
export function topLevelBinding(text: string, name: string): OffsetRange | undefined {
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  const id = escape(name);
  const patterns = [
    new RegExp(`^(?:async\\s+)?def\\s+(${id})\\s*\\(`),
    new RegExp(`^class\\s+(${id})\\b`),
    new RegExp(`^(${id})\\s*(?::[^=]*)?=(?!=)`),
    new RegExp(`^(?:from\\s+\\S+\\s+)?import\\s+(?:.*\\bas\\s+(${id})\\b|(?:.*[\\s,(])?(${id})\\s*(?:[,)]|$))`),
  ];
  let found: OffsetRange | undefined;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    for (const pattern of patterns) {
      const match = pattern.exec(line);
      if (!match) continue;
      const word = match[1] ?? match[2];
      const at = match.index + match[0].indexOf(word, match[0].startsWith('import') || match[0].startsWith('from') ? match[0].indexOf('import') + 6 : 0);
      found = { start: offset + at, end: offset + at + word.length };
      break;
    }
    offset += raw.length + 1;
  }
  return found;
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
