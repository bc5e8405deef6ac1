/**
 * Results of the editor features as plain data: UTF-16 offsets into the requested document (or
 * into `path` where a result points elsewhere). The LSP adapter turns them into protocol types.
 */
import type { FileSystem } from '../core/fileSystem';
import type { LintSettings } from '../core/settings';

export interface OffsetRange {
  start: number;
  end: number;
}

/** One feature request: the document as the editor has it, and how to read everything else. */
export interface FeatureRequest {
  /** Absolute path of the ini document. */
  path: string;
  /** Its current text (the open buffer). */
  text: string;
  fs: FileSystem;
  settings: LintSettings;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: OffsetRange;
}

export type CompletionKind = 'option' | 'value' | 'enum' | 'boolean' | 'file' | 'folder' | 'module';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line shown next to the label. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** For option names: the documentation is `optionMarkdown(option)`, fetched when the item is resolved. */
  option?: string;
  /** The text that replaces `replace`; the label when absent. */
  insertText?: string;
  /** Text the editor filters against (defaults to the label). */
  filterText?: string;
  sortText?: string;
  /** The span the insertion replaces; the cursor sits inside or at its end. */
  replace: OffsetRange;
  /** Re-open completion after inserting (a folder name, to continue the path). */
  retrigger?: boolean;
}

export type SymbolKind = 'section' | 'entry' | 'block';

export interface SymbolEntry {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** Whole extent, e.g. a section from its header to its last line. */
  range: OffsetRange;
  /** The part to reveal and highlight: the section name, the key. */
  selectionRange: OffsetRange;
  children: SymbolEntry[];
}

export interface FoldingEntry {
  /** Offset on the first line of the fold. */
  start: number;
  /** Offset on the last line the fold hides. */
  end: number;
  kind?: 'comment' | 'region';
}

export interface LinkEntry {
  range: OffsetRange;
  /** Absolute path of an existing file. */
  target: string;
  tooltip?: string;
}

export interface DefinitionEntry {
  /** The text in the ini that the definition is for. */
  originRange: OffsetRange;
  /** Absolute path of the target file. */
  path: string;
  /** Span in the target file (0..0 for the file itself). */
  range: OffsetRange;
}
