import type { IniDocument, IniEntry, IniLogicBlock, IniSection } from '../ini/model';
import type { SymbolEntry } from './types';

const MAX_DETAIL = 80;

/** Outline: sections with their entries; a logic block is one node holding the entries it guards. */
export function documentSymbols(doc: IniDocument): SymbolEntry[] {
  return doc.sections.filter((s) => s.header || s.entries.length > 0).map(sectionSymbol);
}

function sectionSymbol(section: IniSection): SymbolEntry {
  const header = section.header;
  const selection = header ? header.span : { start: section.span.start, end: section.span.start };
  const children: SymbolEntry[] = [];
  let block: { info: IniLogicBlock; symbol: SymbolEntry } | undefined;
  for (const entry of section.entries) {
    const opens = section.blocks.find((b) => b.open === entry);
    if (opens) {
      block = { info: opens, symbol: blockSymbol(opens) };
      children.push(block.symbol);
      continue;
    }
    if (block && block.info.close === entry) {
      block = undefined;
      continue;
    }
    if (block && entry.block === block.info) block.symbol.children.push(entrySymbol(entry));
    else children.push(entrySymbol(entry));
  }
  return {
    name: header ? `[${section.name}]` : '(before any section)',
    detail: header ? undefined : 'ignored by uWSGI',
    kind: 'section',
    range: { start: section.span.start, end: contentEnd(section) },
    selectionRange: selection,
    children,
  };
}

function blockSymbol(block: IniLogicBlock): SymbolEntry {
  const open = block.open;
  const end = block.close ? block.close.line.end : block.span.end;
  return {
    name: open.value === '' ? open.key : `${open.key} = ${clip(open.value)}`,
    detail: block.kind === 'if' ? 'condition' : 'loop',
    kind: 'block',
    range: { start: open.line.start, end: Math.max(end, open.line.end) },
    selectionRange: open.keySpan,
    children: [],
  };
}

function entrySymbol(entry: IniEntry): SymbolEntry {
  return {
    name: entry.key || '=',
    detail: clip(entry.value),
    kind: 'entry',
    range: { start: entry.line.start, end: entry.line.end },
    selectionRange: entry.keySpan.end > entry.keySpan.start ? entry.keySpan : { start: entry.line.start, end: entry.line.end },
    children: [],
  };
}

/** End of the section's last non-blank line, so trailing blank lines are not part of it. */
function contentEnd(section: IniSection): number {
  let end = section.header ? section.header.span.end : section.span.start;
  for (const line of section.lines) if (line.kind !== 'blank') end = line.end;
  return end;
}

function clip(value: string): string {
  return value.length > MAX_DETAIL ? value.slice(0, MAX_DETAIL - 1) + '…' : value;
}
