import { basename, dirname } from '../core/fileSystem';
import type { IniEntry } from '../ini/model';

/** Values of the magic variables we can know statically for one file read; others stay verbatim. */
export type MagicTable = ReadonlyMap<string, string>;

/** The file-dependent magic variables (`config_magic_table_fill`); runtime ones (`%h`, `%t`…) are not known. */
export function magicTableFor(path: string, asGiven: string, section: string, root?: MagicTable): MagicTable {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const dir = dirname(path);
  const table = new Map<string, string>([
    ['d', dir === '/' ? '/' : dir + '/'],
    ['p', path],
    ['s', name],
    ['n', dot > 0 ? name.slice(0, dot) : name],
    ['e', dot > 0 ? name.slice(dot + 1) : ''],
    ['c', basename(dir)],
    ['x', section],
    ['o', asGiven],
    ['%', '%'],
    ['[', '\u001b'],
  ]);
  // The upper-case twins describe the first non-template config: the root file.
  const twins: Array<[string, string]> = [['O', 'o'], ['D', 'd'], ['S', 's'], ['P', 'p'], ['C', 'c'], ['E', 'e'], ['N', 'n'], ['X', 'x']];
  for (const [upper, lower] of twins) table.set(upper, (root ?? table).get(lower) ?? '');
  return table;
}

export interface MagicResult {
  text: string;
  /** Runtime-only magic (`%h`, `%t`, `%k`…) stayed verbatim. */
  unresolved: boolean;
}

/**
 * `magic_sub()` over one entry's value: known variables replaced, `%%` → `%`, unknown letters
 * removed (uWSGI's table holds "" for them), runtime ones left as written.
 */
export function applyMagic(entry: IniEntry, table: MagicTable): MagicResult {
  let text = '';
  let cursor = entry.valueSpan.start;
  let unresolved = false;
  const source = entry.value;
  const base = entry.valueSpan.start;
  for (const token of entry.tokens) {
    if (token.kind !== 'magic' && token.kind !== 'unknownMagic' && token.kind !== 'escape') continue;
    text += source.slice(cursor - base, token.start - base);
    if (token.kind === 'unknownMagic') text += '';
    else if (token.kind === 'escape') text += '%';
    else if (table.has(token.name)) text += table.get(token.name);
    else {
      text += token.text;
      unresolved = true;
    }
    cursor = token.end;
  }
  text += source.slice(cursor - base);
  return { text, unresolved };
}
