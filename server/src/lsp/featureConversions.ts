import {
  CompletionItemKind,
  FoldingRangeKind,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type FoldingRange,
  type Range,
} from 'vscode-languageserver/node';
import { LineIndex } from '../core/lineIndex';
import type { UwsgiVersion } from '../core/settings';
import type { CompletionEntry, FoldingEntry, OffsetRange, SymbolEntry } from '../features/types';

/** Plain feature results → LSP types, positions computed only through `LineIndex`. */
export class FeatureConverter {
  constructor(readonly lines: LineIndex) {}

  static forText(text: string): FeatureConverter {
    return new FeatureConverter(new LineIndex(text));
  }

  range(range: OffsetRange): Range {
    return { start: this.lines.positionAt(range.start), end: this.lines.positionAt(range.end) };
  }

  completion(entry: CompletionEntry, version: UwsgiVersion): CompletionItem {
    const item: CompletionItem = {
      label: entry.label,
      kind: COMPLETION_KINDS[entry.kind],
      detail: entry.detail,
      textEdit: { range: this.range(entry.replace), newText: entry.insertText ?? entry.label },
      filterText: entry.filterText,
      sortText: entry.sortText,
    };
    if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
    if (entry.option) item.data = { option: entry.option, version } satisfies OptionItemData;
    if (entry.retrigger) item.command = { title: 'Continue the path', command: 'editor.action.triggerSuggest' };
    return item;
  }

  symbol(entry: SymbolEntry): DocumentSymbol {
    return {
      name: entry.name || ' ',
      detail: entry.detail,
      kind: SYMBOL_KINDS[entry.kind],
      range: this.range(entry.range),
      selectionRange: this.range(entry.selectionRange),
      children: entry.children.map((c) => this.symbol(c)),
    };
  }

  folding(entry: FoldingEntry): FoldingRange {
    const fold: FoldingRange = {
      startLine: this.lines.positionAt(entry.start).line,
      endLine: this.lines.positionAt(entry.end).line,
    };
    if (entry.kind) fold.kind = entry.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region;
    return fold;
  }
}

/** Carried on option items so `completionItem/resolve` can add their documentation. */
export interface OptionItemData {
  option: string;
  version: UwsgiVersion;
}

export function isOptionItemData(data: unknown): data is OptionItemData {
  return !!data && typeof data === 'object' && typeof (data as OptionItemData).option === 'string' && typeof (data as OptionItemData).version === 'string';
}

const COMPLETION_KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  option: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  boolean: CompletionItemKind.Keyword,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  module: CompletionItemKind.Module,
};

const SYMBOL_KINDS: Record<SymbolEntry['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  entry: SymbolKind.Property,
  block: SymbolKind.Struct,
};
