import type { FileSystem } from './fileSystem';
import { normalizePath } from './fileSystem';
import type { Span } from './finding';
import { LineIndex, type Position } from './lineIndex';

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Turns spans (file + UTF-16 offsets) into line/character ranges against the text the analysis
 * saw. Both adapters (server, CLI) convert through this, with one line index per file.
 */
export class RangeConverter {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly fs: FileSystem) {}

  range(span: Span): Range {
    const index = this.indexFor(span.file);
    return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
  }

  offset(file: string, position: Position): number {
    return this.indexFor(file).offsetAt(position);
  }

  private indexFor(file: string): LineIndex {
    const path = normalizePath(file);
    let index = this.indexes.get(path);
    if (!index) this.indexes.set(path, (index = new LineIndex(this.fs.readFile(path) ?? '')));
    return index;
  }
}
