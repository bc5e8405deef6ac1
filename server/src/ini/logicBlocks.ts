import type { IniEntry, IniLogicBlock, IniProblem, IniSection, LogicKind } from './model';

/** Options handled by `uwsgi_opt_logic` that open a block (every `if-*` spelling and the loops). */
const OPENERS: ReadonlyMap<string, LogicKind> = new Map([
  ...[
    'if-opt', 'if-not-opt', 'if-env', 'if-not-env', 'ifenv', 'if-reload', 'if-not-reload',
    'if-hostname', 'if-not-hostname', 'if-hostname-match', 'if-not-hostname-match',
    'if-exists', 'if-not-exists', 'ifexists', 'if-plugin', 'if-not-plugin', 'ifplugin',
    'if-file', 'if-not-file', 'if-dir', 'if-not-dir', 'ifdir', 'if-directory',
  ].map((k): [string, LogicKind] => [k, 'if']),
  ...['for', 'for-glob', 'for-times', 'for-readline'].map((k): [string, LogicKind] => [k, 'for']),
]);

const CLOSERS = new Set(['endif', 'end-if', 'endfor', 'end-for']);

/** Whether `key` opens a config-logic block. */
export function isLogicOpener(key: string): boolean {
  return OPENERS.has(key);
}

/** Whether `key` ends a config-logic block (`endif`, `end-if`, `endfor`, `end-for`). */
export function isLogicCloser(key: string): boolean {
  return CLOSERS.has(key);
}

/**
 * uWSGI evaluates logic while it adds options (`add_exported_option_do`): one block at a time,
 * any end key closes it, and a second opener inside a block aborts startup. Entries inside a
 * block get `block`/`conditional`, so nothing downstream guesses the runtime condition.
 */
export function trackLogicBlocks(section: IniSection, problems: IniProblem[]): IniLogicBlock[] {
  const blocks: IniLogicBlock[] = [];
  let open: IniLogicBlock | undefined;
  for (const entry of section.entries) {
    const kind = OPENERS.get(entry.key);
    if (kind) {
      if (open) {
        problems.push({
          kind: 'nestedBlock',
          start: entry.keySpan.start,
          end: lineEnd(entry),
          related: { start: open.open.keySpan.start, end: lineEnd(open.open) },
          message: `'${entry.key}' inside the '${open.open.key}' block: uWSGI exits with "recursive logic in options is not supported".`,
        });
        mark(entry, open);
        continue;
      }
      open = { kind, open: entry, elses: [], span: { start: entry.line.start, end: section.span.end } };
      blocks.push(open);
      continue;
    }
    if (CLOSERS.has(entry.key)) {
      if (!open) {
        problems.push({
          kind: 'strayEnd',
          start: entry.keySpan.start,
          end: lineEnd(entry),
          message: `'${entry.key}' without an open 'if-*' or 'for' block.`,
        });
        continue;
      }
      open.close = entry;
      open.span.end = entry.line.end + entry.line.eol.length;
      open = undefined;
      continue;
    }
    if (entry.key === 'else') {
      if (!open || open.kind !== 'if') {
        problems.push({
          kind: 'strayElse',
          start: entry.keySpan.start,
          end: lineEnd(entry),
          message: "'else' outside an 'if-*' block.",
        });
        continue;
      }
      open.elses.push(entry);
      mark(entry, open);
      continue;
    }
    if (open) mark(entry, open);
  }
  if (open) {
    problems.push({
      kind: 'unterminatedBlock',
      start: open.open.keySpan.start,
      end: lineEnd(open.open),
      message: `'${open.open.key}' block is never closed with '${open.kind === 'if' ? 'endif' : 'endfor'}' in section [${section.name}].`,
    });
  }
  section.blocks = blocks;
  return blocks;
}

function mark(entry: IniEntry, block: IniLogicBlock): void {
  entry.block = block;
  entry.conditional = true;
}

function lineEnd(entry: IniEntry): number {
  return Math.max(entry.valueSpan.end, entry.keySpan.end);
}
